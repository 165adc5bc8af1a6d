// #/not-me?token=… (from the "New sign-in to your account" mail): on a click, not on load (a mail
// scanner that opens links must not lock the account), reports the sign-in: every session ends and
// the password stops working until it is reset.
import { app } from '../state.js';
import { setAlert } from '../dom.js';
import { handleError } from '../forms.js';
import { showScreen, replaceAddress } from '../nav.js';
import { LINK_INCOMPLETE } from './reset.js';

// Looked up once, at load: a screen that is not shown is taken out of the document.
const $ = (id) => document.getElementById(id);
const view = $('not-me-view');
const heading = $('not-me-heading');
const notice = $('not-me-notice');
const alert = $('not-me-alert');
const button = $('not-me-button');
const reset = $('not-me-reset');
let token = null;

/** Shows the screen for the link's token; returns the heading to focus. */
export function showNotMe(linkToken) {
	token = linkToken;
	replaceAddress('#/not-me'); // the token leaves the address bar at once
	setAlert(notice);
	setAlert(alert, token ? '' : LINK_INCOMPLETE);
	button.hidden = !token;
	button.disabled = false;
	reset.parentElement.hidden = true;
	showScreen(view, 'Secure your account · Notes');
	return heading;
}

button.addEventListener('click', async () => {
	setAlert(alert);
	button.disabled = true;
	try {
		const { detail } = await app.client.reportSignIn(token);
		token = null;
		button.hidden = true;
		app.forgetUser();
		setAlert(notice, detail);
		reset.parentElement.hidden = false;
		reset.focus();
	} catch (error) {
		button.disabled = false;
		handleError(error, { alert });
	}
});
