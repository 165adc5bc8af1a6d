// The banner about two minutes before the session ends ("Stay signed in" / "Log in again"); when
// to show it is worked out by ../expiry.js.
import { app } from '../state.js';
import { describe } from '../forms.js';
import { smallButton } from '../dom.js';
import { expiryWarning, warningText } from '../expiry.js';

const TICK_MS = 5_000;
/** Ask the server only a little after the deadline we computed. */
const GRACE_MS = 5_000;

const region = document.getElementById('expiry-region');
const main = document.getElementById('main');

/*
 * The session's deadlines. The idle deadline moves with every answer from the API (touch()); the
 * absolute one never does. Deadlines are the server's instants: they are compared with the server's
 * time, estimated from the Date header of its answers, so a wrong clock on this computer does not
 * matter.
 */
let idleAt;
let absoluteAt;
let idleTimeout; // ms between a request and the idle deadline, as the server said last
let skew = 0; // this computer's clock minus the server's
let timer;
let checking = false;
let shown = null; // { text, absolute } while the banner is shown
let focusBeforeBanner = null;

const serverNow = () => Date.now() - skew;

/** Every answer's Date header: how far this computer's clock is from the server's. */
export function serverDate(header) {
	const date = Date.parse(header ?? '');
	// The header has whole seconds: the server's clock was, on average, half a second later.
	if (!Number.isNaN(date)) skew = Date.now() - (date + 500);
}

/** The deadlines from GET /api/auth/session; starts the timer. */
export function update(session) {
	if (!session?.authenticated) return;
	const now = serverNow();
	const idle = Date.parse(session.idleExpiresAt);
	const absolute = Date.parse(session.absoluteExpiresAt);
	if (!Number.isNaN(idle)) {
		idleAt = idle;
		idleTimeout = idle - now;
	}
	if (!Number.isNaN(absolute)) absoluteAt = absolute;
	if (idleAt === undefined && absoluteAt === undefined) return;
	timer ??= setInterval(check, TICK_MS);
	check();
}

/** An answer from the API (except a 401): the idle deadline moves back. */
export function touch() {
	if (app.user && idleTimeout !== undefined) idleAt = serverNow() + idleTimeout;
}

/** Signed out: no timer, no banner. */
export function stop() {
	clearInterval(timer);
	timer = undefined;
	idleAt = absoluteAt = idleTimeout = undefined;
	hide();
}

function check() {
	if (!app.user) return stop();
	const warning = expiryWarning({ idleAt, absoluteAt }, serverNow());
	if (!warning) return hide();
	if (warning.remaining <= -GRACE_MS) return verify();
	if (warning.ended) return; // within the grace period: keep the last text
	show(warning);
}

/** The deadline has passed: is the session really over (another tab may have kept it alive)? */
async function verify() {
	if (checking) return;
	checking = true;
	try {
		const session = await app.client.session();
		if (!app.user) return;
		if (session.authenticated) update(session);
		else app.sessionEnded();
	} catch {
		// Offline: try again at the next tick.
	} finally {
		checking = false;
	}
}

function show(warning) {
	const text = warningText(warning);
	if (shown?.text === text) return;
	if (shown?.absolute === warning.absolute) {
		region.querySelector('.expiry-text').textContent = text; // only the minutes changed
	} else {
		const banner = document.createElement('div');
		banner.className = 'expiry-banner';
		const message = document.createElement('p');
		message.className = 'expiry-text';
		message.textContent = text;
		const button = smallButton(warning.absolute ? 'Log in again' : 'Stay signed in', { style: 'primary' });
		button.addEventListener('click', warning.absolute ? logInAgain : staySignedIn);
		banner.append(message, button);
		region.replaceChildren(banner);
	}
	shown = { text, absolute: warning.absolute };
}

function hide() {
	if (!shown) return;
	const hadFocus = region.contains(document.activeElement);
	region.replaceChildren();
	shown = null;
	if (hadFocus) {
		const target = focusBeforeBanner?.isConnected ? focusBeforeBanner : main.querySelector('h2[tabindex="-1"]');
		target?.focus();
	}
	focusBeforeBanner = null;
}

region.addEventListener('focusin', (event) => {
	if (event.relatedTarget && !region.contains(event.relatedTarget)) focusBeforeBanner = event.relatedTarget;
});

async function staySignedIn(event) {
	const button = event.currentTarget;
	if (button.getAttribute('aria-disabled') === 'true') return;
	button.setAttribute('aria-disabled', 'true');
	try {
		const session = await app.client.session(); // any request pushes the idle deadline back
		if (!app.user) return;
		if (session.authenticated) update(session);
		else app.sessionEnded();
	} catch (error) {
		button.removeAttribute('aria-disabled');
		const message = region.querySelector('.expiry-text');
		if (message) message.textContent = `${shown?.text ?? ''} ${describe(error)}`.trim();
	}
}

/** What the user typed is kept for after the log-in, as when the session ends. */
function logInAgain(event) {
	app.logOut({ button: event.currentTarget, keepTyped: true });
}

// Timers are slowed down in background tabs: check as soon as the tab is visible again.
document.addEventListener('visibilitychange', () => {
	if (document.visibilityState === 'visible' && timer !== undefined) check();
});
