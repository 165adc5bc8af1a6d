import { SpaAuthError } from './SpaAuthError.js';

/**
 * The request got no HTTP response at all (server down, DNS failure, offline,
 * CORS rejection, connection dropped while reading the body).
 * The original error is kept in the standard `cause` property.
 */
export class NetworkError extends SpaAuthError {
	/**
	 * @param {{ method: string, url: string, cause?: unknown }} details
	 */
	constructor(details) {
		const { method, url, cause } = details;
		const reason = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
		super(`Network error: could not reach the server for ${method} ${url}${reason}`, { cause });
		/** Upper-case HTTP method of the failed request. */
		this.method = method;
		/** URL that was requested. */
		this.url = url;
	}
}

Object.defineProperty(NetworkError.prototype, 'name', {
	value: 'NetworkError',
	writable: true,
	configurable: true,
});
// For the type checker only (no runtime effect): declares the `name` set just above.
/** @type {'NetworkError'} */
NetworkError.prototype.name;
