// #/account, "Change password": the current and a new password; the other sessions end.
import { app } from '../state.js';
import { setAlert, whileBusy } from '../dom.js';
import { resetForm, beforeSubmit, checkRequired, focusProblem, clearErrorsOnInput, handleError, isProblem } from '../forms.js';
import { sensitive, WRONG_CURRENT_PASSWORD } from './reauth.js';
import { loadSessions } from './account-sessions.js';

const PASSWORD_CHANGED = 'Password changed. Other sessions were signed out.';

const $ = (id) => document.getElementById(id);
const form = $('password-form');
const notice = $('password-notice');
const alert = $('password-alert');

/** Empties the form (before the account screen is shown). */
export function resetPasswordForm() {
	resetForm(form, notice, alert);
	// For password managers: whose password this is.
	form.elements.namedItem('username').value = app.user.username;
}

clearErrorsOnInput(form);

form.addEventListener('submit', async (event) => {
	event.preventDefault();
	beforeSubmit(form, notice, alert);
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
				app.client.changePassword({ currentPassword: currentPassword.value, newPassword: newPassword.value }),
			);
			resetForm(form);
			setAlert(notice, PASSWORD_CHANGED);
			loadSessions();
		} catch (error) {
			if (handleError(error, { alert, form, signedIn: true })) return;
			if (isProblem(error, 'invalid_credentials')) {
				setAlert(alert, WRONG_CURRENT_PASSWORD);
				currentPassword.value = '';
				currentPassword.setAttribute('aria-invalid', 'true');
			}
			focusProblem(form);
		}
	});
});
