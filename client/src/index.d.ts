/**
 * spa-auth-client: a dependency-free client for the spa-auth JSON API.
 *
 * The session lives in an HttpOnly cookie that the browser sends by itself;
 * the CSRF token is kept in memory, taken from response bodies (never from
 * `document.cookie`), and sent as a header on unsafe requests.
 */

/** A user as returned by the API. */
export interface User {
	/** Server-assigned id. */
	id: number | string;
	username: string;
	email: string;
}

/** Body of `GET /api/auth/csrf`. */
export interface CsrfResponse {
	/** Token to send on unsafe requests. */
	csrfToken: string;
	/** Header that carries the token, e.g. `X-XSRF-TOKEN`. */
	headerName: string;
}

/** Body of `GET /api/auth/session`. Instants are ISO-8601 strings, e.g. `2026-11-29T10:00:00Z`. */
export type SessionResponse =
	| {
			authenticated: true;
			user: User;
			/** When the server ends the session if no request comes before; each request pushes it back. */
			idleExpiresAt: string;
			/** When the server ends the session however active it is; cannot be extended. */
			absoluteExpiresAt: string;
			/**
			 * End of the window for sensitive operations opened by `reauthenticate()` (or a password
			 * change); missing, null or past when the session is not fresh.
			 */
			reauthenticatedUntil?: string | null;
	  }
	| { authenticated: false };

/** Body of a successful `reauthenticate()`. */
export interface ReauthenticateResponse {
	/** End of the window in which sensitive operations are allowed. */
	reauthenticatedUntil: string;
	/** The CSRF token from now on; stored automatically. */
	csrfToken: string;
}

/** Input of `changePassword()`. */
export interface ChangePasswordInput {
	currentPassword: string;
	newPassword: string;
}

/** Body of a successful `changePassword()`: the session got a new id and every other session ended. */
export interface ChangePasswordResponse {
	/** The CSRF token of the renewed session; stored automatically. */
	csrfToken: string;
}

/** Body of a successful `changeEmail()` (202): nothing changes until the link sent to `pendingEmail` is followed. */
export interface ChangeEmailResponse {
	pendingEmail: string;
}

/** Body of a successful `confirmEmail()`. */
export interface ConfirmEmailResponse {
	/** The user with the new email. */
	user: User;
}

/** Body of `requestPasswordReset()` (202), the same whether or not an account uses the address. */
export interface PasswordResetRequestResponse {
	/** A message to show as it is. */
	detail: string;
}

/** Input of `resetPassword()`. */
export interface ResetPasswordInput {
	/** The token from the link in the reset mail. */
	token: string;
	newPassword: string;
}

/** One of the user's sessions, as listed by `listSessions()`. */
export interface SessionInfo {
	/** Opaque id for `revokeSession()`; not the session cookie's value. */
	handle: string;
	/** ISO-8601 instant of the log-in. */
	createdAt: string;
	/** ISO-8601 instant of the last request. */
	lastSeenAt: string;
	/** The browser's User-Agent at log-in; may be empty. */
	userAgent: string | null;
	/** True for the session of this browser. */
	current: boolean;
}

/** Body of `listSessions()`. */
export interface SessionsResponse {
	/** Newest first. */
	sessions: SessionInfo[];
}

/** Body of `revokeOtherSessions()`. */
export interface RevokeOthersResponse {
	/** How many sessions were ended. */
	revoked: number;
}

/** What `onReauthenticationRequired` is called with. */
export interface ReauthenticationContext {
	/**
	 * Why the password is asked for: on the first call the operation's 403 `reauthentication_required`;
	 * on later calls the 400 `invalid_credentials` or `validation_failed` of the previous password.
	 * Show its `detail` from the second attempt on.
	 */
	error: HTTPError;
	/** 1 for the first prompt of this operation, then 2, 3, ... */
	attempt: number;
}

