// Small DOM helpers for app.js. Everything that can contain user data goes
// through textContent / createElement, never innerHTML.

/** Shows `message` in a role="alert" element, or hides it when the message is empty. */
export function setAlert(element, message = '') {
	element.textContent = message;
	element.hidden = message === '';
}

/**
 * Puts each `{ field: message }` entry next to the form control named `field`
 * (in the element referenced by its aria-describedby "<id>-error") and marks the
 * control aria-invalid. Returns the messages whose field is not in the form.
 */
export function showFieldErrors(form, errors) {
	const leftovers = [];
	for (const [field, message] of Object.entries(errors ?? {})) {
		const control = form.elements.namedItem(field);
		const slot = control && document.getElementById(`${control.id}-error`);
		if (slot) {
			slot.textContent = message;
			control.setAttribute('aria-invalid', 'true');
		} else {
			leftovers.push(message);
		}
	}
	return leftovers;
}

/** Removes the field errors of one control, or of every control in a form. */
export function clearFieldErrors(formOrControl) {
	const controls = formOrControl instanceof HTMLFormElement ? [...formOrControl.elements] : [formOrControl];
	for (const control of controls) {
		if (!control.id) continue;
		const slot = document.getElementById(`${control.id}-error`);
		if (slot) slot.textContent = '';
		control.removeAttribute('aria-invalid');
	}
}

/** The first control of the form that is marked invalid, if any. */
export function firstInvalid(form) {
	return form.querySelector('[aria-invalid="true"]');
}

/** Disables a form's buttons while `task` runs. */
export async function whileBusy(form, task) {
	const buttons = [...form.querySelectorAll('button')];
	form.setAttribute('aria-busy', 'true');
	for (const button of buttons) button.disabled = true;
	try {
		return await task();
	} finally {
		form.removeAttribute('aria-busy');
		for (const button of buttons) button.disabled = false;
	}
}

const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "just now", "5 minutes ago", "3 hours ago", else e.g. "29 Nov 2026, 10:00". */
export function humanDate(date, now = Date.now()) {
	const seconds = Math.round((date.getTime() - now) / 1000);
	if (Math.abs(seconds) < 45) return 'just now';
	const minutes = Math.round(seconds / 60);
	if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
	const hours = Math.round(minutes / 60);
	if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
	return absolute.format(date);
}

/** Builds the <li> for one note. */
export function noteItem(note) {
	const item = document.createElement('li');
	item.className = 'note';
	item.dataset.id = String(note.id);

	const text = document.createElement('p');
	text.className = 'note-text';
	text.textContent = note.text;

	const meta = document.createElement('div');
	meta.className = 'note-meta';

	const created = new Date(note.createdAt);
	if (!Number.isNaN(created.getTime())) {
		const time = document.createElement('time');
		time.dateTime = created.toISOString();
		time.title = absolute.format(created);
		time.textContent = humanDate(created);
		meta.append(time);
	}

	const remove = document.createElement('button');
	remove.type = 'button';
	remove.className = 'button danger small';
	remove.textContent = 'Delete';
	remove.setAttribute('aria-label', 'Delete note');
	remove.dataset.action = 'delete';
	meta.append(remove);

	item.append(text, meta);
	return item;
}
