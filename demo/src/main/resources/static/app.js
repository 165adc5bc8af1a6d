/*
 * spa-auth demo: a per-user notes app (plain ES modules, no build step, CSP-friendly:
 * no inline scripts, styles or handlers; user text only ever goes through textContent).
 *
 * How a test (e.g. Playwright) can drive it:
 * - Only the current screen is in the document (the others are detached, kept in memory), so a
 *   label such as "Email" or "New password" always resolves to exactly one field. (getByLabel also
 *   matches forms and sections named by their heading: no heading contains a field's label.)
 * - Anonymous: two tabs (role "tab") named "Log in" (selected at first) and "Create an account".
 *   Only the selected tab's panel is shown; the other has the `hidden` attribute and its form
 *   is taken out of the document, so getByLabel('Username') / getByLabel('Password') always
 *   resolve to exactly one field.
 *   Opening the page as /#signup selects "Create an account" from the start.
 *   - Log-in form (heading "Welcome back"): textboxes labelled "Username" and "Password",
 *     submit button "Log in", link "Forgot password?" (to #/forgot-password). The tab is role
 *     "tab", so getByRole('button', { name: 'Log in' }) only matches the submit button.
 *   - Sign-up form: click getByRole('tab', { name: 'Create an account' }); heading
 *     "Create your account", labels "Username", "Email", "Password", submit button "Sign up".
 * - #/forgot-password (heading "Forgot your password?"): label "Email", button "Send reset link";
 *   the server's answer in a role="status" element; link "Back to log in".
 * - #/reset-password?token=… (heading "Reset your password"): label "New password", button
 *   "Set new password". Success shows the log-in form with the status "Password changed. Log in
 *   with your new password."; a bad token shows the problem in role="alert" and a link
 *   "Request a new link". The token is taken out of the address bar at once.
 * - #/confirm-email?token=… (heading "Confirm your new email"): posts the token on load and shows
 *   "Email changed to <email>." (role="status") or the problem (role="alert"); link "Continue".
 * - Signed in: text "Signed in as <username>", link "Account", button "Log out".
 *   - Notes (#/ or no hash): textarea labelled "New note", button "Add note", list "Your notes"
 *     with one listitem per note (newest first), each with the note text, a <time> and a button
 *     named "Delete note" (visible text "Delete").
 *   - #/account (heading "Account settings", link "Back to notes"):
 *     "Change password": labels "Current password", "New password", button "Change password";
 *     success status "Password changed. Other sessions were signed out."
 *     "Change email": the current email, label "New email", button "Change email"; success status
 *     "Check <new email> for a confirmation link."
 *     "Your sessions": list "Your sessions", one listitem per session with the device ("Chrome on
 *     Linux", or the User-Agent shortened), "Signed in …", "Last active …", the text "This device"
 *     on the current one and a button named "Sign out this session" (visible text "Sign out") on
 *     the others; button "Sign out everywhere else". Results in a role="status" element.
 * - An operation that needs a fresh log-in (403 reauthentication_required) opens a modal dialog
 *   named "Confirm it's you" with a field labelled "Current password" and buttons "Confirm" and
 *   "Cancel"; the operation is retried once after the password is confirmed. A wrong password
 *   shows "That is not your current password." in the dialog's role="alert" (and in the
 *   change-password form's). On the account page
 *   the change-password form has a "Current password" field too: scope to the dialog, e.g.
 *   getByRole('dialog').getByLabel('Current password').
 * - About two minutes before the session ends (idle or absolute deadline from GET
 *   /api/auth/session) a banner (role="status") says "Your session ends in N minutes." with a
 *   button "Stay signed in", or, when only the absolute deadline is near, adds "Log in again to
 *   continue." with a button "Log in again".
 * - Errors: the problem's `detail` in a role="alert" element inside the form that failed;
 *   field messages next to their control, linked with aria-describedby (aria-invalid="true").
 * - A 401 while signed in switches to the log-in tab with the alert
 *   "Your session has ended. Please log in again."
 *
 * Where the API lives: see config.js (/config.json, {"apiBaseUrl": ""} for the same origin).
 */
import { createClient, HTTPError, NetworkError } from '/spa-auth-client/index.js';
import {
	setAlert,
	showFieldErrors,
	clearFieldErrors,
	firstInvalid,
	whileBusy,
	noteItem,
	sessionItem,
} from './dom.js';
import { loadApiBaseUrl } from './config.js';
import { expiryWarning, warningText } from './expiry.js';

