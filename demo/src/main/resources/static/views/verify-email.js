// Confirming the email address of a new account (spa-auth.signup.email-verification=required):
// "Check your email" after the sign-up, #/verify-email?token=… from the mail, and "Send the link
// again". Following the link signs nobody in: the log-in tab follows, with the username filled in.
import { app } from '../state.js';
import { setAlert } from '../dom.js';
import { resetForm, emailRequestForm, handleError, isProblem } from '../forms.js';
import { showScreen, replaceAddress } from '../nav.js';
import { showAuth } from './auth.js';

const $ = (id) => document.getElementById(id);
const view = $('verify-view');
const heading = $('verify-heading');
const text = $('verify-text');
const form = $('verify-form');
const notice = $('verify-notice');
const alert = $('verify-alert');
const loadingView = $('loading-view');

/**
 * Shows "Check your email": after a sign-up (`email` where the link went), or after a log-in refused
 * with email_not_verified (`message`). Returns the heading to focus.
 */
export function showCheckEmail({ email = '', message = '' } = {}) {
	resetForm(form, notice, alert);
	heading.textContent = 'Check your email';
	text.textContent = email
		? `We sent a link to ${email}. Open it to confirm your address, then log in.`
		: 'Open the link we sent to confirm your email address, then log in.';
	form.elements.namedItem('email').value = email;
	setAlert(alert, message);
	showScreen(view, 'Check your email · Notes');
	return heading;
}

/** #/verify-email?token=…: confirms the address, then the log-in tab. */
export async function verifyEmail(token, seq) {
	if (!token) return showCheckEmail();
	showScreen(loadingView);
	try {
		const answer = await app.client.verifyEmail(token);
		if (seq !== app.navigation) return null;
		replaceAddress('');
		if (answer.user && app.user) {
			app.user = answer.user;
			return null;
		}
		const tabHeading = showAuth('login', { notice: 'Your email address is confirmed. Log in to start.' });
		tabHeading.closest('form').elements.namedItem('username').value = answer.username;
		return tabHeading;
	} catch (error) {
		if (seq !== app.navigation) return null;
		const shown = showCheckEmail();
		heading.textContent = 'Confirm your email address';
		if (isProblem(error, 'invalid_token')) {
			setAlert(alert, 'This link is used, too old or not ours. Send yourself a new one below.');
		} else {
			handleError(error, { alert });
		}
		return shown;
	}
}

emailRequestForm(form, { notice, alert, send: (email) => app.client.resendVerification(email) });
