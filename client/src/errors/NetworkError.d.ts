// Generated from the JSDoc in the .js file of the same name by `npm run types`; do not edit.
/**
 * The request got no HTTP response at all (server down, DNS failure, offline,
 * CORS rejection, connection dropped while reading the body).
 * The original error is kept in the standard `cause` property.
 */
export class NetworkError extends SpaAuthError {
    /**
     * @param {{ method: string, url: string, cause?: unknown }} details
     */
    constructor(details: {
        method: string;
        url: string;
        cause?: unknown;
    });
    /** Upper-case HTTP method of the failed request. */
    method: string;
    /** URL that was requested. */
    url: string;
    /** @type {'NetworkError'} */
    name: "NetworkError";
}
import { SpaAuthError } from './SpaAuthError.js';