/** Body of a successful `login()` or `signup()`. */
export interface AuthResponse {
	user: User;
	/** The rotated CSRF token; the client stores it automatically. */
	csrfToken: string;
}

/** Body of a successful `logout()`. */
export interface LogoutResponse {
	/** A fresh CSRF token for the now anonymous session; stored automatically. */
	csrfToken: string;
}

/** Input of `signup()`. */
export interface SignupInput {
	username: string;
	email: string;
	password: string;
}

/** An RFC 9457 problem document (`application/problem+json`) as sent by the server. */
export interface Problem {
	/** URI identifying the problem type; `about:blank` when there is none. */
	type?: string;
	/** Short summary of the problem type. */
	title?: string;
	/** HTTP status code. */
	status?: number;
	/** Human-readable explanation of this occurrence; safe to show to the user. */
	detail?: string;
	/** Stable machine-readable code, e.g. `csrf_failed`, `invalid_credentials`, `validation_failed`. */
	code?: string;
	/** Per-field messages: field name -> message. */
	errors?: Record<string, string>;
	[extension: string]: unknown;
}

/** Options of `createClient()`. */
export interface ClientOptions {
	/**
	 * Prefix put in front of every path: an absolute URL such as
	 * `https://api.example.com` (API on another origin) or a path such as `/backend`.
	 * A trailing slash is removed.
	 * @default '' (same origin as the page)
	 */
	baseUrl?: string;
	/**
	 * The `fetch` implementation to use; inject a fake one in tests.
	 * @default globalThis.fetch
	 */
	fetch?: typeof globalThis.fetch;
	/**
	 * `credentials` mode for every request, which decides whether the session cookie is sent.
	 * @default 'include' when `baseUrl` is an absolute URL whose origin differs from
	 * `globalThis.location?.origin` (always so outside a browser), otherwise 'same-origin'
	 */
	credentials?: RequestCredentials;
	/**
	 * Called when a request is answered 403 `reauthentication_required` (a sensitive operation on a
	 * session that was not authenticated in the last few minutes). Resolve with the user's password to
	 * have the client call `reauthenticate()` and then retry the request once; resolve with `null` (or
	 * anything that is not a string) to give up, and the request rejects with the original 403.
	 * After a wrong or blank password it is called again with that error; any other failure of
	 * `reauthenticate()` (429 `rate_limited`, network) rejects the request with that error.
	 * Concurrent requests that need it share one prompt.
	 * Without this option a 403 `reauthentication_required` is simply thrown.
	 */
	onReauthenticationRequired?: (context: ReauthenticationContext) => Promise<string | null | undefined> | string | null | undefined;
}

