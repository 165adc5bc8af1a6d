// The "Confirm it's you" dialog: asked for by the client when an operation needs a fresh log-in
// (403 reauthentication_required); the operation is retried once the password is confirmed.
import { app } from '../state.js';
import { setAlert } from '../dom.js';
import { resetForm, beforeSubmit, checkRequired, focusProblem, clearErrorsOnInput, handleError, isProblem } from '../forms.js';

/** For 400 invalid_credentials where there is no username (the server's detail mentions one). */
export const WRONG_CURRENT_PASSWORD = 'That is not your current password.';

const $ = (id) => document.getElementById(id);
const dialog = $('reauth-dialog');
const form = $('reauth-form');
const alert = $('reauth-alert');
const password = form.elements.namedItem('password');
const passkeyButton = $('reauth-passkey');
const providerButtons = $('reauth-providers');

/** How many operations that may ask for the password are running; see sensitive(). */
let sensitiveRunning = 0;
/** While the dialog waits for the user: resolves the client's onReauthenticationRequired. */
let pendingPassword = null;
let focusBeforeDialog = null;
/** The last element that had focus: a button that was clicked and then disabled has lost it. */
let lastFocused = null;
document.addEventListener('focusin', (event) => {
	lastFocused = event.target;
});

/**
 * Runs an operation that may need a fresh log-in. While it runs, the dialog stays open (busy)
 * after the password is sent, and shows the error if the password was wrong; it closes when the
 * operation is over.
 */
export async function sensitive(task) {
	sensitiveRunning++;
	try {
		return await task();
	} finally {
		sensitiveRunning--;
		if (sensitiveRunning === 0) closeReauthDialog();
	}
}

/** The client's onReauthenticationRequired: resolves with the password, or null if cancelled. */
export function askPassword({ error, attempt }) {
	if (!dialog.open) {
		const active = document.activeElement;
		focusBeforeDialog = active && active !== document.body ? active : lastFocused;
		resetForm(form, alert);
		form.elements.namedItem('username').value = app.user?.username ?? '';
		passkeyButton.hidden = !app.client.passkey.isSupported();
		showConnectedProviders();
		dialog.replaceChildren(form);
		dialog.showModal();
	}
	setBusy(false);
	if (attempt > 1) {
		handleError(error, { alert, form });
		if (isProblem(error, 'invalid_credentials')) setAlert(alert, WRONG_CURRENT_PASSWORD);
		password.value = '';
		password.setAttribute('aria-invalid', 'true');
	}
	password.focus();
	pendingPassword?.(null);
	return new Promise((resolve) => {
		pendingPassword = resolve;
	});
}

/**
 * Makes sure the session is fresh before an operation that leaves the page (connecting a provider):
 * "Confirm it's you" unless the session was confirmed in the last minute or so. Resolves to false
 * when the user cancels.
 */
export async function confirmFirst() {
	const session = await app.client.session();
	const until = session.reauthenticatedUntil ? Date.parse(session.reauthenticatedUntil) : 0;
	if (until - Date.now() > 60_000) return true;
	return sensitive(async () => {
		let error = null;
		for (let attempt = 1; ; attempt++) {
			const answer = await askPassword({ error, attempt });
			if (answer === null) return false;
			if (answer === true) return true;
			try {
				await app.client.reauthenticate(answer);
				return true;
			} catch (failure) {
				if (!isProblem(failure, 'invalid_credentials')) throw failure;
				error = failure;
			}
		}
	});
}

/** "Use <provider>" for each provider connected to the account: confirms there, then comes back. */
function showConnectedProviders() {
	providerButtons.replaceChildren();
	if (!app.providers?.length) return;
	app.client.provider.identities().then(({ identities }) => {
		const connected = new Set(identities.map((identity) => identity.provider));
		providerButtons.replaceChildren(
			...app.providers
				.filter((provider) => connected.has(provider.id))
				.map((provider) => {
					const button = document.createElement('button');
					button.type = 'button';
					button.className = 'button ghost';
					button.textContent = `Use ${provider.name}`;
					button.dataset.provider = provider.id;
					return button;
				}),
		);
	}, () => {});
}

// A connected provider instead of the password: the page leaves for it and comes back confirmed; the
// operation is not retried (the user does it again), so it is cancelled here.
providerButtons.addEventListener('click', (event) => {
	const button = event.target.closest('button[data-provider]');
	if (!button) return;
	button.disabled = true;
	app.client.provider.reauthenticate(button.dataset.provider, { returnTo: location.href });
});

function answerPassword(value) {
	const resolve = pendingPassword;
	pendingPassword = null;
	resolve?.(value);
}

function setBusy(busy) {
	if (busy) form.setAttribute('aria-busy', 'true');
	else form.removeAttribute('aria-busy');
	for (const button of form.querySelectorAll('button[type="submit"], #reauth-passkey')) button.disabled = busy;
}

/** Closes the dialog, if open: the pending operation sees a "Cancel". */
export function closeReauthDialog() {
	answerPassword(null);
	if (dialog.open) dialog.close(); // the "close" listener below tidies up
}

clearErrorsOnInput(form);

form.addEventListener('submit', (event) => {
	event.preventDefault();
	beforeSubmit(form, alert);
	if (!checkRequired(form, { password: 'Enter your password.' })) {
		focusProblem(form);
		return;
	}
	answerPassword(password.value);
	if (sensitiveRunning > 0) {
		setBusy(true); // stays open until the operation is over or the password was wrong
	} else {
		dialog.close();
	}
});

$('reauth-cancel').addEventListener('click', () => closeReauthDialog());

// A passkey instead of the password: the client re-authenticates with it, then the operation is retried.
passkeyButton.addEventListener('click', async () => {
	beforeSubmit(form, alert);
	setBusy(true);
	try {
		await app.client.passkey.reauthenticate();
	} catch (error) {
		setBusy(false);
		if (error instanceof DOMException) setAlert(alert, 'No passkey was used. Try again, or enter your password.');
		else handleError(error, { alert });
		passkeyButton.focus();
		return;
	}
	answerPassword(true);
	if (sensitiveRunning === 0) dialog.close();
});

// Escape closes the dialog: that is a "Cancel".
dialog.addEventListener('close', () => {
	answerPassword(null);
	password.value = '';
	setBusy(false);
	form.remove(); // its "Current password" must not clash with the change-password form's
	dialog.replaceChildren();
	// Back to where the user was, once the operation has re-enabled its button.
	const target = focusBeforeDialog;
	focusBeforeDialog = null;
	setTimeout(() => {
		if (document.activeElement && document.activeElement !== document.body) return;
		if (target?.isConnected && !target.disabled) target.focus();
	}, 0);
});

form.remove(); // attached only while the dialog is open
