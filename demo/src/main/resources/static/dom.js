// Small DOM helpers for app.js. Everything that can contain user data goes
// through textContent / createElement, never innerHTML.

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

/**
 * Puts each `{ field: message }` entry next to the form control named `field`
 * (in the element referenced by its aria-describedby "<id>-error") and marks the
 * control aria-invalid. Returns the messages whose field is not in the form.
 */
export function showFieldErrors(form, errors) {
	const leftovers = [];
	for (const [field, message] of Object.entries(errors ?? {})) {
		const control = form.elements.namedItem(field);
		const slot = control instanceof Element ? errorSlot(control) : null;
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

	const time = timeElement(note.createdAt);
	if (time) meta.append(time);

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

// ---------------------------------------------------------------- sessions

const BROWSERS = [
	[/\bEdg(?:e|A|iOS)?\//, 'Edge'],
	[/\b(?:OPR|Opera)\//, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\b(?:Firefox|FxiOS)\//, 'Firefox'],
	[/\bHeadlessChrome\//, 'Headless Chrome'],
	[/\b(?:Chrome|CriOS|Chromium)\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];
const SYSTEMS = [
	[/\b(?:iPhone|iPod)\b/, 'iPhone'],
	[/\biPad\b/, 'iPad'],
	[/\bAndroid\b/, 'Android'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bWindows\b/, 'Windows'],
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bLinux\b/, 'Linux'],
];
const MAX_AGENT_LENGTH = 48;

/** "Chrome on Linux", "Safari on iPhone", ... best effort; else the raw User-Agent, shortened. */
export function describeUserAgent(userAgent) {
	// Control and format characters would only confuse the display.
	const ua = String(userAgent ?? '').replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim();
	if (ua === '') return 'Unknown device';
	const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1];
	const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1];
	if (browser && system) return `${browser} on ${system}`;
	if (browser) return browser;
	const chars = [...ua];
	return chars.length > MAX_AGENT_LENGTH ? `${chars.slice(0, MAX_AGENT_LENGTH - 1).join('').trimEnd()}…` : ua;
}

/** Builds the <li> for one of the user's sessions (GET /api/auth/sessions). */
export function sessionItem(session, now = Date.now()) {
	const item = document.createElement('li');
	item.className = session.current ? 'session current' : 'session';
	item.dataset.handle = String(session.handle);

	const info = document.createElement('div');
	info.className = 'session-info';

	const device = document.createElement('p');
	device.className = 'session-device';
	const name = document.createElement('span');
	name.textContent = describeUserAgent(session.userAgent);
	if (session.userAgent) name.title = String(session.userAgent);
	device.append(name);
	if (session.current) {
		const badge = document.createElement('span');
		badge.className = 'badge';
		badge.textContent = 'This device';
		device.append(' ', badge);
	}

	const meta = document.createElement('p');
	meta.className = 'session-meta';
	const created = timeElement(session.createdAt, now);
	const seen = timeElement(session.lastSeenAt, now);
	if (created) meta.append('Signed in ', created);
	if (created && seen) meta.append(document.createTextNode(' · '));
	if (seen) meta.append('Last active ', seen);

	info.append(device, meta);
	item.append(info);

	if (!session.current) {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'button danger small';
		button.textContent = 'Sign out';
		button.setAttribute('aria-label', 'Sign out this session');
		button.dataset.action = 'revoke';
		item.append(button);
	}
	return item;
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
