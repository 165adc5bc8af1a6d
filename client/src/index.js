import { SpaAuthError } from './errors/SpaAuthError.js';
import { HTTPError } from './errors/HTTPError.js';
import { NetworkError } from './errors/NetworkError.js';

export { SpaAuthError, HTTPError, NetworkError };

/** Header name used until `/api/auth/csrf` says otherwise. */
export const DEFAULT_CSRF_HEADER = 'X-XSRF-TOKEN';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function absoluteOrigin(baseUrl) {
	try {
		// Throws for relative URLs such as '' or '/backend'.
		return new URL(baseUrl).origin;
	} catch {
		return undefined;
	}
}

function defaultCredentials(baseUrl) {
	const origin = absoluteOrigin(baseUrl);
	if (origin === undefined) return 'same-origin';
	return origin === globalThis.location?.origin ? 'same-origin' : 'include';
}

function isJsonContentType(contentType) {
	// application/json, application/problem+json, ...; a missing type is tried as JSON too.
	if (!contentType) return true;
	const mediaType = contentType.split(';', 1)[0].trim().toLowerCase();
	return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function isReauthenticationRequired(error) {
	return error instanceof HTTPError && error.status === 403 && error.code === 'reauthentication_required';
}

/** A wrong or blank password: worth asking again. Anything else (429, 5xx, network) is not. */
function isRetryableReauthFailure(error) {
	return (
		error instanceof HTTPError &&
		error.status === 400 &&
		(error.code === 'invalid_credentials' || error.code === 'validation_failed')
	);
}

/**
 * Creates a client for the spa-auth JSON API.
 *
 * @param {import('./index.d.ts').ClientOptions} [options]
 * @returns {import('./index.d.ts').SpaAuthClient}
 */
export function createClient({
	baseUrl = '',
	fetch: fetchImpl = globalThis.fetch,
	credentials,
	onReauthenticationRequired,
} = {}) {
	if (typeof fetchImpl !== 'function') {
		throw new TypeError('spa-auth-client: no fetch implementation; pass one as the `fetch` option');
	}
	if (onReauthenticationRequired !== undefined && typeof onReauthenticationRequired !== 'function') {
		throw new TypeError('spa-auth-client: `onReauthenticationRequired` must be a function');
	}

	const base = String(baseUrl).replace(/\/+$/, '');
	const credentialsMode = credentials ?? defaultCredentials(base);

	let csrfToken;
	let csrfHeaderName = DEFAULT_CSRF_HEADER;
	let pendingCsrf; // in-flight csrf() promise, shared by concurrent callers
	let pendingReauthentication; // in-flight password prompt + re-authentication, shared likewise

	function rememberToken(body) {
		if (body !== null && typeof body === 'object' && typeof body.csrfToken === 'string') {
			csrfToken = body.csrfToken;
		}
	}

	async function readBody(response, method, url) {
		let text;
		try {
			text = await response.text();
		} catch (error) {
			throw new NetworkError({ method, url, cause: error });
		}
		if (text === '' || !isJsonContentType(response.headers.get('content-type'))) {
			return { json: undefined, text };
		}
		try {
			return { json: JSON.parse(text), text };
		} catch {
			return { json: undefined, text };
		}
	}

	async function send(method, path, body) {
		const url = base + path;
		const headers = { Accept: 'application/json' };
		const init = { method, headers, credentials: credentialsMode };
		if (body !== undefined) {
			headers['Content-Type'] = 'application/json';
			init.body = JSON.stringify(body);
		}
		if (UNSAFE_METHODS.has(method) && csrfToken !== undefined) {
			headers[csrfHeaderName] = csrfToken;
		}

		let response;
		try {
			response = await fetchImpl(url, init);
		} catch (error) {
			throw new NetworkError({ method, url, cause: error });
		}

		const { json, text } = await readBody(response, method, url);
		rememberToken(json);

		if (!response.ok) {
			throw new HTTPError({
				method,
				url,
				status: response.status,
				statusText: response.statusText,
				problem: json ?? null,
				response,
			});
		}
		if (json === undefined && text !== '') {
			throw new SpaAuthError(
				`Expected a JSON response but got ${response.headers.get('content-type') || 'an unknown content type'}: ${method} ${url}`,
			);
		}
		return json;
	}

	function csrf() {
		pendingCsrf ??= (async () => {
			try {
				const body = await send('GET', '/api/auth/csrf');
				if (body && typeof body.headerName === 'string' && body.headerName !== '') {
					csrfHeaderName = body.headerName;
				}
				return body;
			} finally {
				pendingCsrf = undefined;
			}
		})();
		return pendingCsrf;
	}

	/** An unsafe request with the CSRF header, retried once with a fresh token after `csrf_failed`. */
	async function sendWithCsrf(verb, path, body) {
		if (csrfToken === undefined) {
			await csrf();
		}
		try {
			return await send(verb, path, body);
		} catch (error) {
			if (!(error instanceof HTTPError && error.status === 403 && error.code === 'csrf_failed')) {
				throw error;
			}
			// The token went stale (session rotated or expired): fetch a fresh one and retry once.
			await csrf();
			return send(verb, path, body);
		}
	}

	function sendOnce(verb, path, body) {
		return UNSAFE_METHODS.has(verb) ? sendWithCsrf(verb, path, body) : send(verb, path, body);
	}

	function reauthenticate(password) {
		return sendWithCsrf('POST', '/api/auth/reauthenticate', { password });
	}

	/**
	 * Asks the application for the password (via `onReauthenticationRequired`) and re-authenticates,
	 * asking again after a wrong or blank password. Resolves true once re-authenticated, false if the
	 * application gave no password. Concurrent callers share one prompt.
	 */
	function reauthenticateInteractively(error) {
		pendingReauthentication ??= (async () => {
			try {
				let reason = error;
				for (let attempt = 1; ; attempt++) {
					const password = await onReauthenticationRequired({ error: reason, attempt });
					if (typeof password !== 'string') return false;
					try {
						await reauthenticate(password);
						return true;
					} catch (failure) {
						if (!isRetryableReauthFailure(failure)) throw failure;
						reason = failure;
					}
				}
			} finally {
				pendingReauthentication = undefined;
			}
		})();
		return pendingReauthentication;
	}

	async function request(method, path, body) {
		const verb = String(method).toUpperCase();
		if ((verb === 'GET' || verb === 'HEAD') && body !== undefined) {
			throw new TypeError(`spa-auth-client: a ${verb} request cannot have a body`);
		}
		try {
			return await sendOnce(verb, path, body);
		} catch (error) {
			if (onReauthenticationRequired === undefined || !isReauthenticationRequired(error)) {
				throw error;
			}
			// The operation needs a freshly authenticated session: confirm the password, retry once.
			if (!(await reauthenticateInteractively(error))) {
				throw error;
			}
			return sendOnce(verb, path, body);
		}
	}

	return {
		csrf,
		session: () => request('GET', '/api/auth/session'),
		login: (username, password) => request('POST', '/api/auth/login', { username, password }),
		signup: ({ username, email, password }) => request('POST', '/api/auth/signup', { username, email, password }),
		logout: () => request('POST', '/api/auth/logout'),
		reauthenticate,
		changePassword: ({ currentPassword, newPassword }) =>
			request('POST', '/api/auth/password', { currentPassword, newPassword }),
		changeEmail: (newEmail) => request('POST', '/api/auth/email', { newEmail }),
		confirmEmail: (token) => request('POST', '/api/auth/email/confirm', { token }),
		requestPasswordReset: (email) => request('POST', '/api/auth/password-reset', { email }),
		resetPassword: ({ token, newPassword }) =>
			request('POST', '/api/auth/password-reset/confirm', { token, newPassword }),
		listSessions: () => request('GET', '/api/auth/sessions'),
		revokeSession: (handle) => request('DELETE', `/api/auth/sessions/${encodeURIComponent(handle)}`),
		revokeOtherSessions: () => request('POST', '/api/auth/sessions/revoke-others'),
		request,
	};
}
