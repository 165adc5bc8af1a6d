import { SpaAuthError } from './SpaAuthError.js';

/**
 * Thrown when the request never produced an HTTP response (server down, DNS
 * failure, offline, CORS rejection, connection dropped while reading the body).
 * The original error is kept in the standard `cause` property.
 */
export class NetworkError extends SpaAuthError {
	/**
	 * @param {{ method: string, url: string, cause?: unknown }} details
	 */
	constructor({ method, url, cause }) {
		const reason = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
		super(`Network error: could not reach the server for ${method} ${url}${reason}`, { cause });
		this.method = method;
		this.url = url;
	}
}

Object.defineProperty(NetworkError.prototype, 'name', {
	value: 'NetworkError',
	writable: true,
	configurable: true,
});