const SESSION_ENDED = 'Your session has ended. Please log in again.';
const PASSWORD_RESET_DONE = 'Password changed. Log in with your new password.';
const PASSWORD_CHANGED = 'Password changed. Other sessions were signed out.';
const NOT_CONFIRMED_EMAIL = 'Your email was not changed: confirm it’s you with your password to continue.';
const NOT_CONFIRMED_SESSIONS = 'Nothing was signed out: confirm it’s you with your password to continue.';
/** For 400 invalid_credentials where there is no username (the server's detail mentions one). */
const WRONG_CURRENT_PASSWORD = 'That is not your current password.';
const LINK_INCOMPLETE = 'This link is incomplete. Open the link from the email again, or request a new one.';

/** Created in start(), once /config.json has said where the API is. */
let client;
/** The signed-in user, or null. */
let currentUser = null;

const $ = (id) => document.getElementById(id);
const ui = {
	main: $('main'),
	views: {
		loading: $('loading-view'),
		startup: $('startup-view'),
		auth: $('auth-view'),
		notes: $('notes-view'),
		account: $('account-view'),
		forgot: $('forgot-view'),
		reset: $('reset-view'),
		confirm: $('confirm-view'),
	},
	startupAlert: $('startup-alert'),
	retryButton: $('retry-button'),
	tabs: {
		login: { tab: $('login-tab'), panel: $('login-panel'), form: $('login-form'), alert: $('login-alert') },
		signup: { tab: $('signup-tab'), panel: $('signup-panel'), form: $('signup-form'), alert: $('signup-alert') },
	},
	loginNotice: $('login-notice'),
	signedInHeader: $('signed-in-header'),
	currentUser: $('current-user'),
	accountLink: $('account-link'),
	logoutButton: $('logout-button'),
	accountAlert: $('account-alert'),
	noteForm: $('note-form'),
	noteText: $('note-text'),
	noteAlert: $('note-alert'),
	listAlert: $('list-alert'),
	notesEmpty: $('notes-empty'),
	notesList: $('notes-list'),
	account: {
		heading: $('account-heading'),
		passwordForm: $('password-form'),
		passwordNotice: $('password-notice'),
		passwordAlert: $('password-alert'),
		currentEmail: $('current-email'),
		emailForm: $('email-form'),
		emailNotice: $('email-notice'),
		emailAlert: $('email-alert'),
		sessionsNotice: $('sessions-notice'),
		sessionsAlert: $('sessions-alert'),
		sessionsLoading: $('sessions-loading'),
		sessionsList: $('sessions-list'),
		revokeOthersButton: $('revoke-others-button'),
	},
	forgot: { form: $('forgot-form'), notice: $('forgot-notice'), alert: $('forgot-alert') },
	reset: { form: $('reset-form'), alert: $('reset-alert'), newLink: $('reset-new-link'), fields: $('reset-fields') },
	confirm: {
		progress: $('confirm-progress'),
		notice: $('confirm-notice'),
		alert: $('confirm-alert'),
		continueLink: $('confirm-continue'),
	},
	reauth: {
		dialog: $('reauth-dialog'),
		form: $('reauth-form'),
		alert: $('reauth-alert'),
		cancel: $('reauth-cancel'),
	},
	expiryRegion: $('expiry-region'),
};

// ---------------------------------------------------------------- views

const SIGNED_IN_VIEWS = new Set(['notes', 'account']);

/**
 * Shows one view. The others are detached from the document (kept in memory with their listeners
 * and values), so labels that repeat across screens ("Email", "New password") stay unique.
 */
function showView(name) {
	for (const [key, element] of Object.entries(ui.views)) {
		if (key === name) {
			element.hidden = false;
			if (!element.isConnected) ui.main.append(element);
		} else {
			element.hidden = true;
			element.remove();
		}
	}
	ui.signedInHeader.hidden = !SIGNED_IN_VIEWS.has(name);
	if (name === 'account') ui.accountLink.setAttribute('aria-current', 'page');
	else ui.accountLink.removeAttribute('aria-current');
}

function selectTab(name, { focus = false } = {}) {
	for (const [key, { tab, panel, form }] of Object.entries(ui.tabs)) {
		const selected = key === name;
		tab.setAttribute('aria-selected', String(selected));
		tab.tabIndex = selected ? 0 : -1;
		panel.hidden = !selected;
		// The unselected form is detached (kept in memory with its listeners and values), so
		// text-based locators such as getByLabel('Username') never see two matching fields.
		if (selected) panel.replaceChildren(form);
		else form.remove();
	}
	if (focus) ui.tabs[name].tab.focus();
}

function resetForm(form, ...messages) {
	form.reset();
	clearFieldErrors(form);
	for (const element of messages) setAlert(element);
}

function resetAuthForms() {
	for (const { form, alert } of Object.values(ui.tabs)) resetForm(form, alert);
	setAlert(ui.loginNotice);
}

function showAuth(tab = 'login', message = '', notice = '') {
	resetAuthForms();
	selectTab(tab);
	setAlert(ui.tabs[tab].alert, message);
	if (tab === 'login') setAlert(ui.loginNotice, notice);
	showView('auth');
	document.title = 'Log in · Notes';
}

