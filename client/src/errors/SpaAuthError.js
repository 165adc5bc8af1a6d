/**
 * Base class for every error thrown by spa-auth-client.
 * `HTTPError` and `NetworkError` extend it, so one `instanceof SpaAuthError`
 * check catches anything the client raises on purpose.
 */
export class SpaAuthError extends Error {}

Object.defineProperty(SpaAuthError.prototype, 'name', {
	value: 'SpaAuthError',
	writable: true,
	configurable: true,
});
