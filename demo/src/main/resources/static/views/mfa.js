// The second step of a log-in (#/ while the session waits for it): a code from the authenticator
// app, or a recovery code. The session holds only the password until this succeeds.
import { app } from '../state.js';
import { setAlert, whileBusy } from '../dom.js';
import { resetForm, beforeSubmit, checkRequired, focusProblem, clearErrorsOnInput, handleError, isProblem, hasStatus } from '../forms.js';
import { showScreen } from '../nav.js';

const TOO_LATE = 'The sign-in took too long. Log in with your password again.';
const TEXTS = {
	totp: { label: 'Authentication code', text: 'Enter the 6-digit code from your authenticator app.', other: 'Use a recovery code instead' },
	recovery_code: { label: 'Recovery code', text: 'Enter one of your recovery codes. Each works once.', other: 'Use your authenticator app instead' },
};

// Looked up once, at load: a screen that is not shown is taken out of the document.
const $ = (id) => document.getElementById(id);
const view = $('mfa-view');
const form = $('mfa-form');
const alert = $('mfa-alert');
const code = form.elements.namedItem('code');
const switchButton = $('mfa-switch');
const codeLabel = $('mfa-code-label');
const text = $('mfa-text');
const heading = $('mfa-heading');
const cancelButton = $('mfa-cancel');
const passkeyButton = $('mfa-passkey');
let methods = [];
let method = 'totp';

function useMethod(name) {
	method = name;
	codeLabel.textContent = TEXTS[name].label;
	text.textContent = TEXTS[name].text;
	code.inputMode = name === 'totp' ? 'numeric' : 'text';
	const other = name === 'totp' ? 'recovery_code' : 'totp';
	// (A passkey is not typed: "Use a passkey" signs in with it, which counts as both steps.)
	switchButton.hidden = !methods.includes(other);
	switchButton.textContent = TEXTS[name].other;
}

/** Shows the second step for a log-in that answered `mfaRequired`; returns the heading. */
export function showMfa(available) {
	methods = available ?? [];
	resetForm(form, alert);
	useMethod(methods[0] ?? 'totp');
	passkeyButton.hidden = !methods.includes('webauthn') || !app.client.passkey.isSupported();
	showScreen(view, 'Two-step verification · Notes');
	code.focus();
	return heading;
}

switchButton.addEventListener('click', () => {
	resetForm(form, alert);
	useMethod(method === 'totp' ? 'recovery_code' : 'totp');
	code.focus();
});

cancelButton.addEventListener('click', () => app.logOut({ button: cancelButton }));

// A passkey proves both factors: signing in with it replaces the half-done log-in.
passkeyButton.addEventListener('click', async () => {
	beforeSubmit(form, alert);
	await whileBusy(form, async () => {
		try {
			const { user } = await app.client.passkey.signIn();
			await app.signedIn(user);
		} catch (error) {
			if (error instanceof DOMException) setAlert(alert, 'No passkey was used. Try again, or type a code.');
			else handleError(error, { alert });
			passkeyButton.focus();
		}
	});
});

clearErrorsOnInput(form);

form.addEventListener('submit', async (event) => {
	event.preventDefault();
	beforeSubmit(form, alert);
	if (!checkRequired(form, { code: `Enter the ${TEXTS[method].label.toLowerCase()}.` })) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			const { user } = await app.client.mfa.verify(method, code.value.trim());
			await app.signedIn(user);
		} catch (error) {
			if (hasStatus(error, 401)) {
				app.signedOut({ notice: TOO_LATE });
				return;
			}
			handleError(error, { alert, form });
			code.value = '';
			if (isProblem(error, 'invalid_code')) setAlert(alert, 'That code is not right, or was used already. Try the newest code.');
			focusProblem(form, code);
		}
	});
});
