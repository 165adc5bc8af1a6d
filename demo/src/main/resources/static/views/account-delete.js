// #/account, "Delete account": two clicks ("Delete my account", then "Yes, delete my account and
// my notes"), then "Confirm it's you" if the session is not fresh; the app then shows the log-in tab.
import { app } from '../state.js';
import { setAlert } from '../dom.js';
import { handleError, isProblem } from '../forms.js';
import { sensitive } from './reauth.js';

// Looked up once, at load: a screen that is not shown is taken out of the document.
const $ = (id) => document.getElementById(id);
const alert = $('delete-account-alert');
const start = $('delete-account-button');
const confirm = $('delete-account-confirm');
const cancel = $('delete-account-cancel');

function asking(yes) {
	start.hidden = yes;
	confirm.hidden = !yes;
	cancel.hidden = !yes;
}

/** Back to the first button (before the account screen is shown). */
export function resetDeleteAccount() {
	setAlert(alert);
	asking(false);
}

start.addEventListener('click', () => {
	asking(true);
	cancel.focus();
});

cancel.addEventListener('click', () => {
	asking(false);
	start.focus();
});

confirm.addEventListener('click', async () => {
	setAlert(alert);
	confirm.disabled = true;
	try {
		await sensitive(() => app.client.deleteAccount());
	} catch (error) {
		confirm.disabled = false;
		if (isProblem(error, 'reauthentication_required')) setAlert(alert, 'Nothing was deleted: confirm it’s you to continue.');
		else handleError(error, { alert, signedIn: true });
		return;
	}
	confirm.disabled = false;
	app.signedOut({ notice: 'Your account and your notes were deleted.' });
});
