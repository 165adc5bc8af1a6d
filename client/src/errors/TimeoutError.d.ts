// Generated from the JSDoc in the .js file of the same name by `npm run types`; do not edit.
/**
 * An HTTP request got no complete response within the `timeout`: the request was
 * aborted (its `signal` aborts with this error as the reason).
 */
export class TimeoutError extends SpaAuthError {
    /**
     * @param {{ method: string, url: string, timeout: number }} details
     */
    constructor(details: {
        method: string;
        url: string;
        timeout: number;
    });
    /** Upper-case HTTP method of the request. */
    method: string;
    /** URL that was requested. */
    url: string;
    /** The timeout that elapsed, in milliseconds. */
    timeout: number;
    /** @type {'TimeoutError'} */
    name: "TimeoutError";
}
import { SpaAuthError } from './SpaAuthError.js';
