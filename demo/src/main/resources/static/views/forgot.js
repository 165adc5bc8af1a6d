// #/forgot-password (anonymous): asks for a reset link by email.
import { app } from '../state.js';
import { resetForm, emailRequestForm } from '../forms.js';
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

emailRequestForm(form, {
	notice,
	alert,
	send: (email) => app.client.requestPasswordReset(email),
	clearOnSuccess: true,
});
