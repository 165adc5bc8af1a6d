import { SpaAuthError } from './SpaAuthError.js';

/** @type {Record<CookiesBlockedReason, string>} */
const EXPLANATIONS = {
	none:
		'the browser sent none of the API\'s cookies back: it is blocking them, as browsers that block ' +
		'third-party cookies do when the app and the API are on different sites (serve the API on the ' +
		'app\'s site, such as api.example.com for app.example.com, or through a proxy on the app\'s ' +
		'origin), or as they do when the user blocks cookies for the site',
	csrf_only:
		'the browser sent the CSRF cookie back but not the session cookie: something dropped the session ' +
		'cookie, such as a proxy that removes Set-Cookie headers or a browser extension',
	session_not_found:
		'the browser sent the session cookie back but the API has no such session: it was lost, as when ' +
		'several API instances do not share one session store',
	unknown: 'the session did not survive the next request, and the API did not say why',
};

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
	constructor(details) {
		const { url, reason } = details;
		super(`Cookies blocked: ${EXPLANATIONS[reason] ?? EXPLANATIONS.unknown} (${url})`);
		/** URL of the request that showed it. */
		this.url = url;
		/**
		 * What the API saw: `'none'` (no cookie of the API came back), `'csrf_only'` (the CSRF cookie
		 * but no session cookie), `'session_not_found'` (a session cookie naming no session), or
		 * `'unknown'` (the API did not say).
		 */
		this.reason = reason;
	}
}

Object.defineProperty(CookiesBlockedError.prototype, 'name', {
	value: 'CookiesBlockedError',
	writable: true,
	configurable: true,
});
// For the type checker only (no runtime effect): declares the `name` set just above.
/** @type {'CookiesBlockedError'} */
CookiesBlockedError.prototype.name;

/**
 * What the API saw of its cookies.
 * @typedef {'none' | 'csrf_only' | 'session_not_found' | 'unknown'} CookiesBlockedReason
 */
