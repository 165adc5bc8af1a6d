// Generated from the JSDoc in the .js file of the same name by `npm run types`; do not edit.
/**
 * The browser does not keep or send back the API's cookies, so no session can work: thrown by
 * `login()`, `signup()`, `mfa.verify()`, `passkey.signIn()` and `provider.completeRedirect()` when the
 * `GET {basePath}/session` that confirms a new session finds none, and by any call the API refuses
 * with 403 `csrf_failed` because no cookie at all came with it. `reason` is what the API saw.
 */
export class CookiesBlockedError extends SpaAuthError {
    /**
     * @param {{ url: string, reason: CookiesBlockedReason }} details
     */
    constructor(details: {
        url: string;
        reason: CookiesBlockedReason;
    });
    /** URL of the request that showed it. */
    url: string;
    /**
     * What the API saw: `'none'` (no cookie of the API came back), `'csrf_only'` (the CSRF cookie
     * but no session cookie), `'session_not_found'` (a session cookie naming no session), or
     * `'unknown'` (the API did not say).
     */
    reason: CookiesBlockedReason;
    /** @type {'CookiesBlockedError'} */
    name: "CookiesBlockedError";
}
/**
 * What the API saw of its cookies.
 */
export type CookiesBlockedReason = "none" | "csrf_only" | "session_not_found" | "unknown";
import { SpaAuthError } from './SpaAuthError.js';
