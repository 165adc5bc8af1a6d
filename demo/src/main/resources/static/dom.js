// Small DOM helpers shared by the screens (and mailbox.js). Everything that can contain user data
// goes through textContent / createElement, never innerHTML.

/** Shows `message` in a role="alert" element, or hides it when the message is empty. */
export function setAlert(element, message = '') {
	element.textContent = message;
	element.hidden = message === '';
}

/** The element that holds a control's message: "<id>-error", looked up in its form (which may be detached). */
function errorSlot(control) {
	if (!control.id) return null;
	const id = `${control.id}-error`;
	return control.form?.querySelector(`#${CSS.escape(id)}`) ?? document.getElementById(id);
}

/** The text of a control's label ("New password"), looked up in its form (which may be detached). */
export function labelText(control) {
	const selector = `label[for="${CSS.escape(control.id)}"]`;
	const label = control.form?.querySelector(selector) ?? document.querySelector(selector);
	return label?.textContent.trim() || control.name;
}

/**
 * Puts each `{ field: message }` entry next to the form control named `field`
 * (in the element referenced by its aria-describedby "<id>-error") and marks the
 * control aria-invalid. Returns the controls so marked, and the messages whose
 * field is not in the form.
 */
export function showFieldErrors(form, errors) {
	const marked = [];
	const leftovers = [];
	for (const [field, message] of Object.entries(errors ?? {})) {
		const control = form.elements.namedItem(field);
		const slot = control instanceof Element ? errorSlot(control) : null;
		if (slot) {
			slot.textContent = message;
			control.setAttribute('aria-invalid', 'true');
			marked.push(control);
		} else {
			leftovers.push(message);
		}
	}
	return { marked, leftovers };
}

/** Removes the field errors of one control, or of every control in a form. */
export function clearFieldErrors(formOrControl) {
	const controls = formOrControl instanceof HTMLFormElement ? [...formOrControl.elements] : [formOrControl];
	for (const control of controls) {
		if (!control.id) continue;
		const slot = errorSlot(control);
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
/**
 * A small button of a list row or banner: `style` is 'danger', 'ghost' or 'primary'; `label`, when
 * given, is its accessible name (the visible text is shorter); `action` goes to data-action, which the
 * list's one click handler reads.
 */
export function smallButton(text, { style, label, action } = {}) {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = `button ${style} small`;
	button.textContent = text;
	if (label) button.setAttribute('aria-label', label);
	if (action) button.dataset.action = action;
	return button;
}

export function humanDate(date, now = Date.now()) {
	const seconds = Math.round((date.getTime() - now) / 1000);
	if (Math.abs(seconds) < 45) return 'just now';
	const minutes = Math.round(seconds / 60);
	if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
	const hours = Math.round(minutes / 60);
	if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
	return absolute.format(date);
}

/** A <time> for an ISO-8601 instant, e.g. "5 minutes ago" with the full date as a tooltip; null if invalid. */
export function timeElement(iso, now = Date.now()) {
	const date = new Date(iso);
	if (iso == null || Number.isNaN(date.getTime())) return null;
	const time = document.createElement('time');
	time.dateTime = date.toISOString();
	time.title = absolute.format(date);
	time.textContent = humanDate(date, now);
	return time;
}

// ---------------------------------------------------------------- links in plain text

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/g;

/**
 * The text as a fragment of text nodes, with <a> elements for the URLs that start with one of
 * `allowedPrefixes` (e.g. the page's origin + "/"). Other URLs stay plain text. No HTML is parsed.
 */
export function linkify(text, allowedPrefixes) {
	const fragment = document.createDocumentFragment();
	const source = String(text ?? '');
	let last = 0;
	for (const match of source.matchAll(URL_PATTERN)) {
		// Punctuation that ends a sentence is not part of the link.
		const candidate = match[0].replace(/[.,;:!?)\]}]+$/, '');
		const href = safeHref(candidate, allowedPrefixes);
		if (!href) continue;
		fragment.append(source.slice(last, match.index));
		const link = document.createElement('a');
		link.href = href;
		link.textContent = candidate;
		fragment.append(link);
		last = match.index + candidate.length;
	}
	fragment.append(source.slice(last));
	return fragment;
}

function safeHref(candidate, allowedPrefixes) {
	let url;
	try {
		url = new URL(candidate);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	if (url.username || url.password) return null;
	return allowedPrefixes.some((prefix) => url.href.startsWith(prefix)) ? url.href : null;
}
