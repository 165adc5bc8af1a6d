// #/forgot-password (anonymous): asks for a reset link by email.
import { app } from '../state.js';
import { setAlert, whileBusy } from '../dom.js';
import { resetForm, beforeSubmit, checkRequired, focusProblem, clearErrorsOnInput, handleError } from '../forms.js';
import { showScreen } from '../nav.js';

const $ = (id) => document.getElementById(id);
const view = $('forgot-view');
const heading = $('forgot-heading');
const form = $('forgot-form');
const notice = $('forgot-notice');
const alert = $('forgot-alert');

/** Shows the screen with an empty form; returns the heading to focus. */
export function showForgot() {
	resetForm(form, notice, alert);
	showScreen(view, 'Forgot your password? · Notes');
	return heading;
}

clearErrorsOnInput(form);

form.addEventListener('submit', async (event) => {
	event.preventDefault();
	beforeSubmit(form, notice, alert);
	const email = form.elements.namedItem('email');
	if (!checkRequired(form, { email: 'Enter your email address.' })) {
		focusProblem(form);
		return;
	}
	await whileBusy(form, async () => {
		try {
			const { detail } = await app.client.requestPasswordReset(email.value.trim());
			form.reset();
			setAlert(notice, detail);
		} catch (error) {
			handleError(error, { alert, form });
			focusProblem(form);
		}
	});
});
