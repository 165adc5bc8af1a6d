/*
 * spa-auth demo: a per-user notes app (plain ES modules, no build step, CSP-friendly:
 * no inline scripts, styles or handlers; user text only ever goes through textContent).
 *
 * How a test (e.g. Playwright) can drive it:
 * - Anonymous: two tabs (role "tab") named "Log in" (selected at first) and "Create an account".
 *   Only the selected tab's panel is shown; the other has the `hidden` attribute and its form
 *   is taken out of the document, so getByLabel('Username') / getByLabel('Password') always
 *   resolve to exactly one field.
 *   Opening the page as /#signup selects "Create an account" from the start.
 *   - Log-in form (heading "Welcome back"): textboxes labelled "Username" and "Password",
 *     submit button "Log in". The tab is role "tab", so getByRole('button', { name: 'Log in' })
 *     only matches the submit button.
 *   - Sign-up form: click getByRole('tab', { name: 'Create an account' }); heading
 *     "Create your account", labels "Username", "Email", "Password", submit button "Sign up".
 * - Signed in: text "Signed in as <username>", button "Log out", textarea labelled "New note",
 *   button "Add note", list "Your notes" with one listitem per note (newest first), each with
 *   the note text, a <time> and a button named "Delete note" (visible text "Delete").
 * - Errors: the problem's `detail` in a role="alert" element inside the form that failed;
 *   field messages next to their control, linked with aria-describedby (aria-invalid="true").
 * - A 401 while signed in switches to the log-in tab with the alert
 *   "Your session has ended. Please log in again."
 *
 * Where the API lives: at start the app reads /config.json from its own origin,
 * {"apiBaseUrl": ""} for an API on the same origin (as served by the demo), or the API's
 * origin, e.g. {"apiBaseUrl": "https://api.example.com"}, when the SPA is served elsewhere
 * (see deploy/nginx/). A missing or unreadable file means the same origin.
 */
import { createClient, HTTPError, NetworkError } from '/spa-auth-client/index.js';
import { setAlert, showFieldErrors, clearFieldErrors, firstInvalid, whileBusy, noteItem } from './dom.js';

const SESSION_ENDED = 'Your session has ended. Please log in again.';

/** Created in start(), once /config.json has said where the API is. */
let client;

const $ = (id) => document.getElementById(id);
const ui = {
	views: {
		loading: $('loading-view'),
		startup: $('startup-view'),
		auth: $('auth-view'),
		notes: $('notes-view'),
	},
	startupAlert: $('startup-alert'),
	retryButton: $('retry-button'),
	tabs: {
		login: { tab: $('login-tab'), panel: $('login-panel'), form: $('login-form'), alert: $('login-alert') },
		signup: { tab: $('signup-tab'), panel: $('signup-panel'), form: $('signup-form'), alert: $('signup-alert') },
	},
	currentUser: $('current-user'),
	logoutButton: $('logout-button'),
	accountAlert: $('account-alert'),
	noteForm: $('note-form'),
	noteText: $('note-text'),
	noteAlert: $('note-alert'),
	listAlert: $('list-alert'),
	notesEmpty: $('notes-empty'),
	notesList: $('notes-list'),
};

// ---------------------------------------------------------------- views

function showView(name) {
	for (const [key, element] of Object.entries(ui.views)) {
		element.hidden = key !== name;
	}
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

function resetAuthForms() {
	for (const { form, alert } of Object.values(ui.tabs)) {
		form.reset();
		clearFieldErrors(form);
		setAlert(alert);
	}
}

function showAuth(tab = 'login', message = '') {
	resetAuthForms();
	selectTab(tab);
	setAlert(ui.tabs[tab].alert, message);
	showView('auth');
	document.title = 'Log in · Notes';
}

function showNotes(user) {
	ui.currentUser.textContent = user.username;
	for (const element of [ui.accountAlert, ui.noteAlert, ui.listAlert]) setAlert(element);
	ui.noteForm.reset();
	clearFieldErrors(ui.noteForm);
	renderNotes([]);
	showView('notes');
	document.title = `${user.username} · Notes`;
}

function sessionEnded() {
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

// ---------------------------------------------------------------- start-up

const initialTab = location.hash === '#signup' ? 'signup' : 'login';

/** The API's base URL from /config.json, or '' (same origin) if the file is missing or invalid. */
async function loadApiBaseUrl() {
	try {
		const response = await fetch('/config.json', { headers: { Accept: 'application/json' }, cache: 'no-cache' });
		if (!response.ok) return '';
		const { apiBaseUrl } = await response.json();
		return typeof apiBaseUrl === 'string' ? apiBaseUrl : '';
	} catch {
		return '';
	}
}

async function start() {
	showView('loading');
	client ??= createClient({ baseUrl: await loadApiBaseUrl() });
	try {
		const session = await client.session();
		if (session.authenticated) {
			await enterNotes(session.user);
		} else {
			showAuth(initialTab);
		}
	} catch (error) {
		setAlert(ui.startupAlert, describe(error));
		showView('startup');
	}
}

/** Loads the user's notes, then shows the signed-in view (so "Signed in as" means notes are there). */
async function enterNotes(user) {
	let notes;
	let failure;
	try {
		({ notes } = await client.request('GET', '/api/notes'));
	} catch (error) {
		failure = error;
	}
	showNotes(user);
	if (failure) {
		handleError(failure, { alert: ui.listAlert, signedIn: true });
	} else {
		renderNotes(notes ?? []);
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

function beforeSubmit(form, alert) {
	clearFieldErrors(form);
	setAlert(alert);
}

function focusProblem(form, fallback) {
	(firstInvalid(form) ?? fallback)?.focus();
}

// Clear a field's message as soon as the user edits it.
for (const form of [ui.tabs.login.form, ui.tabs.signup.form, ui.noteForm]) {
	form.addEventListener('input', (event) => clearFieldErrors(event.target));
}

ui.tabs.login.form.addEventListener('submit', async (event) => {
	event.preventDefault();
	const { form, alert } = ui.tabs.login;
	beforeSubmit(form, alert);
	const username = form.elements.namedItem('username');
	const password = form.elements.namedItem('password');
	if (!checkRequired(form, { username: 'Enter your username.', password: 'Enter your password.' })) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			const { user } = await client.login(username.value.trim(), password.value);
			await enterNotes(user);
			ui.noteText.focus();
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
			await enterNotes(user);
			ui.noteText.focus();
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

// ---------------------------------------------------------------- log out

ui.logoutButton.addEventListener('click', async () => {
	setAlert(ui.accountAlert);
	ui.logoutButton.disabled = true;
	try {
		await client.logout();
	} catch (error) {
		// A 401 means the session was already over: nothing left to end.
		if (!(error instanceof HTTPError && error.status === 401)) {
			handleError(error, { alert: ui.accountAlert });
			return;
		}
	} finally {
		ui.logoutButton.disabled = false;
	}
	showAuth('login');
	ui.tabs.login.form.elements.namedItem('username').focus();
});

ui.retryButton.addEventListener('click', start);

selectTab(initialTab); // right away, so only one auth form is ever in the document
start();
