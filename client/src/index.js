/**
 * spa-auth-client: a dependency-free client for the spa-auth JSON API.
 *
 * The session lives in an HttpOnly cookie that the browser sends by itself;
 * the CSRF token is kept in memory, taken from response bodies (never from
 * `document.cookie`), and sent as a header on unsafe requests.
 *
 * The types are written here as JSDoc; `index.d.ts` is generated from this file
 * (`npm run types`) and `npm run typecheck` fails when the two differ.
 */

import { SpaAuthError } from './errors/SpaAuthError.js';
import { HTTPError } from './errors/HTTPError.js';
import { NetworkError } from './errors/NetworkError.js';
import { TimeoutError } from './errors/TimeoutError.js';
import { CookiesBlockedError } from './errors/CookiesBlockedError.js';

import { runCeremony, toBase64url } from './webauthn.js';
export { SpaAuthError, HTTPError, NetworkError, TimeoutError, CookiesBlockedError };
export { fromBase64url, toBase64url, creationOptionsFromJSON, requestOptionsFromJSON, credentialToJSON } from './webauthn.js';

/** Header name used until `{basePath}/csrf` names another. */
export const DEFAULT_CSRF_HEADER = 'X-XSRF-TOKEN';

/** Path of the auth endpoints when `basePath` is not given: the server's default `spa-auth.base-path`. */
export const DEFAULT_BASE_PATH = '/api/auth';

/** Milliseconds each HTTP request may take when `timeout` is not given (10 s). */
export const DEFAULT_TIMEOUT = 10_000;

// The longest delay setTimeout supports; a longer one would fire at once.
const MAX_TIMEOUT = 2_147_483_647;

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** @param {string} baseUrl */
function absoluteOrigin(baseUrl) {
	try {
		// Throws for relative URLs such as '' or '/backend'.
		return new URL(baseUrl).origin;
	} catch {
		return undefined;
	}
}

/**
 * @param {string} baseUrl
 * @returns {RequestCredentials}
 */
function defaultCredentials(baseUrl) {
	const origin = absoluteOrigin(baseUrl);
	if (origin === undefined) return 'same-origin';
	return origin === globalThis.location?.origin ? 'same-origin' : 'include';
}

