import { SpaAuthError } from './SpaAuthError.js';

// Reason phrases for when the response has none (HTTP/2 and HTTP/3 never send one).
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

function isPlainObject(value) {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Turns a problem's `errors` member into `{ field: message }`.
 * Accepts the documented object form and, defensively, an array of
 * `{ field|name|pointer, message|detail }` entries.
 */
function normalizeFieldErrors(errors) {
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
 * Thrown for every response whose status is not 2xx.
 * Fields are taken from the RFC 9457 problem body when there is one and fall
 * back to the HTTP status text otherwise.
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
	constructor({ method, url, status, statusText = '', problem = null, response }) {
		const body = isPlainObject(problem) ? problem : null;
		const reason = statusText || REASONS[status] || (typeof body?.title === 'string' ? body.title : '') || 'HTTP error';
		const title = typeof body?.title === 'string' && body.title ? body.title : reason;
		const detail = typeof body?.detail === 'string' && body.detail ? body.detail : reason;

		super(`${status} ${reason}: ${method} ${url}: ${detail}`);

		this.status = status;
		this.method = method;
		this.url = url;
		this.code = typeof body?.code === 'string' ? body.code : undefined;
		this.title = title;
		this.detail = detail;
		this.errors = normalizeFieldErrors(body?.errors);
		this.problem = body;
		this.response = response;
	}
}

Object.defineProperty(HTTPError.prototype, 'name', {
	value: 'HTTPError',
	writable: true,
	configurable: true,
});
