// #/account (signed in): "Account settings" with its sections, each in its own module.
import { showScreen } from '../nav.js';
import { resetPasswordForm } from './account-password.js';
import { resetEmailForm } from './account-email.js';
import { resetSessions, loadSessions } from './account-sessions.js';
import { resetMfa, loadMfa } from './account-mfa.js';
import { resetPasskeys, loadPasskeys } from './account-passkeys.js';
import { resetDeleteAccount } from './account-delete.js';
import { resetIdentities, loadIdentities } from './account-identities.js';

const view = document.getElementById('account-view');
const heading = document.getElementById('account-heading');
const securityHeading = document.getElementById('mfa-settings-heading');

/**
 * Shows the account settings (and starts loading the sessions and second factors); returns the
 * heading to focus: of the page, or of "Two-step verification" for `section` 'security'.
 */
export function enterAccount(section) {
	resetPasswordForm();
	resetEmailForm();
	resetSessions();
	resetMfa();
	resetPasskeys();
	resetDeleteAccount();
	resetIdentities();
	showScreen(view, 'Account settings · Notes');
	loadSessions();
	loadMfa();
	loadPasskeys();
	loadIdentities();
	return section === 'security' ? securityHeading : heading;
}
