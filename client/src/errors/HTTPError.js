import { SpaAuthError } from './SpaAuthError.js';

/**
 * An RFC 9457 problem document (`application/problem+json`) as sent by the server: the members
 * below and any extension members.
 * @typedef {ProblemMembers & { [extension: string]: unknown }} Problem
 */

/**
 * The standard members of a problem document, and those spa-auth adds.
 * @typedef {object} ProblemMembers
 * @property {string} [type] URI identifying the problem type; `about:blank` when there is none.
 * @property {string} [title] Short summary of the problem type.
 * @property {number} [status] HTTP status code.
 * @property {string} [detail] Human-readable explanation of this occurrence; safe to show to the user.
 * @property {string} [code] Stable machine-readable code, e.g. `csrf_failed`, `invalid_credentials`, `validation_failed`.
 * @property {Record<string, string>} [errors] Per-field messages: field name -> message.
 * @property {'none' | 'flow'} [missingCookies] `'none'` with `csrf_failed`: the request carried none
 * of the API's cookies (the browser blocks them; the client then throws `CookiesBlockedError`).
 * `'flow'` with `invalid_sign_in_code`: the provider flow's cookie did not come (a browser that blocks
 * third-party cookies, with the app and the API on different sites).
 */

// Reason phrases for when the response has none (HTTP/2 and HTTP/3 never send one).
/** @type {Record<number, string>} */
const REASONS = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	413: 'Content Too Large',
	415: 'Unsupported Media Type',
	422: 'Unprocessable Content',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isPlainObject(value) {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Turns a problem's `errors` member into `{ field: message }`.
 * Accepts the documented object form and, defensively, an array of
 * `{ field|name|pointer, message|detail }` entries.
 * @param {unknown} errors
 * @returns {Record<string, string>}
 */
function normalizeFieldErrors(errors) {
	/** @type {Record<string, string>} */
	const result = {};
	if (isPlainObject(errors)) {
		for (const [field, message] of Object.entries(errors)) {
			if (message != null) {
				result[field] = Array.isArray(message) ? message.join(' ') : String(message);
			}
		}
	} else if (Array.isArray(errors)) {
		for (const entry of errors) {
			if (!isPlainObject(entry)) continue;
			const field = entry.field ?? entry.name ?? entry.pointer;
			const message = entry.message ?? entry.detail;
			if (typeof field === 'string' && message != null) {
				result[field.replace(/^#?\//, '')] = String(message);
			}
		}
	}
	return result;
}

/**
 * A non-2xx response. Fields come from the RFC 9457 problem body when there is
 * one and fall back to the HTTP status text otherwise.
 */
export class HTTPError extends SpaAuthError {
	/**
	 * @param {{
	 *   method: string,
	 *   url: string,
	 *   status: number,
	 *   statusText?: string,
	 *   problem?: unknown,
	 *   response?: Response,
	 * }} details
	 */
	constructor(details) {
		const { method, url, status, statusText = '', problem = null, response } = details;
		const body = isPlainObject(problem) ? problem : null;
		const reason = statusText || REASONS[status] || (typeof body?.title === 'string' ? body.title : '') || 'HTTP error';
		const title = typeof body?.title === 'string' && body.title ? body.title : reason;
		const detail = typeof body?.detail === 'string' && body.detail ? body.detail : reason;

		super(`${status} ${reason}: ${method} ${url}: ${detail}`);

		/** HTTP status code, e.g. 403. */
		this.status = status;
		/** Upper-case HTTP method of the failed request. */
		this.method = method;
		/** URL that was requested (`baseUrl` + path). */
		this.url = url;
		/** The problem's `code`, or `undefined` when the body had none. */
		this.code = typeof body?.code === 'string' ? body.code : undefined;
		/** The problem's `title`, else the HTTP reason phrase. */
		this.title = title;
		/** The problem's `detail`, else the HTTP reason phrase; suitable for display. */
		this.detail = detail;
		/** Per-field messages (field name -> message); `{}` when there are none. */
		this.errors = normalizeFieldErrors(body?.errors);
		/** The whole parsed JSON body when it was a JSON object, else `null`. */
		this.problem = /** @type {Problem | null} */ (body);
		/** The response; its body has already been read. */
		this.response = response;
	}
}

Object.defineProperty(HTTPError.prototype, 'name', {
	value: 'HTTPError',
	writable: true,
	configurable: true,
});
// For the type checker only (no runtime effect): declares the `name` set just above.
/** @type {'HTTPError'} */
HTTPError.prototype.name;