/** The object returned by `createClient()`. Every method rejects with a `SpaAuthError` subclass on failure. */
export interface SpaAuthClient {
	/**
	 * `GET /api/auth/csrf`: fetches a CSRF token, remembers it and its header name, and returns the body.
	 * Concurrent calls share one request. Called automatically before the first unsafe request.
	 */
	csrf(): Promise<CsrfResponse>;
	/** `GET /api/auth/session`: who is signed in, if anyone. */
	session(): Promise<SessionResponse>;
	/**
	 * `POST /api/auth/login` with `{ username, password }`.
	 * Rejects with an `HTTPError` (400 `invalid_credentials`) for wrong credentials.
	 */
	login(username: string, password: string): Promise<AuthResponse>;
	/**
	 * `POST /api/auth/signup`; answers 201 and signs the new user in.
	 * Rejects with an `HTTPError` whose `errors` holds per-field messages on invalid input.
	 */
	signup(input: SignupInput): Promise<AuthResponse>;
	/** `POST /api/auth/logout`: ends the session. */
	logout(): Promise<LogoutResponse>;
	/**
	 * `POST /api/auth/reauthenticate` with `{ password }`: opens the window for sensitive operations;
	 * the session gets a new id and CSRF token (stored automatically).
	 * Rejects with 400 `invalid_credentials`, 400 `validation_failed` or 429 `rate_limited`.
	 * Never calls `onReauthenticationRequired`.
	 */
	reauthenticate(password: string): Promise<ReauthenticateResponse>;
	/**
	 * `POST /api/auth/password`: the session gets a new id (its new CSRF token is stored), every other
	 * session of the user ends. Rejects with 400 `invalid_credentials` (wrong current password) or
	 * 400 `validation_failed` with `errors.newPassword`.
	 */
	changePassword(input: ChangePasswordInput): Promise<ChangePasswordResponse>;
	/**
	 * `POST /api/auth/email` with `{ newEmail }` (202): sends a confirmation link to the new address.
	 * Needs a fresh session (403 `reauthentication_required`, see `onReauthenticationRequired`);
	 * rejects with 400 `validation_failed` with `errors.newEmail`.
	 */
	changeEmail(newEmail: string): Promise<ChangeEmailResponse>;
	/** `POST /api/auth/email/confirm` with the link's token. Rejects with 400 `invalid_token`. */
	confirmEmail(token: string): Promise<ConfirmEmailResponse>;
	/** `POST /api/auth/password-reset` with `{ email }` (202); the same answer whether or not the address is known. */
	requestPasswordReset(email: string): Promise<PasswordResetRequestResponse>;
	/**
	 * `POST /api/auth/password-reset/confirm` (204, resolves to `undefined`): every session of the user
	 * ends. Rejects with 400 `invalid_token` or 400 `validation_failed` with `errors.newPassword`.
	 */
	resetPassword(input: ResetPasswordInput): Promise<void>;
	/** `GET /api/auth/sessions`: the signed-in user's sessions, newest first. */
	listSessions(): Promise<SessionsResponse>;
	/**
	 * `DELETE /api/auth/sessions/{handle}` (204, resolves to `undefined`); ending the current session
	 * signs this browser out. Rejects with 404 `not_found`.
	 */
	revokeSession(handle: string): Promise<void>;
	/** `POST /api/auth/sessions/revoke-others`: ends every other session of the user. */
	revokeOtherSessions(): Promise<RevokeOthersResponse>;
	/**
	 * Generic call for application endpoints.
	 * Unsafe methods (POST, PUT, PATCH, DELETE) carry the CSRF header, priming a token first if none
	 * is known, and are retried exactly once after a 403 whose problem `code` is `csrf_failed`.
	 * A 403 `reauthentication_required` goes through `onReauthenticationRequired` when it is set.
	 * @param method HTTP method, case-insensitive.
	 * @param path Appended to `baseUrl`, e.g. `/api/notes`.
	 * @param body Serialized as JSON; omit for no body (required for GET and HEAD).
	 * @returns The parsed JSON body, or `undefined` for 204 and other empty bodies.
	 */
	request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/**
 * Creates a client. Each client keeps its own CSRF token in memory.
 * @example
 * const client = createClient();
 * const { authenticated } = await client.session();
 */
export function createClient(options?: ClientOptions): SpaAuthClient;

/** Header name used until `/api/auth/csrf` names another: `'X-XSRF-TOKEN'`. */
export const DEFAULT_CSRF_HEADER: 'X-XSRF-TOKEN';

/** Base class of every error the client throws. */
export class SpaAuthError extends Error {}

/** A non-2xx response. Fields come from the problem body, falling back to the HTTP status text. */
export class HTTPError extends SpaAuthError {
	readonly name: 'HTTPError';
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
	constructor(details: {
		method: string;
		url: string;
		status: number;
		statusText?: string;
		problem?: unknown;
		response?: Response;
	});
}

/** The request got no HTTP response at all (offline, DNS, refused connection, CORS). The original error is in `cause`. */
export class NetworkError extends SpaAuthError {
	readonly name: 'NetworkError';
	/** Upper-case HTTP method of the failed request. */
	method: string;
	/** URL that was requested. */
	url: string;
	constructor(details: { method: string; url: string; cause?: unknown });
}