function showSignedInHeader(user) {
	ui.currentUser.textContent = user.username;
	setAlert(ui.accountAlert);
}

function showNotes(user) {
	showSignedInHeader(user);
	for (const element of [ui.noteAlert, ui.listAlert]) setAlert(element);
	resetForm(ui.noteForm);
	renderNotes([]);
	showView('notes');
	document.title = `${user.username} · Notes`;
}

function signedOut() {
	currentUser = null;
	expiry.stop();
	closeReauthDialog();
}

function sessionEnded() {
	signedOut();
	showAuth('login', SESSION_ENDED);
	ui.tabs.login.form.elements.namedItem('username').focus();
}

/** A message fit for the user, for any error the client can throw. */
function describe(error) {
	if (error instanceof HTTPError) return error.detail;
	if (error instanceof NetworkError) return 'Can’t reach the server. Check your connection and try again.';
	console.error(error);
	return 'Something went wrong. Please try again.';
}

/**
 * Shows an error in `alert` (and field messages in `form`, if given).
 * Returns true if the error was a 401 on a signed-in screen and the session-ended view is shown.
 */
function handleError(error, { alert, form, signedIn = false }) {
	if (signedIn && error instanceof HTTPError && error.status === 401) {
		sessionEnded();
		return true;
	}
	const leftovers = form && error instanceof HTTPError ? showFieldErrors(form, error.errors) : [];
	setAlert(alert, [describe(error), ...leftovers].join(' '));
	return false;
}

const isProblem = (error, code) => error instanceof HTTPError && error.code === code;

// ---------------------------------------------------------------- routing

/** Counts navigations, so that a slow answer for a screen the user has left is dropped. */
let navigation = 0;

/** The hash route: "#/account" -> { path: '/account' }; "#/reset-password?token=x" -> params token. */
function currentRoute() {
	const hash = location.hash;
	if (!hash.startsWith('#/')) return { path: '/', params: new URLSearchParams(), signup: hash === '#signup' };
	const rest = hash.slice(1);
	const query = rest.indexOf('?');
	return {
		path: query < 0 ? rest : rest.slice(0, query),
		params: new URLSearchParams(query < 0 ? '' : rest.slice(query + 1)),
	};
}

/** Changes the address without a hashchange event; '' means the app's home (no hash). */
function setAddress(hash, { replace = false } = {}) {
	const url = hash || location.pathname + location.search;
	if (replace) history.replaceState(null, '', url);
	else history.pushState(null, '', url);
}

/** Shows the screen for the current address. `focus` moves focus to its heading. */
async function route({ focus = false } = {}) {
	const seq = ++navigation;
	const { path, params, signup } = currentRoute();
	let heading;
	switch (path) {
		case '/reset-password':
			heading = showReset(params.get('token'));
			break;
		case '/confirm-email':
			heading = await confirmEmail(params.get('token'), seq);
			break;
		case '/forgot-password':
			if (currentUser) {
				setAddress('', { replace: true });
				heading = await enterNotes(currentUser, seq);
			} else {
				heading = showForgot();
			}
			break;
		case '/account':
			// Anonymous: log in first, then this route shows the account settings.
			heading = currentUser ? enterAccount() : showAuthHome('login');
			break;
		default:
			heading = currentUser ? await enterNotes(currentUser, seq) : showAuthHome(signup ? 'signup' : 'login');
	}
	if (focus && heading && seq === navigation) heading.focus();
}

function showAuthHome(tab) {
	showAuth(tab);
	return $(`${tab}-heading`);
}

// ---------------------------------------------------------------- start-up

const initialTab = location.hash === '#signup' ? 'signup' : 'login';

async function start() {
	showView('loading');
	client ??= createClient({
		baseUrl: await loadApiBaseUrl(),
		fetch: trackActivity,
		onReauthenticationRequired: askPassword,
	});
	let session;
	try {
		session = await client.session();
	} catch (error) {
		setAlert(ui.startupAlert, describe(error));
		showView('startup');
		return;
	}
	if (session.authenticated) {
		currentUser = session.user;
		expiry.update(session);
	}
	await route();
}

/** Every answer from the API (except a 401) pushes the idle deadline back; see `expiry`. */
async function trackActivity(input, init) {
	const response = await globalThis.fetch(input, init);
	// Readable on the same origin (a cross-origin API would have to expose it).
	expiry.serverDate(response.headers.get('date'));
	if (response.status !== 401) expiry.touch();
	return response;
}

/**
 * Loads the user's notes, then shows the signed-in view (so "Signed in as" means notes are there).
 * Returns the heading to focus.
 */
