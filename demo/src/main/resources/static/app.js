/*
 * spa-auth demo: a per-user notes app (plain ES modules, no build step, CSP-friendly: no inline
 * scripts, styles or handlers; user text only ever goes through textContent).
 *
 * This is the shell: start-up, the router, the signed-in header and the moves between signed in
 * and signed out. Each screen is a module under views/. What a test can rely on (roles, labels,
 * texts) is documented in demo/README.md (not under static/, so the server does not serve it).
 */
import { createClient } from '/spa-auth-client/index.js';
import { app } from './state.js';
import { setAlert } from './dom.js';
import { describe, handleError, hasStatus } from './forms.js';
import { loadApiBaseUrl } from './config.js';
import { showScreen, currentRoute, replaceAddress } from './nav.js';
import { keepDrafts, restoreDrafts, discardDrafts } from './drafts.js';
import * as expiry from './views/expiry-banner.js';
import { askPassword, closeReauthDialog } from './views/reauth.js';
import { showAuth, focusUsername } from './views/auth.js';
import { showMfa } from './views/mfa.js';
import { enterNotes, focusNewNote } from './views/notes.js';
import { enterAccount } from './views/account.js';
import { enterAdmin, isAdmin } from './views/admin.js';
import { showForgot } from './views/forgot.js';
import { showReset } from './views/reset.js';
import { confirmEmail } from './views/confirm-email.js';
import { showNotMe } from './views/not-me.js';
import { verifyEmail } from './views/verify-email.js';
import { loadProviders, completeProviderFlow, providerMessage } from './views/providers.js';
import { reportProviderFlow } from './views/account-identities.js';

const SESSION_ENDED = 'Your session has ended. Please log in again.';
/** Routes that need a signed-in user: an anonymous visitor logs in first, then gets them. */
const SIGNED_IN_ROUTES = new Set(['/account', '/security', '/admin']);

const $ = (id) => document.getElementById(id);
const main = $('main');
const loadingView = $('loading-view');
const startupView = $('startup-view');
const startupAlert = $('startup-alert');
const header = {
	user: $('current-user'),
	adminLink: $('admin-link'),
	logoutButton: $('logout-button'),
	alert: $('account-alert'),
};

// ---------------------------------------------------------------- routing

/** Shows the screen for the current address. `focus` moves focus to its heading. */
async function route({ focus = false } = {}) {
	const seq = ++app.navigation;
	const { path, params, signup } = currentRoute();
	if (app.user) showHeader(app.user);
	let heading;
	if (path === '/reset-password') {
		heading = showReset(params.get('token'));
	} else if (path === '/not-me') {
		heading = showNotMe(params.get('token'));
	} else if (path === '/verify-email') {
		heading = await verifyEmail(params.get('token'), seq);
		if (heading === null && app.user && seq === app.navigation) heading = await enterNotes(seq);
	} else if (path === '/confirm-email') {
		heading = await confirmEmail(params.get('token'), seq);
	} else if (!app.user) {
		heading = path === '/forgot-password' ? showForgot() : showAuth(signup ? 'signup' : 'login');
	} else if (path === '/account' || path === '/security') {
		heading = enterAccount(path.slice(1));
	} else if (path === '/admin') {
		heading = enterAdmin(seq);
	} else {
		if (path === '/forgot-password') replaceAddress('');
		heading = await enterNotes(seq);
	}
	if (seq !== app.navigation) return;
	if (app.user) restoreDrafts(app.user, main);
	if (focus && heading) heading.focus();
}

function showHeader(user) {
	header.user.textContent = user.username;
	header.adminLink.hidden = !isAdmin(user);
	setAlert(header.alert);
}

// ---------------------------------------------------------------- signed in, signed out

/** After log-in or sign-up: the screen the address asks for (notes, or e.g. the account settings). */
async function signedIn(user) {
	app.user = user;
	// The log-in answer has no deadlines: ask for them, without waiting.
	app.client.session().then((session) => expiry.update(session), () => {});
	if (SIGNED_IN_ROUTES.has(currentRoute().path)) {
		await route({ focus: true });
	} else {
		replaceAddress('');
		await route();
		if (app.user) focusNewNote();
	}
}

/** Forgets the user: no expiry timer, no "Confirm it's you" dialog. */
function forgetUser() {
	app.user = null;
	expiry.stop();
	closeReauthDialog();
}

/** A 401 while signed in: what the user typed is kept for their next log-in (see drafts.js). */
function sessionEnded() {
	keepDrafts(app.user, main);
	forgetUser();
	showAuth('login', { alert: SESSION_ENDED });
	focusUsername();
}

/** The session is over (log-out, password reset): the log-in tab, at the app's home. */
function signedOut({ notice = '' } = {}) {
	forgetUser();
	replaceAddress('');
	++app.navigation;
	showAuth('login', { notice });
	focusUsername();
}

/** "Log out" (or the expiry banner's "Log in again", which keeps what the user typed). */
async function logOut({ button = header.logoutButton, keepTyped = false } = {}) {
	setAlert(header.alert);
	button.disabled = true;
	try {
		await app.client.logout();
	} catch (error) {
		// A 401 means the session was already over: nothing left to end.
		if (!hasStatus(error, 401)) {
			handleError(error, { alert: header.alert });
			return;
		}
	} finally {
		button.disabled = false;
	}
	if (keepTyped) keepDrafts(app.user, main);
	else discardDrafts();
	signedOut();
}

Object.assign(app, { signedIn, sessionEnded, signedOut, logOut, forgetUser });

// ---------------------------------------------------------------- start-up

async function start() {
	showScreen(loadingView);
	app.client ??= createClient({
		baseUrl: await loadApiBaseUrl(),
		fetch: trackActivity,
		onReauthenticationRequired: askPassword,
	});
	// Back from a provider (?authCode= or ?authError=): finish before asking for the session.
	const [completion] = await Promise.all([completeProviderFlow(), loadProviders()]);
	if (completion?.intent === 'sign_in' && completion.result?.mfaRequired) {
		showMfa(completion.result.methods);
		return;
	}
	if (completion && completion.intent !== 'sign_in') reportProviderFlow(completion);
	let session;
	try {
		session = await app.client.session();
	} catch (error) {
		setAlert(startupAlert, describe(error));
		showScreen(startupView);
		return;
	}
	if (session.authenticated) {
		app.user = session.user;
		expiry.update(session);
	} else if (session.mfaRequired) {
		// A reload between the password and the second step: the log-in still waits for its code.
		showMfa(session.methods);
		return;
	}
	await route();
	if (!app.user && completion?.intent === 'sign_in' && completion.error) {
		showAuth('login', { alert: providerMessage(completion.error, completion.provider, completion.problem) });
	}
}

/** Every answer from the API (except a 401) pushes the idle deadline back; see views/expiry-banner.js. */
async function trackActivity(input, init) {
	const response = await globalThis.fetch(input, init);
	// Readable on the same origin (a cross-origin API would have to expose it).
	expiry.serverDate(response.headers.get('date'));
	if (response.status !== 401) expiry.touch();
	return response;
}

// Links such as "Account", "Forgot password?" and "Back to notes" only change the hash.
window.addEventListener('hashchange', () => {
	if (app.client) route({ focus: true });
});

header.logoutButton.addEventListener('click', () => logOut());
$('retry-button').addEventListener('click', start);

start();
