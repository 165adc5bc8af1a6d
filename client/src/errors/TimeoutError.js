import { SpaAuthError } from './SpaAuthError.js';

/**
 * An HTTP request got no complete response within the `timeout`: the request was
 * aborted (its `signal` aborts with this error as the reason).
 */
export class TimeoutError extends SpaAuthError {
	/**
	 * @param {{ method: string, url: string, timeout: number }} details
	 */
	constructor(details) {
		const { method, url, timeout } = details;
		super(`Request timed out after ${timeout} ms: ${method} ${url}`);
		/** Upper-case HTTP method of the request. */
		this.method = method;
		/** URL that was requested. */
		this.url = url;
		/** The timeout that elapsed, in milliseconds. */
		this.timeout = timeout;
	}
}

Object.defineProperty(TimeoutError.prototype, 'name', {
	value: 'TimeoutError',
	writable: true,
	configurable: true,
});
// For the type checker only (no runtime effect): declares the `name` set just above.
/** @type {'TimeoutError'} */
TimeoutError.prototype.name;