async function enterNotes(user, seq = ++navigation) {
	let notes;
	let failure;
	try {
		({ notes } = await client.request('GET', '/api/notes'));
	} catch (error) {
		failure = error;
	}
	if (seq !== navigation) return null; // the user went elsewhere meanwhile
	if (failure && failure instanceof HTTPError && failure.status === 401) {
		sessionEnded();
		return null;
	}
	showNotes(user);
	if (failure) {
		handleError(failure, { alert: ui.listAlert, signedIn: true });
	} else {
		renderNotes(notes ?? []);
	}
	return $('notes-heading');
}

/** After log-in or sign-up: the screen the address asks for (notes, or the account settings). */
async function signedIn(user) {
	currentUser = user;
	// The log-in answer has no deadlines: ask for them, without waiting.
	client.session().then((session) => expiry.update(session), () => {});
	if (currentRoute().path === '/account') {
		await route({ focus: true });
	} else {
		setAddress('', { replace: true });
		await route();
		if (currentUser) ui.noteText.focus();
	}
}

// ---------------------------------------------------------------- tabs

for (const [name, { tab }] of Object.entries(ui.tabs)) {
	tab.addEventListener('click', () => selectTab(name));
}

// Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern).
ui.views.auth.querySelector('[role="tablist"]').addEventListener('keydown', (event) => {
	const names = Object.keys(ui.tabs);
	const current = names.findIndex((name) => ui.tabs[name].tab.getAttribute('aria-selected') === 'true');
	const moves = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: names.length - 1 };
	if (!(event.key in moves)) return;
	event.preventDefault();
	selectTab(names[(moves[event.key] + names.length) % names.length], { focus: true });
});

// ---------------------------------------------------------------- forms

/** Marks empty required fields; returns false if any was empty. */
function checkRequired(form, messages) {
	let ok = true;
	for (const [field, message] of Object.entries(messages)) {
		if (form.elements.namedItem(field).value.trim() === '') {
			showFieldErrors(form, { [field]: message });
			ok = false;
		}
	}
	return ok;
}

function beforeSubmit(form, ...messages) {
	clearFieldErrors(form);
	for (const element of messages) setAlert(element);
}

function focusProblem(form, fallback) {
	(firstInvalid(form) ?? fallback)?.focus();
}

// Clear a field's message as soon as the user edits it.
for (const form of [
	ui.tabs.login.form,
	ui.tabs.signup.form,
	ui.noteForm,
	ui.account.passwordForm,
	ui.account.emailForm,
	ui.forgot.form,
	ui.reset.form,
	ui.reauth.form,
]) {
	form.addEventListener('input', (event) => clearFieldErrors(event.target));
}

ui.tabs.login.form.addEventListener('submit', async (event) => {
	event.preventDefault();
	const { form, alert } = ui.tabs.login;
	beforeSubmit(form, alert, ui.loginNotice);
	const username = form.elements.namedItem('username');
	const password = form.elements.namedItem('password');
	if (!checkRequired(form, { username: 'Enter your username.', password: 'Enter your password.' })) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			const { user } = await client.login(username.value.trim(), password.value);
			await signedIn(user);
		} catch (error) {
			handleError(error, { alert, form });
			password.value = '';
			const badCredentials = error instanceof HTTPError && (error.code === 'invalid_credentials' || error.status === 401);
			focusProblem(form, badCredentials ? password : null);
		}
	});
});

ui.tabs.signup.form.addEventListener('submit', async (event) => {
	event.preventDefault();
	const { form, alert } = ui.tabs.signup;
	beforeSubmit(form, alert);
	const field = (name) => form.elements.namedItem(name);
	const required = {
		username: 'Choose a username.',
		email: 'Enter your email address.',
		password: 'Choose a password.',
	};
	if (!checkRequired(form, required)) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			const { user } = await client.signup({
				username: field('username').value.trim(),
				email: field('email').value.trim(),
				password: field('password').value,
			});
			await signedIn(user);
		} catch (error) {
			handleError(error, { alert, form });
			focusProblem(form);
		}
	});
});

// ---------------------------------------------------------------- notes

function renderNotes(notes) {
	ui.notesList.replaceChildren(...notes.map(noteItem));
	updateEmpty();
}

function updateEmpty() {
	ui.notesEmpty.hidden = ui.notesList.children.length > 0;
}

ui.noteForm.addEventListener('submit', async (event) => {
	event.preventDefault();
	const form = ui.noteForm;
	beforeSubmit(form, ui.noteAlert);
	if (!checkRequired(form, { text: 'Write something first.' })) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			const note = await client.request('POST', '/api/notes', { text: ui.noteText.value });
			ui.notesList.prepend(noteItem(note));
			updateEmpty();
			form.reset();
			ui.noteText.focus();
		} catch (error) {
			if (!handleError(error, { alert: ui.noteAlert, form, signedIn: true })) focusProblem(form);
		}
	});
});

