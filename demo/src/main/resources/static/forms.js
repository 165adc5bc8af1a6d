// Form and error helpers shared by the screens: required fields, field messages, and the API's
// problems told in the form's own words.
import { CookiesBlockedError, HTTPError, NetworkError } from '/spa-auth-client/index.js';
import { setAlert, showFieldErrors, clearFieldErrors, firstInvalid, labelText, whileBusy } from './dom.js';
import { app } from './state.js';

/** Empties a form and its field messages, and hides the given alert and status elements. */
export function resetForm(form, ...messages) {
	form.reset();
	clearFieldErrors(form);
	for (const element of messages) setAlert(element);
}

/** Before a submit: no field messages, and the given alert and status elements hidden. */
export function beforeSubmit(form, ...messages) {
	clearFieldErrors(form);
	for (const element of messages) setAlert(element);
}

/** Marks empty required fields (`{ field: message }`); returns false if any was empty. */
export function checkRequired(form, messages) {
	let ok = true;
	for (const [field, message] of Object.entries(messages)) {
		if (form.elements.namedItem(field).value.trim() === '') {
			showFieldErrors(form, { [field]: message });
			ok = false;
		}
	}
	return ok;
}

/** Focuses the form's first invalid control, else `fallback`. */
export function focusProblem(form, fallback) {
	(firstInvalid(form) ?? fallback)?.focus();
}

/** Clears a field's message as soon as the user edits it. */
export function clearErrorsOnInput(form) {
	form.addEventListener('input', (event) => clearFieldErrors(event.target));
}

export const isProblem = (error, code) => error instanceof HTTPError && error.code === code;

export const hasStatus = (error, status) => error instanceof HTTPError && error.status === status;

/** A message fit for the user, for any error the client can throw. */
export function describe(error) {
	if (error instanceof HTTPError) return error.detail;
	if (error instanceof NetworkError) return 'Can’t reach the server. Check your connection and try again.';
	if (error instanceof CookiesBlockedError) return cookiesBlocked(error);
	console.error(error);
	return 'Something went wrong. Please try again.';
}

/** What to do when the browser does not keep the API's cookies, by what the API saw. */
function cookiesBlocked({ url, reason }) {
	const host = new URL(url, location.href).host;
	if (reason === 'none') {
		return `Your browser is blocking this site’s cookies, so you can’t stay signed in. Allow cookies for ${host} `
			+ '(in Chrome: the eye or tune icon in the address bar, or Settings → Privacy → Third-party cookies), then try again.';
	}
	return 'You were signed in, but your browser did not keep the session. Try again; if it happens again, '
		+ `tell the site’s operators (reason: ${reason}).`;
}

/**
 * Shows an error in `alert` (and field messages in `form`, if given).
 * Returns true if the error was a 401 on a signed-in screen and the session-ended screen is shown.
 */
export function handleError(error, { alert, form, signedIn = false }) {
	if (signedIn && hasStatus(error, 401)) {
		app.sessionEnded();
		return true;
	}
	const invalidFields = form && error instanceof HTTPError && Object.keys(error.errors).length > 0;
	setAlert(alert, invalidFields ? fieldProblem(form, error.errors) : describe(error));
	return false;
}

/**
 * Shows the field messages, and says which fields by their labels: the problem's detail names the
 * API's fields ("Please correct: newPassword."), the form's labels are what the user sees ("Please
 * correct: New password."). Messages for fields the form does not have are added as they are.
 */
function fieldProblem(form, errors) {
	const { marked, leftovers } = showFieldErrors(form, errors);
	const labels = marked.map(labelText);
	return [labels.length > 0 ? `Please correct: ${labels.join(', ')}.` : '', ...leftovers].join(' ').trim();
}

/**
 * Wires a form whose one field "Email" asks the API to mail something ("Forgot password?", "Send the
 * link again"): `send(email)` resolves to `{ detail }`, shown in `notice`; a problem goes to `alert`
 * or the field. `clearOnSuccess` empties the form afterwards.
 */
export function emailRequestForm(form, { notice, alert, send, clearOnSuccess = false }) {
	clearErrorsOnInput(form);
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		beforeSubmit(form, notice, alert);
		const email = form.elements.namedItem('email');
		if (!checkRequired(form, { email: 'Enter your email address.' })) {
			focusProblem(form);
			return;
		}
		await whileBusy(form, async () => {
			try {
				const { detail } = await send(email.value.trim());
				if (clearOnSuccess) form.reset();
				setAlert(notice, detail);
			} catch (error) {
				handleError(error, { alert, form });
				focusProblem(form);
			}
		});
	});
}
