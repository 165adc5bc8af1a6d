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

/**
 * Creates a client for the spa-auth JSON API.
 *
 * @param {import('./index.d.ts').ClientOptions} [options]
 * @returns {import('./index.d.ts').SpaAuthClient}
 */
export function createClient({ baseUrl = '', fetch: fetchImpl = globalThis.fetch, credentials } = {}) {
	if (typeof fetchImpl !== 'function') {
		throw new TypeError('spa-auth-client: no fetch implementation; pass one as the `fetch` option');
	}

	const base = String(baseUrl).replace(/\/+$/, '');
	const credentialsMode = credentials ?? defaultCredentials(base);

	let csrfToken;
	let csrfHeaderName = DEFAULT_CSRF_HEADER;
	let pendingCsrf; // in-flight csrf() promise, shared by concurrent callers

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

	async function request(method, path, body) {
		const verb = String(method).toUpperCase();
		if ((verb === 'GET' || verb === 'HEAD') && body !== undefined) {
			throw new TypeError(`spa-auth-client: a ${verb} request cannot have a body`);
		}
		if (!UNSAFE_METHODS.has(verb)) {
			return send(verb, path, body);
		}
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

	return {
		csrf,
		session: () => request('GET', '/api/auth/session'),
		login: (username, password) => request('POST', '/api/auth/login', { username, password }),
		signup: ({ username, email, password }) => request('POST', '/api/auth/signup', { username, email, password }),
		logout: () => request('POST', '/api/auth/logout'),
		request,
	};
}