// Ctrl+Enter (Cmd+Enter on macOS) in the textarea adds the note.
ui.noteText.addEventListener('keydown', (event) => {
	if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
		event.preventDefault();
		ui.noteForm.requestSubmit();
	}
});

ui.notesList.addEventListener('click', async (event) => {
	const button = event.target.closest('button[data-action="delete"]');
	if (!button) return;
	if (button.getAttribute('aria-disabled') === 'true') return; // already deleting
	const item = button.closest('li');
	setAlert(ui.listAlert);
	// aria-disabled rather than disabled: a disabled button would drop keyboard focus.
	button.setAttribute('aria-disabled', 'true');
	try {
		await client.request('DELETE', `/api/notes/${encodeURIComponent(item.dataset.id)}`);
		removeNote(item);
	} catch (error) {
		if (error instanceof HTTPError && error.status === 404) {
			removeNote(item); // already gone
			return;
		}
		button.removeAttribute('aria-disabled');
		handleError(error, { alert: ui.listAlert, signedIn: true });
	}
});

/** Removes a note's item and keeps keyboard focus somewhere sensible. */
function removeNote(item) {
	const next = item.nextElementSibling ?? item.previousElementSibling;
	const hadFocus = item.contains(document.activeElement) || document.activeElement === document.body;
	item.remove();
	updateEmpty();
	if (hadFocus) (next?.querySelector('button') ?? ui.noteText).focus();
}

// ---------------------------------------------------------------- account settings

function enterAccount() {
	const a = ui.account;
	showSignedInHeader(currentUser);
	resetForm(a.passwordForm, a.passwordNotice, a.passwordAlert);
	a.passwordForm.elements.namedItem('username').value = currentUser.username;
	resetForm(a.emailForm, a.emailNotice, a.emailAlert);
	a.currentEmail.textContent = currentUser.email;
	setAlert(a.sessionsNotice);
	a.sessionsList.replaceChildren();
	showView('account');
	document.title = 'Account settings · Notes';
	loadSessions();
	return a.heading;
}

/** Fills "Your sessions"; shows "Loading sessions…" only if the answer is slow. */
async function loadSessions() {
	const a = ui.account;
	setAlert(a.sessionsAlert);
	const slow = setTimeout(() => (a.sessionsLoading.hidden = false), 300);
	try {
		const { sessions } = await sensitive(() => client.listSessions());
		if (!a.sessionsList.isConnected) return;
		// Keep focus on the list if it was there (e.g. on a "Sign out" button that went away).
		const hadFocus = a.sessionsList.contains(document.activeElement);
		a.sessionsList.replaceChildren(...(sessions ?? []).map((session) => sessionItem(session)));
		if (hadFocus) a.revokeOthersButton.focus();
	} catch (error) {
		handleError(error, { alert: a.sessionsAlert, signedIn: true });
	} finally {
		clearTimeout(slow);
		a.sessionsLoading.hidden = true;
	}
}

ui.account.passwordForm.addEventListener('submit', async (event) => {
	event.preventDefault();
	const a = ui.account;
	const form = a.passwordForm;
	beforeSubmit(form, a.passwordNotice, a.passwordAlert);
	const currentPassword = form.elements.namedItem('currentPassword');
	const newPassword = form.elements.namedItem('newPassword');
	const required = { currentPassword: 'Enter your current password.', newPassword: 'Choose a new password.' };
	if (!checkRequired(form, required)) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			// The session gets a new id; the client keeps the new CSRF token from the answer.
			await sensitive(() =>
				client.changePassword({ currentPassword: currentPassword.value, newPassword: newPassword.value }),
			);
			resetForm(form);
			setAlert(a.passwordNotice, PASSWORD_CHANGED);
			loadSessions();
		} catch (error) {
			if (handleError(error, { alert: a.passwordAlert, form, signedIn: true })) return;
			if (isProblem(error, 'invalid_credentials')) {
				setAlert(a.passwordAlert, WRONG_CURRENT_PASSWORD);
				currentPassword.value = '';
				currentPassword.setAttribute('aria-invalid', 'true');
			}
			focusProblem(form);
		}
	});
});

ui.account.emailForm.addEventListener('submit', async (event) => {
	event.preventDefault();
	const a = ui.account;
	const form = a.emailForm;
	beforeSubmit(form, a.emailNotice, a.emailAlert);
	const newEmail = form.elements.namedItem('newEmail');
	if (!checkRequired(form, { newEmail: 'Enter the new email address.' })) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			const { pendingEmail } = await sensitive(() => client.changeEmail(newEmail.value.trim()));
			resetForm(form);
			setAlert(a.emailNotice, `Check ${pendingEmail} for a confirmation link.`);
		} catch (error) {
			if (isProblem(error, 'reauthentication_required')) {
				// The user closed the "Confirm it's you" dialog.
				setAlert(a.emailAlert, NOT_CONFIRMED_EMAIL);
				return;
			}
			if (!handleError(error, { alert: a.emailAlert, form, signedIn: true })) focusProblem(form);
		}
	});
});

