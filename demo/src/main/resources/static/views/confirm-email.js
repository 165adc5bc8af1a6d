// #/confirm-email?token=… (from the confirmation mail): confirms the new address on load.
import { app } from '../state.js';
import { setAlert } from '../dom.js';
import { handleError } from '../forms.js';
import { showScreen, replaceAddress } from '../nav.js';
import { LINK_INCOMPLETE } from './reset.js';

const $ = (id) => document.getElementById(id);
const view = $('confirm-view');
const heading = $('confirm-heading');
const progress = $('confirm-progress');
const notice = $('confirm-notice');
const alert = $('confirm-alert');
const continueLink = $('confirm-continue');

/** Posts the token and shows the outcome; returns the heading to focus, or null if the user left. */
export async function confirmEmail(token, seq) {
	replaceAddress('#/confirm-email'); // the token leaves the address bar at once
	setAlert(notice);
	setAlert(alert);
	setAlert(progress, token ? 'Confirming your new email…' : '');
	continueLink.href = '#/';
	continueLink.parentElement.hidden = true;
	showScreen(view, 'Confirm your new email · Notes');
	if (!token) {
		setAlert(alert, LINK_INCOMPLETE);
	} else {
		try {
			const { user } = await app.client.confirmEmail(token);
			if (seq !== app.navigation) return null;
			// The answer's user may lack fields of the session's (such as roles): update, not replace.
			if (app.user && String(app.user.id) === String(user.id)) app.user = { ...app.user, ...user };
			setAlert(notice, `Email changed to ${user.email}.`);
		} catch (error) {
			if (seq !== app.navigation) return null;
			handleError(error, { alert });
		}
		setAlert(progress);
	}
	if (app.user) continueLink.href = '#/account';
	continueLink.parentElement.hidden = false;
	return heading;
}
