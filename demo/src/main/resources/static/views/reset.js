// #/reset-password?token=… (from the reset mail): sets a new password.
import { app } from '../state.js';
import { setAlert, whileBusy } from '../dom.js';
import { resetForm, beforeSubmit, checkRequired, focusProblem, clearErrorsOnInput, handleError, isProblem } from '../forms.js';
import { showScreen, replaceAddress } from '../nav.js';

export const LINK_INCOMPLETE = 'This link is incomplete. Open the link from the email again, or request a new one.';
const PASSWORD_RESET_DONE = 'Password changed. Log in with your new password.';

const $ = (id) => document.getElementById(id);
const view = $('reset-view');
const heading = $('reset-heading');
const form = $('reset-form');
const alert = $('reset-alert');
const newLink = $('reset-new-link');
const fields = $('reset-fields');

/** The token from the reset link, kept in memory only (it is taken out of the address bar). */
let resetToken = null;

/** Shows the screen for the link's token (or the one kept from it); returns the heading to focus. */
export function showReset(token) {
	if (token) {
		resetToken = token;
		replaceAddress('#/reset-password');
	}
	resetForm(form, alert);
	newLink.hidden = true;
	fields.hidden = false;
	if (!resetToken) showLinkProblem(LINK_INCOMPLETE);
	showScreen(view, 'Reset your password · Notes');
	return heading;
}

function showLinkProblem(message) {
	setAlert(alert, message);
	newLink.hidden = false;
	fields.hidden = true;
}

clearErrorsOnInput(form);

form.addEventListener('submit', async (event) => {
	event.preventDefault();
	beforeSubmit(form, alert);
	const newPassword = form.elements.namedItem('newPassword');
	if (!resetToken) return;
	if (!checkRequired(form, { newPassword: 'Choose a new password.' })) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			await app.client.resetPassword({ token: resetToken, newPassword: newPassword.value });
			resetToken = null;
			// Every session of the user ended, this browser's too if it had one.
			app.signedOut({ notice: PASSWORD_RESET_DONE });
		} catch (error) {
			if (isProblem(error, 'invalid_token')) {
				resetToken = null;
				showLinkProblem(error.detail);
				newLink.querySelector('a').focus();
				return;
			}
			handleError(error, { alert, form });
			focusProblem(form, newPassword);
		}
	});
});