ui.account.sessionsList.addEventListener('click', async (event) => {
	const button = event.target.closest('button[data-action="revoke"]');
	if (!button || button.getAttribute('aria-disabled') === 'true') return;
	const a = ui.account;
	const item = button.closest('li');
	const device = item.querySelector('.session-device span')?.textContent ?? 'the session';
	setAlert(a.sessionsNotice);
	setAlert(a.sessionsAlert);
	button.setAttribute('aria-disabled', 'true');
	try {
		await sensitive(() => client.revokeSession(item.dataset.handle));
		setAlert(a.sessionsNotice, `Signed out ${device}.`);
	} catch (error) {
		if (!isProblem(error, 'not_found')) {
			button.removeAttribute('aria-disabled');
			if (isProblem(error, 'reauthentication_required')) {
				setAlert(a.sessionsAlert, NOT_CONFIRMED_SESSIONS);
			} else {
				handleError(error, { alert: a.sessionsAlert, signedIn: true });
			}
			return;
		}
		setAlert(a.sessionsNotice, 'That session had already ended.');
	}
	await loadSessions();
});

ui.account.revokeOthersButton.addEventListener('click', async () => {
	const a = ui.account;
	const button = a.revokeOthersButton;
	if (button.getAttribute('aria-disabled') === 'true') return;
	setAlert(a.sessionsNotice);
	setAlert(a.sessionsAlert);
	button.setAttribute('aria-disabled', 'true');
	try {
		const { revoked } = await sensitive(() => client.revokeOtherSessions());
		setAlert(
			a.sessionsNotice,
			revoked === 0
				? 'There were no other sessions.'
				: `Signed out ${revoked} other ${revoked === 1 ? 'session' : 'sessions'}.`,
		);
		await loadSessions();
	} catch (error) {
		if (isProblem(error, 'reauthentication_required')) {
			setAlert(a.sessionsAlert, NOT_CONFIRMED_SESSIONS);
		} else {
			handleError(error, { alert: a.sessionsAlert, signedIn: true });
		}
	} finally {
		button.removeAttribute('aria-disabled');
	}
});

// ---------------------------------------------------------------- "Confirm it's you"

/** How many operations that may ask for the password are running; see sensitive(). */
let sensitiveRunning = 0;
/** While the dialog waits for the user: resolves the client's onReauthenticationRequired. */
let pendingPassword = null;
let focusBeforeDialog = null;
/** The last element that had focus: a button that was clicked and then disabled has lost it. */
let lastFocused = null;
document.addEventListener('focusin', (event) => {
	lastFocused = event.target;
});

/**
 * Runs an operation that may need a fresh log-in. While it runs, the dialog stays open (busy)
 * after the password is sent, and shows the error if the password was wrong; it closes when the
 * operation is over.
 */
async function sensitive(task) {
	sensitiveRunning++;
	try {
		return await task();
	} finally {
		sensitiveRunning--;
		if (sensitiveRunning === 0) closeReauthDialog();
	}
}

/** The client's onReauthenticationRequired: resolves with the password, or null if cancelled. */
function askPassword({ error, attempt }) {
	const { dialog, form, alert } = ui.reauth;
	const password = form.elements.namedItem('password');
	if (!dialog.open) {
		const active = document.activeElement;
		focusBeforeDialog = active && active !== document.body ? active : lastFocused;
		resetForm(form, alert);
		form.elements.namedItem('username').value = currentUser?.username ?? '';
		dialog.replaceChildren(form);
		dialog.showModal();
	}
	setDialogBusy(false);
	if (attempt > 1) {
		handleError(error, { alert, form });
		if (isProblem(error, 'invalid_credentials')) setAlert(alert, WRONG_CURRENT_PASSWORD);
		password.value = '';
		password.setAttribute('aria-invalid', 'true');
	}
	password.focus();
	pendingPassword?.(null);
	return new Promise((resolve) => {
		pendingPassword = resolve;
	});
}

function answerPassword(value) {
	const resolve = pendingPassword;
	pendingPassword = null;
	resolve?.(value);
}

function setDialogBusy(busy) {
	const { form } = ui.reauth;
	if (busy) form.setAttribute('aria-busy', 'true');
	else form.removeAttribute('aria-busy');
	for (const button of form.querySelectorAll('button[type="submit"]')) button.disabled = busy;
}

function closeReauthDialog() {
	const { dialog } = ui.reauth;
	answerPassword(null);
	if (dialog.open) dialog.close(); // the "close" listener below tidies up
}

