// #/account, "Connected sign-ins": the providers connected to the account (each with "Disconnect")
// and "Connect <provider>" for the others. Connecting leaves for the provider and comes back to
// #/security; it needs a fresh log-in first ("Confirm it's you"), and so does disconnecting.
import { app } from '../state.js';
import { setAlert, timeElement, smallButton } from '../dom.js';
import { handleError, isProblem } from '../forms.js';
import { sensitive, confirmFirst } from './reauth.js';
import { providerMessage, providerName } from './providers.js';

const $ = (id) => document.getElementById(id);
const section = $('identities');
const notice = $('identities-notice');
const alert = $('identities-alert');
const list = $('identities-list');
const connect = $('identities-connect');

/** A provider flow that came back to this page (set by the shell), shown once the section loads. */
let arrived = null;

/** Remembers a finished `link` or `reauthenticate` flow to report in this section. */
export function reportProviderFlow(completion) {
	arrived = completion;
}

/** Empties the section (before the account screen is shown); hidden when the API has no providers. */
export function resetIdentities() {
	section.hidden = !app.providers?.length;
	setAlert(notice);
	setAlert(alert);
	list.replaceChildren();
	connect.replaceChildren();
}

/** Fills the section from GET /api/auth/identities. */
export async function loadIdentities() {
	if (section.hidden) return;
	if (arrived) {
		const { intent, provider, error } = arrived;
		arrived = null;
		if (error) setAlert(alert, providerMessage(error, provider));
		else if (intent === 'link') setAlert(notice, `${providerName(provider)} is connected: you can sign in with it.`);
		else setAlert(notice, 'Confirmed: you can make your change now.');
	}
	try {
		const { identities } = await app.client.provider.identities();
		list.replaceChildren(...identities.map(identityItem));
		const connected = new Set(identities.map((identity) => identity.provider));
		connect.replaceChildren(
			...app.providers
				.filter((provider) => !connected.has(provider.id))
				.map((provider) => smallButton(`Connect ${provider.name}`, { style: 'primary', action: provider.id })),
		);
	} catch (error) {
		handleError(error, { alert, signedIn: true });
	}
}

function identityItem(identity) {
	const item = document.createElement('li');
	item.className = 'session';
	item.dataset.id = String(identity.id);
	const info = document.createElement('div');
	info.className = 'session-info';
	const name = document.createElement('p');
	name.className = 'session-device';
	name.textContent = identity.email ? `${identity.providerName} (${identity.email})` : identity.providerName;
	const meta = document.createElement('p');
	meta.className = 'session-meta';
	meta.append('Connected ', timeElement(identity.linkedAt));
	info.append(name, meta);
	item.append(info, smallButton('Disconnect', { style: 'danger', label: `Disconnect ${identity.providerName}`, action: 'unlink' }));
	return item;
}

connect.addEventListener('click', async (event) => {
	const button = event.target.closest('button[data-action]');
	if (!button || button.disabled) return;
	setAlert(notice);
	setAlert(alert);
	button.disabled = true;
	try {
		if (!(await confirmFirst())) {
			setAlert(alert, providerMessage('reauthentication_required', button.dataset.action));
			button.disabled = false;
			return;
		}
	} catch (error) {
		button.disabled = false;
		handleError(error, { alert, signedIn: true });
		return;
	}
	// The page unloads: the provider's sign-in page, then back to "Connected sign-ins".
	app.client.provider.link(button.dataset.action, { returnTo: `${location.origin}${location.pathname}#/security` });
});

list.addEventListener('click', async (event) => {
	const button = event.target.closest('button[data-action="unlink"]');
	if (!button || button.disabled) return;
	const item = button.closest('li');
	setAlert(notice);
	setAlert(alert);
	button.disabled = true;
	try {
		await sensitive(() => app.client.provider.unlink(Number(item.dataset.id)));
		setAlert(notice, 'Disconnected.');
		await loadIdentities();
	} catch (error) {
		button.disabled = false;
		if (isProblem(error, 'reauthentication_required')) setAlert(alert, 'Nothing was changed: confirm it’s you to continue.');
		else handleError(error, { alert, signedIn: true });
	}
});