/** @param {string | null} contentType */
function isJsonContentType(contentType) {
	// application/json, application/problem+json, ...; a missing type is tried as JSON too.
	if (!contentType) return true;
	const mediaType = contentType.split(';', 1)[0].trim().toLowerCase();
	return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/**
 * @param {unknown} error
 * @returns {error is HTTPError}
 */
function isReauthenticationRequired(error) {
	return error instanceof HTTPError && error.status === 403 && error.code === 'reauthentication_required';
}

/**
 * A wrong or blank password: worth asking again. Anything else (429, 5xx, network) is not.
 * @param {unknown} error
 * @returns {error is HTTPError}
 */
function isRetryableReauthFailure(error) {
	return (
		error instanceof HTTPError &&
		error.status === 400 &&
		(error.code === 'invalid_credentials' || error.code === 'validation_failed')
	);
}

/** @param {unknown} value */
function show(value) {
	return typeof value === 'string' ? `'${value}'` : String(value);
}

/**
 * @param {unknown} basePath
 * @returns {string}
 */
function checkBasePath(basePath) {
	if (typeof basePath !== 'string' || !basePath.startsWith('/') || basePath.endsWith('/')) {
		throw new TypeError(
			`spa-auth-client: \`basePath\` must be a path that starts with '/' and does not end with '/', ` +
				`such as '${DEFAULT_BASE_PATH}' (got ${show(basePath)})`,
		);
	}
	return basePath;
}

/**
 * @param {unknown} timeout
 * @returns {number | false}
 */
function checkTimeout(timeout) {
	if (timeout === false) return false;
	if (typeof timeout !== 'number') {
		throw new TypeError(`spa-auth-client: \`timeout\` must be a number of milliseconds or false (got ${show(timeout)})`);
	}
	if (!(timeout >= 1 && timeout <= MAX_TIMEOUT)) {
		throw new RangeError(`spa-auth-client: \`timeout\` must be from 1 to ${MAX_TIMEOUT} milliseconds (got ${timeout})`);
	}
	return timeout;
}

/**
 * @param {unknown} signal
 * @returns {AbortSignal | undefined}
 */
function checkSignal(signal) {
	if (signal === undefined) return undefined;
	const candidate = /** @type {{ aborted?: unknown, addEventListener?: unknown } | null} */ (signal);
	if (
		candidate === null ||
		typeof candidate !== 'object' ||
		typeof candidate.aborted !== 'boolean' ||
		typeof candidate.addEventListener !== 'function'
	) {
		throw new TypeError(`spa-auth-client: \`signal\` must be an AbortSignal (got ${show(signal)})`);
	}
	return /** @type {AbortSignal} */ (signal);
}

/**
 * What an aborted signal rejects with: its `reason` (an AbortError unless the caller gave another).
 * @param {AbortSignal} signal
 * @returns {unknown}
 */
function abortReason(signal) {
	// Browsers from before 2022 have no `reason`.
	return 'reason' in signal ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
}

/**
 * Throws the reason of the first of `signals` that is aborted, if any.
 * @param {readonly AbortSignal[]} signals
 */
function throwIfAborted(signals) {
	for (const signal of signals) {
		if (signal.aborted) throw abortReason(signal);
	}
}

/**
 * Calls `onAbort` once with the reason of the first of `signals` to abort, at once if one already is.
 * A hand-made `AbortSignal.any()` (Node 20.3+, not in Node 18) whose listeners are removed by the
 * returned function, so that long-lived signals do not collect one listener per request.
 * @param {readonly AbortSignal[]} signals
 * @param {(reason: unknown) => void} onAbort
 * @returns {() => void} stops listening
 */
function whenAborted(signals, onAbort) {
	/** @type {Array<() => void>} */
	const removers = [];
	const stop = () => {
		for (const remove of removers.splice(0)) remove();
	};
	for (const signal of signals) {
		if (signal.aborted) {
			stop();
			onAbort(abortReason(signal));
			break;
		}
		const listener = () => {
			stop();
			onAbort(abortReason(signal));
		};
		signal.addEventListener('abort', listener);
		removers.push(() => signal.removeEventListener('abort', listener));
	}
	return stop;
}

/**
 * Settles like `promise`, unless one of `signals` aborts first: then rejects with its reason.
 * @template T
 * @param {Promise<T>} promise
 * @param {readonly AbortSignal[]} signals
 * @returns {Promise<T>}
 */
function untilAborted(promise, signals) {
	if (signals.length === 0) return promise;
	return new Promise((resolve, reject) => {
		const stop = whenAborted(signals, reject);
		promise.then(resolve, reject).finally(stop);
	});
}

/**
 * Creates a client. Each client keeps its own CSRF token in memory.
 * Invalid options throw a `TypeError` (a `RangeError` for a `timeout` out of range).
 * @example
 * const client = createClient();
 * const { authenticated } = await client.session();
 * @param {ClientOptions} [options]
 */
export function createClient(options = {}) {
	const {
		baseUrl = '',
		basePath = DEFAULT_BASE_PATH,
		fetch: fetchImpl = globalThis.fetch,
		credentials,
		timeout = DEFAULT_TIMEOUT,
		signal,
		onReauthenticationRequired,
		webAuthn = /** @type {WebAuthnCredentials | null} */ (globalThis.navigator?.credentials ?? null),
	} = options;
	if (typeof fetchImpl !== 'function') {
		throw new TypeError('spa-auth-client: no fetch implementation; pass one as the `fetch` option');
	}
	if (onReauthenticationRequired !== undefined && typeof onReauthenticationRequired !== 'function') {
		throw new TypeError('spa-auth-client: `onReauthenticationRequired` must be a function');
	}
	const authPath = checkBasePath(basePath);
	const defaultTimeout = checkTimeout(timeout);
	const defaultSignal = checkSignal(signal);
	/** @type {readonly AbortSignal[]} */
	const defaultSignals = defaultSignal === undefined ? [] : [defaultSignal];

	const base = String(baseUrl).replace(/\/+$/, '');
	const credentialsMode = credentials ?? defaultCredentials(base);

	/** @type {string | undefined} */
	let csrfToken;
	/** @type {string} */
	let csrfHeaderName = DEFAULT_CSRF_HEADER;

	/**
	 * What one call (a method of the client) may do: the signals that abort it and the timeout of
	 * each HTTP request it makes.
	 * @typedef {{ signals: readonly AbortSignal[], timeout: number | false }} Call
	 */

	/**
	 * @param {RequestOptions | undefined} callOptions
	 * @returns {Call}
	 */
	function callFor(callOptions) {
		if (callOptions === undefined || callOptions === null) {
			return { signals: defaultSignals, timeout: defaultTimeout };
		}
		if (typeof callOptions !== 'object') {
			throw new TypeError(`spa-auth-client: the options must be an object such as { signal, timeout } (got ${show(callOptions)})`);
		}
		const callSignal = checkSignal(callOptions.signal);
		return {
			signals:
				callSignal === undefined || callSignal === defaultSignal ? defaultSignals : [...defaultSignals, callSignal],
			timeout: callOptions.timeout === undefined ? defaultTimeout : checkTimeout(callOptions.timeout),
		};
	}

	/**
	 * One task at a time shared by concurrent calls (CSRF priming, the password prompt). Each call
	 * waits with its own signals and leaves when they abort; the task runs with a signal of its own
	 * that aborts once every call waiting for it has left, and with the timeout of the call that
	 * started it.
	 * @template A, T
	 * @param {(call: Call, argument: A) => Promise<T>} start
	 * @returns {(call: Call, argument: A) => Promise<T>}
	 */
	function shared(start) {
		/** @type {{ promise: Promise<T>, controller: AbortController, waiting: number } | undefined} */
		let current;
		return async (call, argument) => {
			throwIfAborted(call.signals);
			if (current === undefined) {
				const controller = new AbortController();
				const promise = start({ signals: [controller.signal], timeout: call.timeout }, argument);
				const task = { promise, controller, waiting: 0 };
				const forget = () => {
					if (current === task) current = undefined;
				};
				promise.then(forget, forget);
				current = task;
			}
			const task = current;
			task.waiting++;
			return new Promise((resolve, reject) => {
				const stop = whenAborted(call.signals, (reason) => {
					reject(reason);
					if (--task.waiting === 0) {
						if (current === task) current = undefined;
						task.controller.abort(reason);
					}
				});
				task.promise.then(resolve, reject).finally(stop);
			});
		};
	}

	/** @param {unknown} body */
	function rememberToken(body) {
		if (body !== null && typeof body === 'object' && 'csrfToken' in body && typeof body.csrfToken === 'string') {
			csrfToken = body.csrfToken;
		}
	}

	/**
	 * @param {Response} response
	 * @param {string} method
	 * @param {string} url
	 * @returns {Promise<{ json: unknown, text: string }>}
	 */
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

	/**
	 * Fetches and reads the whole body; no response at all is a NetworkError.
	 * @param {string} url
	 * @param {RequestInit} init
	 * @param {string} method
	 */
	async function exchange(url, init, method) {
		let response;
		try {
			response = await fetchImpl(url, init);
		} catch (error) {
			throw new NetworkError({ method, url, cause: error });
		}
		const { json, text } = await readBody(response, method, url);
		return { response, json, text };
	}

	/**
	 * One HTTP request; resolves to the parsed JSON body (`undefined` when empty).
	 * @param {string} method
	 * @param {string} path
	 * @param {unknown} body
	 * @param {Call} call
	 * @returns {Promise<unknown>}
	 */
	async function send(method, path, body, call) {
		throwIfAborted(call.signals);
		const url = base + path;
		/** @type {Record<string, string>} */
		const headers = { Accept: 'application/json' };
		/** @type {RequestInit} */
		const init = { method, headers, credentials: credentialsMode };
		if (body !== undefined) {
			headers['Content-Type'] = 'application/json';
			init.body = JSON.stringify(body);
		}
		if (UNSAFE_METHODS.has(method) && csrfToken !== undefined) {
			headers[csrfHeaderName] = csrfToken;
		}

		// fetch gets a signal of its own, aborted by the call's signals or, after `timeout` ms, with a
		// TimeoutError. The wait ends at the abort even if `fetch` (or the body) ignores the signal.
		const controller = new AbortController();
		init.signal = controller.signal;
		const stopListening = whenAborted(call.signals, (reason) => controller.abort(reason));
		const { timeout } = call;
		const timer =
			timeout === false
				? undefined
				: setTimeout(() => controller.abort(new TimeoutError({ method, url, timeout })), timeout);
		let exchanged;
		try {
			exchanged = await untilAborted(exchange(url, init, method), [controller.signal]);
		} finally {
			clearTimeout(timer);
			stopListening();
		}
		const { response, json, text } = exchanged;
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

	const primeCsrf = shared(
		/**
		 * @param {Call} call
		 * @returns {Promise<CsrfResponse>}
		 */
		async (call) => {
			const body = /** @type {CsrfResponse} */ (await send('GET', `${authPath}/csrf`, undefined, call));
			if (body && typeof body.headerName === 'string' && body.headerName !== '') {
				csrfHeaderName = body.headerName;
			}
			return body;
		},
	);

	/**
	 * An unsafe request with the CSRF header, retried once with a fresh token after `csrf_failed`.
	 * @param {string} verb
	 * @param {string} path
	 * @param {unknown} body
	 * @param {Call} call
	 */
	async function sendWithCsrf(verb, path, body, call) {
		if (csrfToken === undefined) {
			await primeCsrf(call, undefined);
		}
		try {
			return await send(verb, path, body, call);
		} catch (error) {
			if (!(error instanceof HTTPError && error.status === 403 && error.code === 'csrf_failed')) {
				throw error;
			}
			if (error.problem?.missingCookies === 'none') {
				// No cookie of the API came with the request: a new token cannot help.
				throw new CookiesBlockedError({ url: error.url, reason: 'none' });
			}
			// The token went stale (session rotated or expired): fetch a fresh one and retry once.
			await primeCsrf(call, undefined);
			return send(verb, path, body, call);
		}
	}

	/**
	 * @param {string} verb
	 * @param {string} path
	 * @param {unknown} body
	 * @param {Call} call
	 */
	function sendOnce(verb, path, body, call) {
		return UNSAFE_METHODS.has(verb) ? sendWithCsrf(verb, path, body, call) : send(verb, path, body, call);
	}

	/**
	 * Asks the application for the password (via `onReauthenticationRequired`) and re-authenticates,
	 * asking again after a wrong or blank password. Resolves true once re-authenticated, false if the
	 * application gave no password. Concurrent calls share one prompt.
	 */
	const reauthenticateInteractively = shared(
		/**
		 * @param {Call} call
		 * @param {HTTPError} error
		 * @returns {Promise<boolean>}
		 */
		async (call, error) => {
			const ask = /** @type {NonNullable<ClientOptions['onReauthenticationRequired']>} */ (onReauthenticationRequired);
			let reason = error;
			for (let attempt = 1; ; attempt++) {
				const context = { error: reason, attempt, signal: call.signals[0] };
				const password = await untilAborted(Promise.resolve(ask(context)), call.signals);
				// true: the application re-authenticated by itself (with a passkey, passkey.reauthenticate()).
				if (password === true) return true;
				if (typeof password !== 'string') return false;
				try {
					await sendWithCsrf('POST', `${authPath}/reauthenticate`, { password }, call);
					return true;
				} catch (failure) {
					if (!isRetryableReauthFailure(failure)) throw failure;
					reason = failure;
				}
			}
		},
	);

	/**
	 * @template [T=unknown]
	 * @param {string} method
	 * @param {string} path
	 * @param {unknown} [body]
	 * @param {RequestOptions} [options]
	 * @returns {Promise<T>}
	 */
	async function request(method, path, body, options) {
		const verb = String(method).toUpperCase();
		const call = callFor(options);
		if ((verb === 'GET' || verb === 'HEAD') && body !== undefined) {
			throw new TypeError(`spa-auth-client: a ${verb} request cannot have a body`);
		}
		try {
			return /** @type {T} */ (await sendOnce(verb, path, body, call));
		} catch (error) {
			if (onReauthenticationRequired === undefined || !isReauthenticationRequired(error)) {
				throw error;
			}
			// The operation needs a freshly authenticated session: confirm the password, retry once.
			if (!(await reauthenticateInteractively(call, error))) {
				throw error;
			}
			return /** @type {T} */ (await sendOnce(verb, path, body, call));
		}
	}

	/**
	 * After an answer that started a session (one with `user`, or `mfaRequired` for a log-in waiting
	 * for its second factor), confirms with one `GET {basePath}/session` that the browser sends the
	 * session cookie back, and rejects with a CookiesBlockedError, saying what the API saw, when it
	 * does not: a browser that drops the cookies fails here rather than with a 401 on the next call.
	 * Only an answer that says nobody is signed in means that: when the confirmation itself fails
	 * (503, 429, a network error), the sign-in, which succeeded, resolves as it is.
	 * @template T
	 * @param {T} answer
	 * @param {RequestOptions | undefined} options
	 * @returns {Promise<T>}
	 */
	async function confirmSession(answer, options) {
		if (answer === null || typeof answer !== 'object') return answer;
		const pending = 'mfaRequired' in answer && answer.mfaRequired === true;
		if (!('user' in answer) && !pending) return answer;
		/** @type {{ authenticated?: boolean, mfaRequired?: boolean, missingCookies?: string }} */
		let status;
		try {
			status = /** @type {typeof status} */ (await send('GET', `${authPath}/session`, undefined, callFor(options)));
		} catch (error) {
			if (error instanceof HTTPError || error instanceof NetworkError || error instanceof TimeoutError) return answer;
			throw error;
		}
		if (pending ? status.mfaRequired === true : status.authenticated === true) return answer;
		const reason = /** @type {CookiesBlockedReason} */ (
			['none', 'csrf_only', 'session_not_found'].includes(String(status.missingCookies)) ? status.missingCookies : 'unknown'
		);
		throw new CookiesBlockedError({ url: base + authPath + '/session', reason });
	}

	/** Where a provider flow keeps its verifier between leaving the page and coming back. */
	const PROVIDER_FLOW_KEY = 'spa-auth:provider-flow';

	/**
	 * Starts a flow through a provider: a new verifier in `sessionStorage`, then a top-level
	 * navigation to `{baseUrl}{basePath}/oauth2/{id}` with its S256 challenge.
	 * @param {string} id
	 * @param {ProviderIntent} intent
	 * @param {ProviderStartOptions | undefined} startOptions
	 * @returns {Promise<never>}
	 */
	async function startProviderFlow(id, intent, startOptions) {
		const returnTo = startOptions?.returnTo ?? globalThis.location.href;
		const random = new Uint8Array(32);
		globalThis.crypto.getRandomValues(random);
		const verifier = toBase64url(random);
		const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
		globalThis.sessionStorage.setItem(PROVIDER_FLOW_KEY, JSON.stringify({ verifier, intent, provider: id }));
		const query = new URLSearchParams({ returnTo, challenge: toBase64url(digest), intent });
		globalThis.location.assign(`${base}${authPath}/oauth2/${encodeURIComponent(id)}?${query}`);
		return new Promise(() => {});
	}

	return {
		/**
		 * `GET {basePath}/csrf`: fetches a CSRF token, remembers it and its header name, and returns the body.
		 * Concurrent calls share one request. Called automatically before the first unsafe request.
		 * @param {RequestOptions} [options]
		 * @returns {Promise<CsrfResponse>}
		 */
		csrf: async (options) => primeCsrf(callFor(options), undefined),
		/**
		 * `GET {basePath}/session`: who is signed in, if anyone.
		 * @param {RequestOptions} [options]
		 * @returns {Promise<SessionResponse>}
		 */
		session: (options) => request('GET', `${authPath}/session`, undefined, options),
		/**
		 * `POST {basePath}/login` with `{ username, password }`. For an account with a second factor the
		 * right password resolves to `{ mfaRequired: true, methods, expiresAt, csrfToken }`: finish with
		 * `mfa.verify()` before `expiresAt`; until then protected paths answer 401 `mfa_required`.
		 * Rejects with an `HTTPError` (400 `invalid_credentials`) for wrong credentials, and with a
		 * `CookiesBlockedError` when the browser does not send the new session's cookie back (one
		 * `GET {basePath}/session` confirms it).
		 * @param {string} username
		 * @param {string} password
		 * @param {RequestOptions} [options]
		 * @returns {Promise<AuthResponse | MfaRequiredResponse>}
		 */
		login: async (username, password, options) =>
			confirmSession(
				/** @type {AuthResponse | MfaRequiredResponse} */ (
					await request('POST', `${authPath}/login`, { username, password }, options)
				),
				options,
			),
		/**
		 * `POST {basePath}/signup`; answers 201. It signs the new user in, unless the server requires a
		 * verified email address first (`spa-auth.signup.email-verification=required`, the default):
		 * then it resolves to `{ verificationRequired: true, email }`, a link is on its way to that address
		 * (`verifyEmail()`), and `login()` answers 403 `email_not_verified` until it is followed.
		 * Rejects with an `HTTPError` whose `errors` holds per-field messages on invalid input, and, when
		 * it signs in, with a `CookiesBlockedError` as `login()` does.
		 * @param {SignupInput} input
		 * @param {RequestOptions} [options]
		 * @returns {Promise<AuthResponse | VerificationRequiredResponse>}
		 */
		signup: async (input, options) => {
			const { username, email, password } = input;
			return confirmSession(
				/** @type {AuthResponse | VerificationRequiredResponse} */ (
					await request('POST', `${authPath}/signup`, { username, email, password }, options)
				),
				options,
			);
		},
		/**
		 * `POST {basePath}/email-verification` with the token of the mailed link: the account's address is
		 * verified. Signs nobody in; when this browser's session is the account's, `user` is the updated
		 * user. Rejects with 400 `invalid_token`.
		 * @param {string} token
		 * @param {RequestOptions} [options]
		 * @returns {Promise<EmailVerifiedResponse>}
		 */
		verifyEmail: (token, options) => request('POST', `${authPath}/email-verification`, { token }, options),
		/**
		 * `POST {basePath}/email-verification/resend` with `{ email }` (202): mails a new link if an account
		 * with an unverified address uses it; the same answer either way. Rejects with 429 `rate_limited`.
		 * @param {string} email
		 * @param {RequestOptions} [options]
		 * @returns {Promise<PasswordResetRequestResponse>}
		 */
		resendVerification: (email, options) => request('POST', `${authPath}/email-verification/resend`, { email }, options),
		/**
		 * `POST {basePath}/logout`: ends the session.
		 * @param {RequestOptions} [options]
		 * @returns {Promise<LogoutResponse>}
		 */
		logout: (options) => request('POST', `${authPath}/logout`, undefined, options),
		/**
		 * `POST {basePath}/reauthenticate` with `{ password }`: opens the window for sensitive operations;
		 * the session gets a new id and CSRF token (stored automatically).
		 * Rejects with 400 `invalid_credentials`, 400 `validation_failed` or 429 `rate_limited`.
		 * Never calls `onReauthenticationRequired`.
		 * @param {string} password
		 * @param {RequestOptions} [options]
		 * @returns {Promise<ReauthenticateResponse>}
		 */
		reauthenticate: async (password, options) =>
			/** @type {ReauthenticateResponse} */ (
				await sendWithCsrf('POST', `${authPath}/reauthenticate`, { password }, callFor(options))
			),
		/**
		 * `POST {basePath}/password`: the session gets a new id (its new CSRF token is stored), every other
		 * session of the user ends. Rejects with 400 `invalid_credentials` (wrong current password) or
		 * 400 `validation_failed` with `errors.newPassword`.
		 * @param {ChangePasswordInput} input
		 * @param {RequestOptions} [options]
		 * @returns {Promise<ChangePasswordResponse>}
		 */
		changePassword: (input, options) => {
			const { currentPassword, newPassword } = input;
			return request('POST', `${authPath}/password`, { currentPassword, newPassword }, options);
		},
		/**
		 * `POST {basePath}/email` with `{ newEmail }` (202): sends a confirmation link to the new address.
		 * Needs a fresh session (403 `reauthentication_required`, see `onReauthenticationRequired`);
		 * rejects with 400 `validation_failed` with `errors.newEmail`.
		 * @param {string} newEmail
		 * @param {RequestOptions} [options]
		 * @returns {Promise<ChangeEmailResponse>}
		 */
		changeEmail: (newEmail, options) => request('POST', `${authPath}/email`, { newEmail }, options),
		/**
		 * `POST {basePath}/email/confirm` with the link's token. Rejects with 400 `invalid_token`.
		 * @param {string} token
		 * @param {RequestOptions} [options]
		 * @returns {Promise<ConfirmEmailResponse>}
		 */
		confirmEmail: (token, options) => request('POST', `${authPath}/email/confirm`, { token }, options),
		/**
		 * `POST {basePath}/password-reset` with `{ email }` (202); the same answer whether or not the address is known.
		 * @param {string} email
		 * @param {RequestOptions} [options]
		 * @returns {Promise<PasswordResetRequestResponse>}
		 */
		requestPasswordReset: (email, options) => request('POST', `${authPath}/password-reset`, { email }, options),
		/**
		 * `POST {basePath}/password-reset/confirm` (204, resolves to `undefined`): every session of the user
		 * ends. Rejects with 400 `invalid_token` or 400 `validation_failed` with `errors.newPassword`.
		 * @param {ResetPasswordInput} input
		 * @param {RequestOptions} [options]
		 * @returns {Promise<void>}
		 */
		resetPassword: (input, options) => {
			const { token, newPassword } = input;
			return request('POST', `${authPath}/password-reset/confirm`, { token, newPassword }, options);
		},
		/**
		 * `DELETE {basePath}/account`: deletes the signed-in user's account and everything stored with it;
		 * every session ends (the fresh anonymous CSRF token is stored). Needs a fresh session (see
		 * `onReauthenticationRequired`).
		 * @param {RequestOptions} [options]
		 * @returns {Promise<LogoutResponse>}
		 */
		deleteAccount: (options) => request('DELETE', `${authPath}/account`, undefined, options),
		/**
		 * `POST {basePath}/sign-in-report` with the token of a "New sign-in" mail's "this wasn't me" link:
		 * every session of the account ends (this one too; the fresh anonymous CSRF token is stored), its
		 * passkeys are removed and its password stops working until it is reset. Rejects with 400
		 * `invalid_token`.
		 * @param {string} token
		 * @param {RequestOptions} [options]
		 * @returns {Promise<SignInReportResponse>}
		 */
		reportSignIn: (token, options) => request('POST', `${authPath}/sign-in-report`, { token }, options),
		/**
		 * `GET {basePath}/sessions`: the signed-in user's sessions, newest first.
		 * @param {RequestOptions} [options]
		 * @returns {Promise<SessionsResponse>}
		 */
		listSessions: (options) => request('GET', `${authPath}/sessions`, undefined, options),
		/**
		 * `DELETE {basePath}/sessions/{handle}` (204, resolves to `undefined`); ending the current session
		 * signs this browser out. Rejects with 404 `not_found`.
		 * @param {string} handle
		 * @param {RequestOptions} [options]
		 * @returns {Promise<void>}
		 */
		revokeSession: (handle, options) =>
			request('DELETE', `${authPath}/sessions/${encodeURIComponent(handle)}`, undefined, options),
		/**
		 * `POST {basePath}/sessions/revoke-others`: ends every other session of the user.
		 * @param {RequestOptions} [options]
		 * @returns {Promise<RevokeOthersResponse>}
		 */
		revokeOtherSessions: (options) => request('POST', `${authPath}/sessions/revoke-others`, undefined, options),
		/** Second factors: the second step of a log-in, and the signed-in user's authenticator app and recovery codes. */
		mfa: {
			/**
			 * `POST {basePath}/login/mfa` with `{ method, code }`: completes a log-in that answered
			 * `mfaRequired`; the session gets a new id and CSRF token (stored automatically). Rejects with
			 * 400 `invalid_code` (wrong or used code), 401 `unauthenticated` (no pending log-in, or it
			 * expired: log in again) or 429 `rate_limited`; with a `CookiesBlockedError` as `login()` does.
			 * @param {MfaCodeMethod} method `'totp'` for an authenticator-app code, `'recovery_code'` for a recovery code.
			 * @param {string} code As the user typed it; spaces, hyphens and case do not matter.
			 * @param {RequestOptions} [options]
			 * @returns {Promise<AuthResponse>}
			 */
			verify: async (method, code, options) =>
				confirmSession(
					/** @type {AuthResponse} */ (await request('POST', `${authPath}/login/mfa`, { method, code }, options)),
					options,
				),
			/**
			 * `GET {basePath}/mfa`: the signed-in user's second factors.
			 * @param {RequestOptions} [options]
			 * @returns {Promise<MfaStatus>}
			 */
			status: (options) => request('GET', `${authPath}/mfa`, undefined, options),
			/**
			 * `POST {basePath}/mfa/totp`: starts setting up an authenticator app; show `otpauthUri` as a QR
			 * code (and `secret` for typing), then call `confirmTotp()` with the app's first code. Needs a
			 * fresh session (see `onReauthenticationRequired`); rejects with 409 `mfa_already_enabled`.
			 * @param {RequestOptions} [options]
			 * @returns {Promise<TotpEnrolment>}
			 */
			setupTotp: (options) => request('POST', `${authPath}/mfa/totp`, undefined, options),
			/**
			 * `POST {basePath}/mfa/totp/confirm` with `{ code }`: confirms the app; resolves to the 10
			 * recovery codes, shown once. Rejects with 400 `invalid_code`.
			 * @param {string} code
			 * @param {RequestOptions} [options]
			 * @returns {Promise<RecoveryCodesResponse>}
			 */
			confirmTotp: (code, options) => request('POST', `${authPath}/mfa/totp/confirm`, { code }, options),
			/**
			 * `DELETE {basePath}/mfa/totp`: removes the app and the recovery codes. Needs a fresh session;
			 * rejects with 409 `mfa_not_enabled`.
			 * @param {RequestOptions} [options]
			 * @returns {Promise<MfaStatus>}
			 */
			removeTotp: (options) => request('DELETE', `${authPath}/mfa/totp`, undefined, options),
			/**
			 * `POST {basePath}/mfa/recovery-codes`: replaces the recovery codes by 10 new ones, shown once.
			 * Needs a fresh session; rejects with 409 `mfa_not_enabled`.
			 * @param {RequestOptions} [options]
			 * @returns {Promise<RecoveryCodesResponse>}
			 */
			regenerateRecoveryCodes: (options) => request('POST', `${authPath}/mfa/recovery-codes`, undefined, options),
		},
		/** Passkeys (WebAuthn): sign-in with a passkey alone, re-authentication, and the signed-in user's passkeys. */
		passkey: {
			/**
			 * Whether this browser can use passkeys (`navigator.credentials` and `PublicKeyCredential`).
			 * @returns {boolean}
			 */
			isSupported: () => webAuthn !== null && typeof (/** @type {any} */ (globalThis).PublicKeyCredential) === 'function',
			/**
			 * `GET {basePath}/passkeys`: the signed-in user's passkeys, oldest first.
			 * @param {RequestOptions} [options]
			 * @returns {Promise<PasskeysResponse>}
			 */
			list: (options) => request('GET', `${authPath}/passkeys`, undefined, options),
			/**
			 * Registers a passkey: `POST {basePath}/passkeys/registration-options`, the browser's
			 * `navigator.credentials.create()`, then `POST {basePath}/passkeys`. Needs a fresh session (see
			 * `onReauthenticationRequired`). Rejects with 400 `passkey_rejected`, or with the browser's
			 * `DOMException` (`NotAllowedError` when the user cancels).
			 * @param {string} [label] The name the user gives it; "Passkey" when blank.
			 * @param {RequestOptions} [options]
			 * @returns {Promise<PasskeyInfo>}
			 */
			register: async (label, options) => {
				const creation = await request('POST', `${authPath}/passkeys/registration-options`, undefined, options);
				const credential = await runCeremony(webAuthn, 'create', creation, options?.signal ?? signal);
				return /** @type {PasskeyInfo} */ (await request('POST', `${authPath}/passkeys`, { credential, label }, options));
			},
			/**
			 * `PATCH {basePath}/passkeys/{id}` with `{ label }`. Rejects with 404 `not_found`.
			 * @param {string} id
			 * @param {string} label
			 * @param {RequestOptions} [options]
			 * @returns {Promise<PasskeyInfo>}
			 */
			rename: (id, label, options) =>
				request('PATCH', `${authPath}/passkeys/${encodeURIComponent(id)}`, { label }, options),
			/**
			 * `DELETE {basePath}/passkeys/{id}` (204, resolves to `undefined`). Needs a fresh session.
			 * @param {string} id
			 * @param {RequestOptions} [options]
			 * @returns {Promise<void>}
			 */
			remove: (id, options) => request('DELETE', `${authPath}/passkeys/${encodeURIComponent(id)}`, undefined, options),
			/**
			 * Signs in with a passkey alone (no username): `POST {basePath}/login/passkey/options`,
			 * `navigator.credentials.get()`, `POST {basePath}/login/passkey`. Resolves like `login()`; the
			 * new CSRF token is stored. Rejects with 400 `passkey_rejected` or the browser's `DOMException`,
			 * and with a `CookiesBlockedError` as `login()` does.
			 * @param {RequestOptions} [options]
			 * @returns {Promise<AuthResponse>}
			 */
			signIn: async (options) => {
				const requestOptions = await request('POST', `${authPath}/login/passkey/options`, undefined, options);
				const credential = await runCeremony(webAuthn, 'get', requestOptions, options?.signal ?? signal);
				return confirmSession(
					/** @type {AuthResponse} */ (await request('POST', `${authPath}/login/passkey`, { credential }, options)),
					options,
				);
			},
			/**
			 * Re-authenticates with one of the user's passkeys instead of the password; the session gets a
			 * new id and CSRF token (stored). In `onReauthenticationRequired`, resolve with `true` after it.
			 * @param {RequestOptions} [options]
			 * @returns {Promise<ReauthenticateResponse>}
			 */
			reauthenticate: async (options) => {
				const call = callFor(options);
				const requestOptions = await sendWithCsrf('POST', `${authPath}/reauthenticate/passkey/options`, undefined, call);
				const credential = await runCeremony(webAuthn, 'get', requestOptions, options?.signal ?? signal);
				return /** @type {ReauthenticateResponse} */ (
					await sendWithCsrf('POST', `${authPath}/reauthenticate/passkey`, { credential }, call)
				);
			},
		},
		/**
		 * Generic call for application endpoints.
		 * Unsafe methods (POST, PUT, PATCH, DELETE) carry the CSRF header, priming a token first if none
		 * is known, and are retried exactly once after a 403 whose problem `code` is `csrf_failed`.
		 * A 403 `reauthentication_required` goes through `onReauthenticationRequired` when it is set.
		 * `method`: HTTP method, case-insensitive. `path`: appended to `baseUrl`, e.g. `/api/notes`.
		 * `body`: serialized as JSON; `undefined` for no body (required for GET and HEAD).
		 * Resolves to the parsed JSON body, or `undefined` for 204 and other empty bodies.
		 */
		request,
		/**
		 * Sign-in with providers (OpenID Connect, GitHub) through the API: the browser leaves for the
		 * provider and comes back to `returnTo` with `authCode` or `authError`; `completeRedirect()` on
		 * the page it comes back to finishes. No token of the provider reaches the page.
		 */
		provider: {
			/**
			 * `GET {basePath}/providers`: the configured providers, by name.
			 * @param {RequestOptions} [options]
			 * @returns {Promise<ProviderInfo[]>}
			 */
			list: (options) => request('GET', `${authPath}/providers`, undefined, options),
			/**
			 * Leaves for the provider to sign in (or create an account from a verified email address).
			 * The returned promise never settles: the page unloads.
			 * @param {string} id A provider id from `list()`.
			 * @param {ProviderStartOptions} [startOptions]
			 * @returns {Promise<never>}
			 */
			signIn: (id, startOptions) => startProviderFlow(id, 'sign_in', startOptions),
			/**
			 * Leaves for the provider to connect it to the signed-in account. Re-authenticate first: finishing
			 * needs a fresh session (403 `reauthentication_required`, and the flow must start again).
			 * @param {string} id
			 * @param {ProviderStartOptions} [startOptions]
			 * @returns {Promise<never>}
			 */
			link: (id, startOptions) => startProviderFlow(id, 'link', startOptions),
			/**
			 * Leaves for the provider to confirm it's you with an identity connected to the account (for an
			 * account without a password); finishing makes the session fresh.
			 * @param {string} id
			 * @param {ProviderStartOptions} [startOptions]
			 * @returns {Promise<never>}
			 */
			reauthenticate: (id, startOptions) => startProviderFlow(id, 'reauthenticate', startOptions),
			/**
			 * Call once when the page loads. When the URL carries `authCode` or `authError` from a provider
			 * flow, removes them from the address bar (`history.replaceState`) and, for a code, finishes with
			 * `POST {basePath}/oauth2/finish` and the verifier kept at the start (the session and CSRF token
			 * are set as by `login()`). Resolves to `null` when the URL has neither; otherwise to the flow's
			 * intent with `error` (a problem code such as `account_exists`) or `result` (for `sign_in` the
			 * log-in answer, possibly `mfaRequired`). A finish the API refuses resolves with its problem
			 * code in `error` (`invalid_sign_in_code`, `reauthentication_required`, `identity_in_use`, ...)
			 * and the `HTTPError` in `problem`; only network failures, timeouts and a `CookiesBlockedError`
			 * (after a sign-in, as `login()`) reject.
			 * @param {RequestOptions} [options]
			 * @returns {Promise<ProviderCompletion | null>}
			 */
			completeRedirect: async (options) => {
				const url = new URL(globalThis.location.href);
				const code = url.searchParams.get('authCode');
				const error = url.searchParams.get('authError');
				if (code === null && error === null) return null;
				url.searchParams.delete('authCode');
				url.searchParams.delete('authError');
				globalThis.history.replaceState(globalThis.history.state, '', url.toString());
				const stored = globalThis.sessionStorage.getItem(PROVIDER_FLOW_KEY);
				globalThis.sessionStorage.removeItem(PROVIDER_FLOW_KEY);
				/** @type {{ verifier?: string, intent?: ProviderIntent, provider?: string }} */
				const flow = stored === null ? {} : JSON.parse(stored);
				const intent = flow.intent ?? 'sign_in';
				if (error !== null || code === null) {
					return { intent, provider: flow.provider ?? null, error: error ?? 'state_mismatch' };
				}
				if (flow.verifier === undefined) {
					return { intent, provider: flow.provider ?? null, error: 'invalid_sign_in_code' };
				}
				try {
					const result = await sendWithCsrf('POST', `${authPath}/oauth2/finish`, { code, verifier: flow.verifier },
						callFor(options));
					return { intent, provider: flow.provider ?? null, result: await confirmSession(result, options) };
				} catch (error) {
					if (!(error instanceof HTTPError) || error.code === undefined) throw error;
					return { intent, provider: flow.provider ?? null, error: error.code, problem: error };
				}
			},
			/**
			 * `GET {basePath}/identities`: the signed-in account's connected providers, and whether it has a
			 * password.
			 * @param {RequestOptions} [options]
			 * @returns {Promise<IdentitiesResponse>}
			 */
			identities: (options) => request('GET', `${authPath}/identities`, undefined, options),
			/**
			 * `DELETE {basePath}/identities/{id}`: disconnects a provider. Needs a fresh session; rejects with
			 * 409 `last_sign_in_method` when it is the account's only way to sign in, 404 `not_found`.
			 * @param {number} id
			 * @param {RequestOptions} [options]
			 * @returns {Promise<IdentitiesResponse>}
			 */
			unlink: (id, options) => request('DELETE', `${authPath}/identities/${encodeURIComponent(String(id))}`, undefined, options),
		},
	};
}

/**
 * The object returned by `createClient()`. Every method takes an optional last argument
 * `{ signal, timeout }` and rejects with a `SpaAuthError` subclass on failure (or with the
 * `reason` of an aborted `signal`).
 * @typedef {ReturnType<typeof createClient>} SpaAuthClient
 */

/**
 * Options of `createClient()`.
 * @typedef {object} ClientOptions
 * @property {string} [baseUrl] Prefix put in front of every path: an absolute URL such as
 * `https://api.example.com` (API on another origin) or a path such as `/backend`.
 * A trailing slash is removed. Default `''` (same origin as the page).
 * @property {string} [basePath] Path of the auth endpoints (`/csrf`, `/login`, ...) after `baseUrl`:
 * the server's `spa-auth.base-path`. Starts with `/` and does not end with `/`. Default `'/api/auth'`.
 * @property {typeof globalThis.fetch} [fetch] The `fetch` implementation to use; inject a fake one in
 * tests. It is given an `init.signal`. Default `globalThis.fetch`.
 * @property {RequestCredentials} [credentials] `credentials` mode for every request, which decides
 * whether the session cookie is sent. Default `'include'` when `baseUrl` is an absolute URL whose
 * origin differs from `globalThis.location?.origin` (always so outside a browser), otherwise `'same-origin'`.
 * @property {number | false} [timeout] Milliseconds each HTTP request may take, from sending it until
 * its whole body is read; then it is aborted and the call rejects with a `TimeoutError`. `false` for
 * no limit. Applies to each request of a call (CSRF priming, retries) separately, not to the time a
 * password prompt is open. From 1 to 2147483647. Default `10000` (10 s).
 * @property {AbortSignal} [signal] Aborts every call of this client when it aborts (say, when the
 * page's view is torn down): they reject with its `reason`. A per-call `signal` applies as well.
 * @property {(context: ReauthenticationContext) => Promise<string | true | null | undefined> | string | true | null | undefined} [onReauthenticationRequired]
 * Called when a request is answered 403 `reauthentication_required` (a sensitive operation on a
 * session that was not authenticated in the last few minutes). Resolve with the user's password to
 * have the client call `reauthenticate()` and then retry the request once; resolve with `null` (or
 * anything that is not a string) to give up, and the request rejects with the original 403.
 * After a wrong or blank password it is called again with that error; any other failure of
 * `reauthenticate()` (429 `rate_limited`, network) rejects the request with that error.
 * Concurrent requests that need it share one prompt.
 * Resolve with `true` after re-authenticating some other way (`passkey.reauthenticate()`): the
 * request is retried without a password.
 * Without this option a 403 `reauthentication_required` is simply thrown.
 * @property {WebAuthnCredentials | null} [webAuthn] What runs the passkey ceremonies: `create(options)` and
 * `get(options)` as `navigator.credentials` has them; `null` for none. Default
 * `globalThis.navigator?.credentials`.
 */

/**
 * Options of a single call, the optional last argument of every method. They apply to every HTTP
 * request the call makes: CSRF priming, the retry after `csrf_failed`, and re-authentication.
 * @typedef {object} RequestOptions
 * @property {AbortSignal} [signal] Aborts the call, together with the client's `signal`: the call
 * rejects with the signal's `reason` (an `AbortError` `DOMException` unless another was given) and
 * sends nothing more.
 * @property {number | false} [timeout] Replaces the client's `timeout` for this call: milliseconds
 * each HTTP request may take, or `false` for no limit.
 */

/**
 * What `onReauthenticationRequired` is called with.
 * @typedef {object} ReauthenticationContext
 * @property {HTTPError} error Why the password is asked for: on the first call the operation's 403
 * `reauthentication_required`; on later calls the 400 `invalid_credentials` or `validation_failed`
 * of the previous password. Show its `detail` from the second attempt on.
 * @property {number} attempt 1 for the first prompt of this operation, then 2, 3, ...
 * @property {AbortSignal} signal Aborts when every call waiting for this prompt has been aborted:
 * close the prompt then (what it resolves with is ignored).
 */

/**
 * A user as returned by the API.
 * @typedef {object} User
 * @property {number | string} id Server-assigned id.
 * @property {string} username
 * @property {string} email
 * @property {boolean} [emailVerified] Whether the address was proven (a mailed link, or the provider that made the account).
 */

/**
 * Body of `GET {basePath}/csrf`.
 * @typedef {object} CsrfResponse
 * @property {string} csrfToken Token to send on unsafe requests.
 * @property {string} headerName Header that carries the token, e.g. `X-XSRF-TOKEN`.
 */

/**
 * Body of `GET {basePath}/session` when someone is signed in. Instants are ISO-8601 strings,
 * e.g. `2026-11-29T10:00:00Z`.
 * @typedef {object} AuthenticatedSession
 * @property {true} authenticated
 * @property {User} user
 * @property {string} idleExpiresAt When the server ends the session if no request comes before;
 * each request pushes it back.
 * @property {string} absoluteExpiresAt When the server ends the session however active it is;
 * cannot be extended.
 * @property {string | null} [reauthenticatedUntil] End of the window for sensitive operations opened
 * by `reauthenticate()` (or a password change); missing, null or past when the session is not fresh.
 * @property {string[]} [factors] The factors the session proved, such as `['password', 'totp']`.
 * @property {MfaMethod[]} [methods] The account's second-factor methods; empty when it has none.
 */

/**
 * Body of `GET {basePath}/session` while a log-in waits for its second factor.
 * @typedef {object} PendingSession
 * @property {false} authenticated
 * @property {true} mfaRequired
 * @property {string[]} factors The factors proven so far: `['password']`.
 * @property {string[]} missing What the log-in still lacks: `['second_factor']`.
 * @property {MfaMethod[]} methods The account's ways through the second step.
 * @property {string} mfaExpiresAt When the pending log-in ends; then log in with the password again.
 */

/**
 * Body of `GET {basePath}/session`. When nobody is signed in, `missingCookies` says which of the API's
 * cookies did not come back: `'none'`, `'csrf_only'` or `'session_not_found'` (left out when both did).
 * @typedef {AuthenticatedSession | PendingSession | { authenticated: false, missingCookies?: 'none' | 'csrf_only' | 'session_not_found' }} SessionResponse
 */

/**
 * @typedef {import('./errors/CookiesBlockedError.js').CookiesBlockedReason} CookiesBlockedReason
 */

/**
 * A second-factor method: an authenticator-app code, a passkey (complete the log-in with
 * `passkey.signIn()`, which counts as both factors) or a recovery code.
 * @typedef {'totp' | 'webauthn' | 'recovery_code'} MfaMethod
 */

/**
 * A second-factor method whose code `mfa.verify()` takes.
 * @typedef {'totp' | 'recovery_code'} MfaCodeMethod
 */

/**
 * Body of a `login()` whose password was right for an account with a second factor.
 * @typedef {object} MfaRequiredResponse
 * @property {true} mfaRequired
 * @property {MfaMethod[]} methods The account's ways through the second step, such as `['totp', 'webauthn', 'recovery_code']`.
 * @property {string} expiresAt When the pending log-in ends.
 * @property {string} csrfToken The pending session's CSRF token; stored automatically.
 */

/**
 * Body of `mfa.status()` and `mfa.removeTotp()`.
 * @typedef {object} MfaStatus
 * @property {MfaMethod[]} methods The methods that can complete a log-in; empty when the password alone does.
 * @property {string | null} [totpEnabledAt] When the authenticator app was confirmed.
 * @property {number} recoveryCodesLeft Unused recovery codes.
 */

/**
 * Body of `mfa.setupTotp()`.
 * @typedef {object} TotpEnrolment
 * @property {string} secret The base32 secret, for typing into an app.
 * @property {string} otpauthUri The `otpauth://totp/...` URI, for a QR code.
 */

/**
 * Body of `mfa.confirmTotp()` and `mfa.regenerateRecoveryCodes()`.
 * @typedef {object} RecoveryCodesResponse
 * @property {string[]} recoveryCodes 10 single-use codes `xxxx-xxxx-xxxx`, shown once.
 */

/**
 * Body of a successful `reauthenticate()`.
 * @typedef {object} ReauthenticateResponse
 * @property {string} reauthenticatedUntil End of the window in which sensitive operations are allowed.
 * @property {string} csrfToken The CSRF token from now on; stored automatically.
 */

/**
 * Input of `changePassword()`.
 * @typedef {object} ChangePasswordInput
 * @property {string} currentPassword
 * @property {string} newPassword
 */

/**
 * Body of a successful `changePassword()`: the session got a new id and every other session ended.
 * @typedef {object} ChangePasswordResponse
 * @property {string} csrfToken The CSRF token of the renewed session; stored automatically.
 */

/**
 * Body of a successful `changeEmail()` (202): nothing changes until the link sent to `pendingEmail` is followed.
 * @typedef {object} ChangeEmailResponse
 * @property {string} pendingEmail
 */

/**
 * Body of a successful `confirmEmail()`.
 * @typedef {object} ConfirmEmailResponse
 * @property {User} user The user with the new email.
 */

/**
 * Body of `requestPasswordReset()` (202), the same whether or not an account uses the address.
 * @typedef {object} PasswordResetRequestResponse
 * @property {string} detail A message to show as it is.
 */

/**
 * Input of `resetPassword()`.
 * @typedef {object} ResetPasswordInput
 * @property {string} token The token from the link in the reset mail.
 * @property {string} newPassword
 */

/**
 * One of the user's sessions, as listed by `listSessions()`.
 * @typedef {object} SessionInfo
 * @property {string} handle Opaque id for `revokeSession()`; not the session cookie's value.
 * @property {string} createdAt ISO-8601 instant of the log-in.
 * @property {string} lastSeenAt ISO-8601 instant of the last request.
 * @property {string | null} userAgent The browser's User-Agent at log-in; may be empty.
 * @property {boolean} current True for the session of this browser.
 */

/**
 * Body of `listSessions()`.
 * @typedef {object} SessionsResponse
 * @property {SessionInfo[]} sessions Newest first.
 */

/**
 * Body of `revokeOtherSessions()`.
 * @typedef {object} RevokeOthersResponse
 * @property {number} revoked How many sessions were ended.
 */

/**
 * Body of a successful `login()` or `signup()`.
 * @typedef {object} AuthResponse
 * @property {User} user
 * @property {string} csrfToken The rotated CSRF token; the client stores it automatically.
 */

/**
 * Body of `signup()` when the address must be verified before the account can log in.
 * @typedef {object} VerificationRequiredResponse
 * @property {true} verificationRequired
 * @property {string} email Where the link was sent.
 */

/**
 * Body of `verifyEmail()`.
 * @typedef {object} EmailVerifiedResponse
 * @property {true} emailVerified
 * @property {string} username The account's username, to prefill a log-in form.
 * @property {User | null} user The updated user when this browser's session is the account's.
 */

/**
 * Body of a successful `logout()`.
 * @typedef {object} LogoutResponse
 * @property {string} csrfToken A fresh CSRF token for the now anonymous session; stored automatically.
 */

/**
 * Input of `signup()`.
 * @typedef {object} SignupInput
 * @property {string} username
 * @property {string} email
 * @property {string} password
 */

/**
 * Body of `reportSignIn()`.
 * @typedef {object} SignInReportResponse
 * @property {string} detail What happened and what to do, for people.
 * @property {string} csrfToken A fresh anonymous CSRF token; stored automatically.
 */

/**
 * One of the user's passkeys.
 * @typedef {object} PasskeyInfo
 * @property {string} id The credential id (base64url), for `rename()` and `remove()`.
 * @property {string} label
 * @property {string} createdAt ISO-8601 instant.
 * @property {string} lastUsedAt ISO-8601 instant of the last sign-in or re-authentication with it.
 */

/**
 * Body of `passkey.list()`.
 * @typedef {object} PasskeysResponse
 * @property {PasskeyInfo[]} passkeys Oldest first.
 */

/**
 * What a provider flow is for.
 * @typedef {'sign_in' | 'link' | 'reauthenticate'} ProviderIntent
 */

/**
 * A configured provider.
 * @typedef {object} ProviderInfo
 * @property {string} id For `provider.signIn(id)`.
 * @property {string} name To show, such as `GitHub`.
 */

/**
 * Options of `provider.signIn()`, `link()` and `reauthenticate()`.
 * @typedef {object} ProviderStartOptions
 * @property {string} [returnTo] The SPA URL to come back to (default: the current URL); its origin must be the API's or an allowed origin.
 */

/**
 * What `provider.completeRedirect()` found.
 * @typedef {object} ProviderCompletion
 * @property {ProviderIntent} intent
 * @property {string | null} provider The provider id, when this tab started the flow.
 * @property {string} [error] A problem code: `cancelled`, `provider_error`, `state_mismatch`, `email_not_verified`, `account_exists`, `invalid_sign_in_code`.
 * @property {HTTPError} [problem] When the API refused the finish: its error.
 * @property {any} [result] The finish answer: for `sign_in` an `AuthResponse` or `MfaRequiredResponse`; for `link` `{ linked, identities }`; for `reauthenticate` a `ReauthenticateResponse`.
 */

/**
 * A provider identity connected to the account.
 * @typedef {object} LinkedIdentity
 * @property {number} id For `provider.unlink(id)`.
 * @property {string} provider
 * @property {string} providerName
 * @property {string | null} email
 * @property {string} linkedAt ISO-8601 instant.
 * @property {string | null} lastUsedAt ISO-8601 instant.
 */

/**
 * Body of `provider.identities()` and `provider.unlink()`.
 * @typedef {object} IdentitiesResponse
 * @property {LinkedIdentity[]} identities
 * @property {boolean} hasPassword Whether the account has a password its owner chose.
 */

/**
 * @typedef {import('./webauthn.js').WebAuthnCredentials} WebAuthnCredentials
 */

/**
 * An RFC 9457 problem document, as in `HTTPError.problem`.
 * @typedef {import('./errors/HTTPError.js').Problem} Problem
 */
