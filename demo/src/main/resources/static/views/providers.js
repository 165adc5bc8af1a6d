// "Sign in with <provider>" on the log-in tab, and what the page does when a provider flow sends the
// browser back here (?authCode=... or ?authError=...): see provider.completeRedirect() in the client.
import { app } from '../state.js';
import { setAlert } from '../dom.js';

const container = document.getElementById('provider-sign-in');

/** The configured providers ([{ id, name }]); empty when the API has none (404) or is unreachable. */
export async function loadProviders() {
	try {
		app.providers = await app.client.provider.list();
	} catch {
		app.providers = [];
	}
	container.replaceChildren(
		...app.providers.map((provider) => {
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'button ghost wide';
			button.textContent = `Sign in with ${provider.name}`;
			button.dataset.provider = provider.id;
			return button;
		}),
	);
	container.hidden = app.providers.length === 0;
}

container.addEventListener('click', (event) => {
	const button = event.target.closest('button[data-provider]');
	if (!button) return;
	button.disabled = true;
	// The page unloads: the provider's sign-in page, then back here.
	app.client.provider.signIn(button.dataset.provider, { returnTo: location.origin + location.pathname });
});

/** The provider's name, for messages. */
export function providerName(id) {
	return app.providers?.find((provider) => provider.id === id)?.name ?? 'the provider';
}

/**
 * What a problem code of a provider flow means for the user; `problem` (the HTTPError, when the API
 * refused the finish) tells a browser that blocks the flow's cookie from a code that was used or old.
 */
export function providerMessage(code, provider, problem) {
	const name = providerName(provider);
	if (code === 'invalid_sign_in_code' && problem?.problem?.missingCookies === 'flow') {
		return `Your browser blocks third-party cookies, which sign-in with ${name} needs here. `
			+ 'Log in with your password or a passkey, or allow cookies for this app’s API in your browser’s settings.';
	}
	switch (code) {
		case 'cancelled':
			return `Sign-in with ${name} was cancelled.`;
		case 'state_mismatch':
		case 'invalid_sign_in_code':
			return 'That sign-in could not be finished in this browser tab, or took too long. Start again.';
		case 'email_not_verified':
			return `${name} did not confirm your email address, so no account was made. Confirm it there, or create an account with a password.`;
		case 'account_exists':
			return `An account with your ${name} email address exists. Log in to it (or reset its password), then connect ${name} in Account settings.`;
		case 'identity_in_use':
			return `This ${name} account is connected to another of our accounts. Disconnect it there first.`;
		case 'identity_not_linked':
			return `This ${name} account is not connected to yours.`;
		case 'reauthentication_required':
			return `Nothing was connected: confirm it’s you, then connect ${name} again.`;
		default:
			return `${name} could not sign you in. Try again later.`;
	}
}

/**
 * Finishes a provider flow the address bar carries. Returns null when there is none, else
 * { intent, provider, error, result } with `error` a problem code or `result` the API's answer.
 */
export async function completeProviderFlow() {
	try {
		return await app.client.provider.completeRedirect();
	} catch {
		// The API could not be reached to finish: the same advice as any failed flow.
		return { intent: 'sign_in', provider: null, error: 'provider_error' };
	}
}

/** Shows a flow's error in an alert element. */
export function showProviderError(alert, completion) {
	setAlert(alert, providerMessage(completion.error, completion.provider, completion.problem));
}
