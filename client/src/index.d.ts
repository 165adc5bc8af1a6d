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

/** Body of `GET /api/auth/session`. */
export type SessionResponse =
	| { authenticated: true; user: User }
	| { authenticated: false };

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
	/** Stable machine-readable code, e.g. `csrf_failed`, `bad_credentials`, `validation_failed`. */
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
	 * Rejects with an `HTTPError` (usually status 401) for wrong credentials.
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
	 * Generic call for application endpoints.
	 * Unsafe methods (POST, PUT, PATCH, DELETE) carry the CSRF header, priming a token first if none
	 * is known, and are retried exactly once after a 403 whose problem `code` is `csrf_failed`.
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
