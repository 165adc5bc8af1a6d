// #/account, "Two-step verification" > "Passkeys": the account's passkeys (each with "Delete"), and
// "Add a passkey" with an optional name. Adding and deleting need a fresh log-in: the client opens
// "Confirm it's you" when asked.
import { app } from '../state.js';
import { setAlert, timeElement, smallButton, whileBusy } from '../dom.js';
import { resetForm, beforeSubmit, handleError, isProblem } from '../forms.js';
import { sensitive } from './reauth.js';

const NOT_CONFIRMED = 'Nothing was changed: confirm it’s you to continue.';

// Looked up once, at load: a screen that is not shown is taken out of the document.
const $ = (id) => document.getElementById(id);
const section = $('passkeys');
const notice = $('passkeys-notice');
const alert = $('passkeys-alert');
const list = $('passkeys-list');
const form = $('passkey-form');

/** Empties the list (before the account screen is shown); hides it where passkeys cannot work. */
export function resetPasskeys() {
	section.hidden = !app.client.passkey.isSupported();
	resetForm(form);
	setAlert(notice);
	setAlert(alert);
	list.replaceChildren();
}

/** Fills the list from GET /api/auth/passkeys. */
export async function loadPasskeys() {
	if (section.hidden) return;
	try {
		const { passkeys } = await app.client.passkey.list();
		list.replaceChildren(...passkeys.map(passkeyItem));
	} catch (error) {
		handleError(error, { alert, signedIn: true });
	}
}

function passkeyItem(passkey) {
	const item = document.createElement('li');
	item.className = 'session';
	item.dataset.id = passkey.id;
	const info = document.createElement('div');
	info.className = 'session-info';
	const name = document.createElement('p');
	name.className = 'session-device';
	name.textContent = passkey.label;
	const meta = document.createElement('p');
	meta.className = 'session-meta';
	meta.append('Added ', timeElement(passkey.createdAt), ' · Last used ', timeElement(passkey.lastUsedAt));
	info.append(name, meta);
	item.append(info, smallButton('Delete', { style: 'danger', label: `Delete passkey ${passkey.label}`, action: 'delete' }));
	return item;
}

function failed(error) {
	if (error instanceof DOMException) setAlert(alert, 'No passkey was made. Try again when your device asks.');
	else if (isProblem(error, 'reauthentication_required')) setAlert(alert, NOT_CONFIRMED);
	else handleError(error, { alert, signedIn: true });
}

form.addEventListener('submit', async (event) => {
	event.preventDefault();
	beforeSubmit(form, notice, alert);
	const label = form.elements.namedItem('label');
	await whileBusy(form, async () => {
		try {
			const passkey = await sensitive(() => app.client.passkey.register(label.value.trim()));
			label.value = '';
			setAlert(notice, `Passkey “${passkey.label}” added.`);
			await loadPasskeys();
		} catch (error) {
			failed(error);
		}
	});
});

list.addEventListener('click', async (event) => {
	const button = event.target.closest('button[data-action="delete"]');
	if (!button || button.disabled) return;
	const item = button.closest('li');
	const label = item.querySelector('.session-device').textContent;
	setAlert(notice);
	setAlert(alert);
	button.disabled = true;
	try {
		await sensitive(() => app.client.passkey.remove(item.dataset.id));
		setAlert(notice, `Passkey “${label}” deleted.`);
		await loadPasskeys();
	} catch (error) {
		button.disabled = false;
		failed(error);
	}
});
