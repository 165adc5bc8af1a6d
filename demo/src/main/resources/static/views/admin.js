// #/admin (signed in, for admins): the list "Accounts", with "Make admin" / "Remove admin".
import { app } from '../state.js';
import { setAlert, timeElement, smallButton } from '../dom.js';
import { handleError } from '../forms.js';
import { showScreen } from '../nav.js';
import { sensitive } from './reauth.js';

const ADMIN = 'ADMIN';

/** Whether the user (from GET /api/auth/session or a log-in answer) has the role ADMIN. */
export const isAdmin = (user) => Array.isArray(user?.roles) && user.roles.includes(ADMIN);

const $ = (id) => document.getElementById(id);
const view = $('admin-view');
const heading = $('admin-heading');
const notice = $('admin-notice');
const alert = $('admin-alert');
const loading = $('admin-loading');
const accounts = $('admin-accounts');
const list = $('accounts-list');

/** Shows the screen and starts loading the accounts; returns the heading to focus. */
export function enterAdmin(seq) {
	setAlert(notice);
	setAlert(alert);
	list.replaceChildren();
	accounts.hidden = true;
	showScreen(view, 'Administration · Notes');
	load(seq);
	return heading;
}

/** GET /api/admin/users; a non-admin gets the server's 403 detail. "Loading…" only if slow. */
async function load(seq) {
	const slow = setTimeout(() => (loading.hidden = false), 300);
	try {
		const { users } = await app.client.request('GET', '/api/admin/users');
		if (seq !== app.navigation) return;
		list.replaceChildren(...(users ?? []).map(accountItem));
		accounts.hidden = false;
	} catch (error) {
		if (seq === app.navigation) handleError(error, { alert, signedIn: true });
	} finally {
		clearTimeout(slow);
		loading.hidden = true;
	}
}

/** Builds the <li> for one account: username, email, roles, and a button unless it is the admin's own. */
function accountItem(user) {
	const item = document.createElement('li');
	item.className = 'account';
	item.dataset.id = String(user.id);

	const info = document.createElement('div');
	info.className = 'account-info';

	const name = document.createElement('p');
	name.className = 'account-name';
	name.textContent = user.username;
	const own = String(user.id) === String(app.user?.id);
	if (own) {
		const badge = document.createElement('span');
		badge.className = 'badge';
		badge.textContent = 'You';
		name.append(' ', badge);
	}

	const meta = document.createElement('p');
	meta.className = 'account-meta';
	const roles = Array.isArray(user.roles) && user.roles.length > 0 ? user.roles.join(', ') : 'none';
	meta.append(`${user.email} · Roles: ${roles}`);
	const joined = timeElement(user.createdAt);
	if (joined) meta.append(' · Joined ', joined);

	info.append(name, meta);
	item.append(info);

	if (!own) {
		item.append(smallButton(isAdmin(user) ? 'Remove admin' : 'Make admin',
			{ style: 'ghost', action: isAdmin(user) ? 'revoke' : 'grant' }));
	}
	return item;
}

list.addEventListener('click', async (event) => {
	const button = event.target.closest('button[data-action]');
	if (!button || button.getAttribute('aria-disabled') === 'true') return;
	const item = button.closest('li');
	const method = button.dataset.action === 'grant' ? 'PUT' : 'DELETE';
	setAlert(notice);
	setAlert(alert);
	button.setAttribute('aria-disabled', 'true');
	try {
		const path = `/api/admin/users/${encodeURIComponent(item.dataset.id)}/roles/${ADMIN}`;
		const { user } = await sensitive(() => app.client.request(method, path));
		// Focus stays on the row's button (it may be on <body> after the "Confirm it's you" dialog).
		const hadFocus = item.contains(document.activeElement) || document.activeElement === document.body;
		const updated = accountItem(user);
		item.replaceWith(updated);
		if (hadFocus) updated.querySelector('button')?.focus();
		// Their sessions ended: the change takes effect at their next log-in.
		setAlert(
			notice,
			isAdmin(user)
				? `${user.username} is now an admin. Their sessions were signed out.`
				: `${user.username} is no longer an admin. Their sessions were signed out.`,
		);
	} catch (error) {
		button.removeAttribute('aria-disabled');
		handleError(error, { alert, signedIn: true });
	}
});
