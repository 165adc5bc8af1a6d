// The anonymous screen: tabs "Log in" and "Create an account", each with its form.
import { app } from '../state.js';
import { setAlert, whileBusy } from '../dom.js';
import {
	resetForm,
	beforeSubmit,
	checkRequired,
	focusProblem,
	clearErrorsOnInput,
	handleError,
	isProblem,
	hasStatus,
} from '../forms.js';
import { showScreen } from '../nav.js';
import { showMfa } from './mfa.js';
import { showCheckEmail } from './verify-email.js';

const $ = (id) => document.getElementById(id);
const view = $('auth-view');
const tabs = {
	login: { tab: $('login-tab'), panel: $('login-panel'), form: $('login-form'), alert: $('login-alert') },
	signup: { tab: $('signup-tab'), panel: $('signup-panel'), form: $('signup-form'), alert: $('signup-alert') },
};
const loginNotice = $('login-notice');
const passkeyButton = $('passkey-sign-in');
const NO_PASSKEY = 'No passkey was used. Try again, or log in with your password.';

function selectTab(name, { focus = false } = {}) {
	for (const [key, { tab, panel, form }] of Object.entries(tabs)) {
		const selected = key === name;
		tab.setAttribute('aria-selected', String(selected));
		tab.tabIndex = selected ? 0 : -1;
		panel.hidden = !selected;
		// The unselected form is detached (kept in memory with its listeners and values), so
		// text-based locators such as getByLabel('Username') never see two matching fields.
		if (selected) panel.replaceChildren(form);
		else form.remove();
	}
	if (focus) tabs[name].tab.focus();
}

/**
 * Shows the tab ('login' or 'signup') with empty forms, `alert` in its role="alert" element and,
 * on the log-in tab, `notice` in its role="status" element. Returns the tab's heading.
 */
export function showAuth(tab = 'login', { alert = '', notice = '' } = {}) {
	for (const { form, alert: element } of Object.values(tabs)) resetForm(form, element);
	setAlert(loginNotice, tab === 'login' ? notice : '');
	passkeyButton.hidden = !app.client?.passkey.isSupported();
	selectTab(tab);
	setAlert(tabs[tab].alert, alert);
	showScreen(view, 'Log in · Notes');
	return tabs[tab].form.querySelector('h2');
}

/** Focuses the log-in form's "Username". */
export function focusUsername() {
	tabs.login.form.elements.namedItem('username').focus();
}

for (const [name, { tab, form }] of Object.entries(tabs)) {
	tab.addEventListener('click', () => selectTab(name));
	clearErrorsOnInput(form);
}

// Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern).
view.querySelector('[role="tablist"]').addEventListener('keydown', (event) => {
	const names = Object.keys(tabs);
	const current = names.findIndex((name) => tabs[name].tab.getAttribute('aria-selected') === 'true');
	const moves = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: names.length - 1 };
	if (!(event.key in moves)) return;
	event.preventDefault();
	selectTab(names[(moves[event.key] + names.length) % names.length], { focus: true });
});

tabs.login.form.addEventListener('submit', async (event) => {
	event.preventDefault();
	const { form, alert } = tabs.login;
	beforeSubmit(form, alert, loginNotice);
	const username = form.elements.namedItem('username');
	const password = form.elements.namedItem('password');
	if (!checkRequired(form, { username: 'Enter your username.', password: 'Enter your password.' })) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			const answer = await app.client.login(username.value.trim(), password.value);
			if (answer.mfaRequired) {
				password.value = '';
				showMfa(answer.methods);
				return;
			}
			await app.signedIn(answer.user);
		} catch (error) {
			if (isProblem(error, 'email_not_verified')) {
				password.value = '';
				showCheckEmail({ message: 'Confirm your email address first: open the link we sent when you signed up, or send it again.' });
				return;
			}
			handleError(error, { alert, form });
			password.value = '';
			const badCredentials = isProblem(error, 'invalid_credentials') || hasStatus(error, 401);
			focusProblem(form, badCredentials ? password : null);
		}
	});
});

passkeyButton.addEventListener('click', async () => {
	const { form, alert } = tabs.login;
	beforeSubmit(form, alert, loginNotice);
	await whileBusy(form, async () => {
		try {
			const { user } = await app.client.passkey.signIn();
			await app.signedIn(user);
		} catch (error) {
			// The browser's own errors (the user closed its dialog, no passkey for this site).
			if (error instanceof DOMException) setAlert(alert, NO_PASSKEY);
			else handleError(error, { alert });
			passkeyButton.focus();
		}
	});
});

tabs.signup.form.addEventListener('submit', async (event) => {
	event.preventDefault();
	const { form, alert } = tabs.signup;
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
			const answer = await app.client.signup({
				username: field('username').value.trim(),
				email: field('email').value.trim(),
				password: field('password').value,
			});
			if (answer.verificationRequired) {
				showCheckEmail({ email: answer.email }).focus();
				return;
			}
			await app.signedIn(answer.user);
		} catch (error) {
			handleError(error, { alert, form });
			focusProblem(form);
		}
	});
});

// Right away, so only one of the two forms is ever in the document.
selectTab(location.hash === '#signup' ? 'signup' : 'login');
