// Generated from the JSDoc in the .js file of the same name by `npm run types`; do not edit.
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
    constructor(details: {
        method: string;
        url: string;
        status: number;
        statusText?: string;
        problem?: unknown;
        response?: Response;
    });
    /** HTTP status code, e.g. 403. */
    status: number;
    /** Upper-case HTTP method of the failed request. */
    method: string;
    /** URL that was requested (`baseUrl` + path). */
    url: string;
    /** The problem's `code`, or `undefined` when the body had none. */
    code: string | undefined;
    /** The problem's `title`, else the HTTP reason phrase. */
    title: string;
    /** The problem's `detail`, else the HTTP reason phrase; suitable for display. */
    detail: string;
    /** Per-field messages (field name -> message); `{}` when there are none. */
    errors: Record<string, string>;
    /** The whole parsed JSON body when it was a JSON object, else `null`. */
    problem: Problem | null;
    /** The response; its body has already been read. */
    response: Response | undefined;
    /** @type {'HTTPError'} */
    name: "HTTPError";
}
/**
 * An RFC 9457 problem document (`application/problem+json`) as sent by the server: the members
 * below and any extension members.
 */
export type Problem = ProblemMembers & {
    [extension: string]: unknown;
};
/**
 * The standard members of a problem document, and those spa-auth adds.
 */
export type ProblemMembers = {
    /**
     * URI identifying the problem type; `about:blank` when there is none.
     */
    type?: string | undefined;
    /**
     * Short summary of the problem type.
     */
    title?: string | undefined;
    /**
     * HTTP status code.
     */
    status?: number | undefined;
    /**
     * Human-readable explanation of this occurrence; safe to show to the user.
     */
    detail?: string | undefined;
    /**
     * Stable machine-readable code, e.g. `csrf_failed`, `invalid_credentials`, `validation_failed`.
     */
    code?: string | undefined;
    /**
     * Per-field messages: field name -> message.
     */
    errors?: Record<string, string> | undefined;
    /**
     * `'none'` with `csrf_failed`: the request carried none
     * of the API's cookies (the browser blocks them; the client then throws `CookiesBlockedError`).
     * `'flow'` with `invalid_sign_in_code`: the provider flow's cookie did not come (a browser that blocks
     * third-party cookies, with the app and the API on different sites).
     */
    missingCookies?: "none" | "flow" | undefined;
};
import { SpaAuthError } from './SpaAuthError.js';
