// Generated from the JSDoc in the .js file of the same name by `npm run types`; do not edit.
/**
 * Base class for every error thrown by spa-auth-client.
 * `HTTPError`, `NetworkError` and `TimeoutError` extend it, so one `instanceof SpaAuthError`
 * check catches anything the client raises on purpose. (An abort through a caller's
 * `signal` rejects with that signal's `reason` instead, as `fetch` does.)
 */
export class SpaAuthError extends Error {
}
