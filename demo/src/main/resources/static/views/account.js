// #/account (signed in): "Account settings" with its three sections, each in its own module.
import { showScreen } from '../nav.js';
import { resetPasswordForm } from './account-password.js';
import { resetEmailForm } from './account-email.js';
import { resetSessions, loadSessions } from './account-sessions.js';

const view = document.getElementById('account-view');
const heading = document.getElementById('account-heading');

/** Shows the account settings (and starts loading the sessions); returns the heading to focus. */
export function enterAccount() {
	resetPasswordForm();
	resetEmailForm();
	resetSessions();
	showScreen(view, 'Account settings · Notes');
	loadSessions();
	return heading;
}
