// #/account, "Change email": the current address and a new one, confirmed by a mailed link.
import { app } from '../state.js';
import { setAlert, whileBusy } from '../dom.js';
import { resetForm, beforeSubmit, checkRequired, focusProblem, clearErrorsOnInput, handleError, isProblem } from '../forms.js';
import { sensitive } from './reauth.js';

const NOT_CONFIRMED = 'Your email was not changed: confirm it’s you with your password to continue.';

const $ = (id) => document.getElementById(id);
const form = $('email-form');
const currentEmail = $('current-email');
const notice = $('email-notice');
const alert = $('email-alert');

/** Empties the form and shows the current address (before the account screen is shown). */
export function resetEmailForm() {
	resetForm(form, notice, alert);
	currentEmail.textContent = app.user.email;
}

clearErrorsOnInput(form);

form.addEventListener('submit', async (event) => {
	event.preventDefault();
	beforeSubmit(form, notice, alert);
	const newEmail = form.elements.namedItem('newEmail');
	if (!checkRequired(form, { newEmail: 'Enter the new email address.' })) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			const { pendingEmail } = await sensitive(() => app.client.changeEmail(newEmail.value.trim()));
			resetForm(form);
			setAlert(notice, `Check ${pendingEmail} for a confirmation link.`);
		} catch (error) {
			if (isProblem(error, 'reauthentication_required')) {
				// The user closed the "Confirm it's you" dialog.
				setAlert(alert, NOT_CONFIRMED);
				return;
			}
			if (!handleError(error, { alert, form, signedIn: true })) focusProblem(form);
		}
	});
});
