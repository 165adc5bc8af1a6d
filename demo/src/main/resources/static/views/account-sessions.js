// #/account, "Your sessions": the browsers signed in to the account, each but this one with a
// "Sign out" button, and "Sign out everywhere else".
import { app } from '../state.js';
import { setAlert, timeElement, smallButton } from '../dom.js';
import { handleError, isProblem } from '../forms.js';
import { sensitive } from './reauth.js';

const NOT_CONFIRMED = 'Nothing was signed out: confirm it’s you with your password to continue.';

const $ = (id) => document.getElementById(id);
const notice = $('sessions-notice');
const alert = $('sessions-alert');
const loading = $('sessions-loading');
const list = $('sessions-list');
const revokeOthersButton = $('revoke-others-button');

/** Empties the section (before the account screen is shown). */
export function resetSessions() {
	setAlert(notice);
	list.replaceChildren();
}

/** Fills "Your sessions"; shows "Loading sessions…" only if the answer is slow. */
export async function loadSessions() {
	setAlert(alert);
	const slow = setTimeout(() => (loading.hidden = false), 300);
	try {
		const { sessions } = await sensitive(() => app.client.listSessions());
		if (!list.isConnected) return;
		// Keep focus on the list if it was there (e.g. on a "Sign out" button that went away).
		const hadFocus = list.contains(document.activeElement);
		list.replaceChildren(...(sessions ?? []).map((session) => sessionItem(session)));
		if (hadFocus) revokeOthersButton.focus();
	} catch (error) {
		handleError(error, { alert, signedIn: true });
	} finally {
		clearTimeout(slow);
		loading.hidden = true;
	}
}

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
function describeUserAgent(userAgent) {
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
function sessionItem(session, now = Date.now()) {
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
		item.append(smallButton('Sign out', { style: 'danger', label: 'Sign out this session', action: 'revoke' }));
	}
	return item;
}

list.addEventListener('click', async (event) => {
	const button = event.target.closest('button[data-action="revoke"]');
	if (!button || button.getAttribute('aria-disabled') === 'true') return;
	const item = button.closest('li');
	const device = item.querySelector('.session-device span')?.textContent ?? 'the session';
	setAlert(notice);
	setAlert(alert);
	button.setAttribute('aria-disabled', 'true');
	try {
		await sensitive(() => app.client.revokeSession(item.dataset.handle));
		setAlert(notice, `Signed out ${device}.`);
	} catch (error) {
		if (!isProblem(error, 'not_found')) {
			button.removeAttribute('aria-disabled');
			if (isProblem(error, 'reauthentication_required')) {
				setAlert(alert, NOT_CONFIRMED);
			} else {
				handleError(error, { alert, signedIn: true });
			}
			return;
		}
		setAlert(notice, 'That session had already ended.');
	}
	await loadSessions();
});

revokeOthersButton.addEventListener('click', async () => {
	const button = revokeOthersButton;
	if (button.getAttribute('aria-disabled') === 'true') return;
	setAlert(notice);
	setAlert(alert);
	button.setAttribute('aria-disabled', 'true');
	try {
		const { revoked } = await sensitive(() => app.client.revokeOtherSessions());
		setAlert(
			notice,
			revoked === 0 ? 'There were no other sessions.' : `Signed out ${revoked} other ${revoked === 1 ? 'session' : 'sessions'}.`,
		);
		await loadSessions();
	} catch (error) {
		if (isProblem(error, 'reauthentication_required')) {
			setAlert(alert, NOT_CONFIRMED);
		} else {
			handleError(error, { alert, signedIn: true });
		}
	} finally {
		button.removeAttribute('aria-disabled');
	}
});