ui.reauth.form.addEventListener('submit', (event) => {
	event.preventDefault();
	const { form, alert } = ui.reauth;
	beforeSubmit(form, alert);
	if (!checkRequired(form, { password: 'Enter your password.' })) {
		focusProblem(form);
		return;
	}
	answerPassword(form.elements.namedItem('password').value);
	if (sensitiveRunning > 0) {
		setDialogBusy(true); // stays open until the operation is over or the password was wrong
	} else {
		ui.reauth.dialog.close();
	}
});

ui.reauth.cancel.addEventListener('click', () => closeReauthDialog());

// Escape closes the dialog: that is a "Cancel".
ui.reauth.dialog.addEventListener('close', () => {
	const { dialog, form } = ui.reauth;
	answerPassword(null);
	form.elements.namedItem('password').value = '';
	setDialogBusy(false);
	form.remove(); // its "Current password" must not clash with the change-password form's
	dialog.replaceChildren();
	// Back to where the user was, once the operation has re-enabled its button.
	const target = focusBeforeDialog;
	focusBeforeDialog = null;
	setTimeout(() => {
		if (document.activeElement && document.activeElement !== document.body) return;
		if (target?.isConnected && !target.disabled) target.focus();
	}, 0);
});

// ---------------------------------------------------------------- forgot and reset password

function showForgot() {
	resetForm(ui.forgot.form, ui.forgot.notice, ui.forgot.alert);
	showView('forgot');
	document.title = 'Forgot your password? · Notes';
	return $('forgot-heading');
}

ui.forgot.form.addEventListener('submit', async (event) => {
	event.preventDefault();
	const { form, notice, alert } = ui.forgot;
	beforeSubmit(form, notice, alert);
	const email = form.elements.namedItem('email');
	if (!checkRequired(form, { email: 'Enter your email address.' })) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			const { detail } = await client.requestPasswordReset(email.value.trim());
			form.reset();
			setAlert(notice, detail);
		} catch (error) {
			handleError(error, { alert, form });
			focusProblem(form);
		}
	});
});

/** The token from the reset link, kept in memory only (it is taken out of the address bar). */
let resetToken = null;

function showReset(token) {
	const { form, alert, newLink, fields } = ui.reset;
	if (token) {
		resetToken = token;
		setAddress('#/reset-password', { replace: true });
	}
	resetForm(form, alert);
	newLink.hidden = true;
	fields.hidden = false;
	if (!resetToken) showResetLinkProblem(LINK_INCOMPLETE);
	showView('reset');
	document.title = 'Reset your password · Notes';
	return $('reset-heading');
}

function showResetLinkProblem(message) {
	const { alert, newLink, fields } = ui.reset;
	setAlert(alert, message);
	newLink.hidden = false;
	fields.hidden = true;
}

ui.reset.form.addEventListener('submit', async (event) => {
	event.preventDefault();
	const { form, alert } = ui.reset;
	beforeSubmit(form, alert);
	const newPassword = form.elements.namedItem('newPassword');
	if (!resetToken) return;
	if (!checkRequired(form, { newPassword: 'Choose a new password.' })) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			await client.resetPassword({ token: resetToken, newPassword: newPassword.value });
			resetToken = null;
			// Every session of the user ended, this browser's too if it had one.
			signedOut();
			setAddress('', { replace: true });
			++navigation;
			showAuth('login', '', PASSWORD_RESET_DONE);
			ui.tabs.login.form.elements.namedItem('username').focus();
		} catch (error) {
			if (isProblem(error, 'invalid_token')) {
				resetToken = null;
				showResetLinkProblem(error.detail);
				ui.reset.newLink.querySelector('a').focus();
				return;
			}
			handleError(error, { alert, form });
			focusProblem(form, newPassword);
		}
	});
});

// ---------------------------------------------------------------- confirm a new email

async function confirmEmail(token, seq) {
	const { progress, notice, alert, continueLink } = ui.confirm;
	setAddress('#/confirm-email', { replace: true }); // the token leaves the address bar at once
	setAlert(notice);
	setAlert(alert);
	setAlert(progress, token ? 'Confirming your new email…' : '');
	continueLink.href = '#/';
	continueLink.parentElement.hidden = true;
	showView('confirm');
	document.title = 'Confirm your new email · Notes';
	if (!token) {
		setAlert(alert, LINK_INCOMPLETE);
	} else {
		try {
			const { user } = await client.confirmEmail(token);
			if (seq !== navigation) return null;
			if (currentUser && String(currentUser.id) === String(user.id)) currentUser = user;
			setAlert(notice, `Email changed to ${user.email}.`);
		} catch (error) {
			if (seq !== navigation) return null;
			handleError(error, { alert });
		}
		setAlert(progress);
	}
	if (currentUser) continueLink.href = '#/account';
	continueLink.parentElement.hidden = false;
	return $('confirm-heading');
}

// ---------------------------------------------------------------- log out

async function logOut({ alert = ui.accountAlert, button = ui.logoutButton } = {}) {
	setAlert(alert);
	button.disabled = true;
	try {
		await client.logout();
	} catch (error) {
		// A 401 means the session was already over: nothing left to end.
		if (!(error instanceof HTTPError && error.status === 401)) {
			handleError(error, { alert });
			return;
		}
	} finally {
		button.disabled = false;
	}
	signedOut();
	setAddress('', { replace: true });
	++navigation;
	showAuth('login');
	ui.tabs.login.form.elements.namedItem('username').focus();
}

ui.logoutButton.addEventListener('click', () => logOut());

// ---------------------------------------------------------------- session expiry warning

/**
 * Knows the session's deadlines and shows the banner about two minutes before the earlier one.
 * The idle deadline moves with every answer from the API (touch()); the absolute one never does.
 * Deadlines are the server's instants: they are compared with the server's time, estimated from
 * the Date header of its answers, so a wrong clock on this computer does not matter.
 */
const expiry = (() => {
	const TICK_MS = 5_000;
	/** Ask the server only a little after the deadline we computed. */
	const GRACE_MS = 5_000;
	let idleAt;
	let absoluteAt;
	let idleTimeout; // ms between a request and the idle deadline, as the server said last
	let skew = 0; // this computer's clock minus the server's
	let timer;

	const serverNow = () => Date.now() - skew;

	function serverDate(header) {
		const date = Date.parse(header ?? '');
		// The header has whole seconds: the server's clock was, on average, half a second later.
		if (!Number.isNaN(date)) skew = Date.now() - (date + 500);
	}
	let checking = false;
	let shown = null; // { text, absolute } while the banner is shown
	let focusBeforeBanner = null;

	function update(session) {
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

	function touch() {
		if (currentUser && idleTimeout !== undefined) idleAt = serverNow() + idleTimeout;
	}

	function stop() {
		clearInterval(timer);
		timer = undefined;
		idleAt = absoluteAt = idleTimeout = undefined;
		hide();
	}

	function check() {
		if (!currentUser) return stop();
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
			const session = await client.session();
			if (!currentUser) return;
			if (session.authenticated) update(session);
			else sessionEnded();
		} catch {
			// Offline: try again at the next tick.
		} finally {
			checking = false;
		}
	}

	function show(warning) {
		const text = warningText(warning);
		if (shown?.text === text) return;
		const region = ui.expiryRegion;
		if (shown?.absolute === warning.absolute) {
			region.querySelector('.expiry-text').textContent = text; // only the minutes changed
		} else {
			const banner = document.createElement('div');
			banner.className = 'expiry-banner';
			const message = document.createElement('p');
			message.className = 'expiry-text';
			message.textContent = text;
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'button primary small';
			button.textContent = warning.absolute ? 'Log in again' : 'Stay signed in';
			button.addEventListener('click', warning.absolute ? logInAgain : staySignedIn);
			banner.append(message, button);
			region.replaceChildren(banner);
		}
		shown = { text, absolute: warning.absolute };
	}

	function hide() {
		if (!shown) return;
		const region = ui.expiryRegion;
		const hadFocus = region.contains(document.activeElement);
		region.replaceChildren();
		shown = null;
		if (hadFocus) {
			const target = focusBeforeBanner?.isConnected ? focusBeforeBanner : ui.main.querySelector('h2[tabindex="-1"]');
			target?.focus();
		}
		focusBeforeBanner = null;
	}

	ui.expiryRegion.addEventListener('focusin', (event) => {
		if (event.relatedTarget && !ui.expiryRegion.contains(event.relatedTarget)) focusBeforeBanner = event.relatedTarget;
	});

	async function staySignedIn(event) {
		const button = event.currentTarget;
		if (button.getAttribute('aria-disabled') === 'true') return;
		button.setAttribute('aria-disabled', 'true');
		try {
			const session = await client.session(); // any request pushes the idle deadline back
			if (!currentUser) return;
			if (session.authenticated) update(session);
			else sessionEnded();
		} catch (error) {
			button.removeAttribute('aria-disabled');
			const message = ui.expiryRegion.querySelector('.expiry-text');
			if (message) message.textContent = `${shown?.text ?? ''} ${describe(error)}`.trim();
		}
	}

	function logInAgain(event) {
		logOut({ button: event.currentTarget });
	}

	// Timers are slowed down in background tabs: check as soon as the tab is visible again.
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible' && timer !== undefined) check();
	});

	return { update, touch, stop, serverDate };
})();

// ---------------------------------------------------------------- wiring

// Links such as "Account", "Forgot password?" and "Back to notes" only change the hash.
window.addEventListener('hashchange', () => {
	if (client) route({ focus: true });
});

ui.retryButton.addEventListener('click', start);

selectTab(initialTab); // right away, so only one auth form is ever in the document
ui.reauth.form.remove(); // attached only while the dialog is open
start();
