// Generated from the JSDoc in the .js file of the same name by `npm run types`; do not edit.
/**
 * Creates a client. Each client keeps its own CSRF token in memory.
 * Invalid options throw a `TypeError` (a `RangeError` for a `timeout` out of range).
 * @example
 * const client = createClient();
 * const { authenticated } = await client.session();
 * @param {ClientOptions} [options]
 */
export function createClient(options?: ClientOptions): {
    /**
     * `GET {basePath}/csrf`: fetches a CSRF token, remembers it and its header name, and returns the body.
     * Concurrent calls share one request. Called automatically before the first unsafe request.
     * @param {RequestOptions} [options]
     * @returns {Promise<CsrfResponse>}
     */
    csrf: (options?: RequestOptions) => Promise<CsrfResponse>;
    /**
     * `GET {basePath}/session`: who is signed in, if anyone.
     * @param {RequestOptions} [options]
     * @returns {Promise<SessionResponse>}
     */
    session: (options?: RequestOptions) => Promise<SessionResponse>;
    /**
     * `POST {basePath}/login` with `{ username, password }`. For an account with a second factor the
     * right password resolves to `{ mfaRequired: true, methods, expiresAt, csrfToken }`: finish with
     * `mfa.verify()` before `expiresAt`; until then protected paths answer 401 `mfa_required`.
     * Rejects with an `HTTPError` (400 `invalid_credentials`) for wrong credentials, and with a
     * `CookiesBlockedError` when the browser does not send the new session's cookie back (one
     * `GET {basePath}/session` confirms it).
     * @param {string} username
     * @param {string} password
     * @param {RequestOptions} [options]
     * @returns {Promise<AuthResponse | MfaRequiredResponse>}
     */
    login: (username: string, password: string, options?: RequestOptions) => Promise<AuthResponse | MfaRequiredResponse>;
    /**
     * `POST {basePath}/signup`; answers 201. It signs the new user in, unless the server requires a
     * verified email address first (`spa-auth.signup.email-verification=required`, the default):
     * then it resolves to `{ verificationRequired: true, email }`, a link is on its way to that address
     * (`verifyEmail()`), and `login()` answers 403 `email_not_verified` until it is followed.
     * Rejects with an `HTTPError` whose `errors` holds per-field messages on invalid input, and, when
     * it signs in, with a `CookiesBlockedError` as `login()` does.
     * @param {SignupInput} input
     * @param {RequestOptions} [options]
     * @returns {Promise<AuthResponse | VerificationRequiredResponse>}
     */
    signup: (input: SignupInput, options?: RequestOptions) => Promise<AuthResponse | VerificationRequiredResponse>;
    /**
     * `POST {basePath}/email-verification` with the token of the mailed link: the account's address is
     * verified. Signs nobody in; when this browser's session is the account's, `user` is the updated
     * user. Rejects with 400 `invalid_token`.
     * @param {string} token
     * @param {RequestOptions} [options]
     * @returns {Promise<EmailVerifiedResponse>}
     */
    verifyEmail: (token: string, options?: RequestOptions) => Promise<EmailVerifiedResponse>;
    /**
     * `POST {basePath}/email-verification/resend` with `{ email }` (202): mails a new link if an account
     * with an unverified address uses it; the same answer either way. Rejects with 429 `rate_limited`.
     * @param {string} email
     * @param {RequestOptions} [options]
     * @returns {Promise<PasswordResetRequestResponse>}
     */
    resendVerification: (email: string, options?: RequestOptions) => Promise<PasswordResetRequestResponse>;
    /**
     * `POST {basePath}/logout`: ends the session.
     * @param {RequestOptions} [options]
     * @returns {Promise<LogoutResponse>}
     */
    logout: (options?: RequestOptions) => Promise<LogoutResponse>;
    /**
     * `POST {basePath}/reauthenticate` with `{ password }`: opens the window for sensitive operations;
     * the session gets a new id and CSRF token (stored automatically).
     * Rejects with 400 `invalid_credentials`, 400 `validation_failed` or 429 `rate_limited`.
     * Never calls `onReauthenticationRequired`.
     * @param {string} password
     * @param {RequestOptions} [options]
     * @returns {Promise<ReauthenticateResponse>}
     */
    reauthenticate: (password: string, options?: RequestOptions) => Promise<ReauthenticateResponse>;
    /**
     * `POST {basePath}/password`: the session gets a new id (its new CSRF token is stored), every other
     * session of the user ends. Rejects with 400 `invalid_credentials` (wrong current password) or
     * 400 `validation_failed` with `errors.newPassword`.
     * @param {ChangePasswordInput} input
     * @param {RequestOptions} [options]
     * @returns {Promise<ChangePasswordResponse>}
     */
    changePassword: (input: ChangePasswordInput, options?: RequestOptions) => Promise<ChangePasswordResponse>;
    /**
     * `POST {basePath}/email` with `{ newEmail }` (202): sends a confirmation link to the new address.
     * Needs a fresh session (403 `reauthentication_required`, see `onReauthenticationRequired`);
     * rejects with 400 `validation_failed` with `errors.newEmail`.
     * @param {string} newEmail
     * @param {RequestOptions} [options]
     * @returns {Promise<ChangeEmailResponse>}
     */
    changeEmail: (newEmail: string, options?: RequestOptions) => Promise<ChangeEmailResponse>;
    /**
     * `POST {basePath}/email/confirm` with the link's token. Rejects with 400 `invalid_token`.
     * @param {string} token
     * @param {RequestOptions} [options]
     * @returns {Promise<ConfirmEmailResponse>}
     */
    confirmEmail: (token: string, options?: RequestOptions) => Promise<ConfirmEmailResponse>;
    /**
     * `POST {basePath}/password-reset` with `{ email }` (202); the same answer whether or not the address is known.
     * @param {string} email
     * @param {RequestOptions} [options]
     * @returns {Promise<PasswordResetRequestResponse>}
     */
    requestPasswordReset: (email: string, options?: RequestOptions) => Promise<PasswordResetRequestResponse>;
    /**
     * `POST {basePath}/password-reset/confirm` (204, resolves to `undefined`): every session of the user
     * ends. Rejects with 400 `invalid_token` or 400 `validation_failed` with `errors.newPassword`.
     * @param {ResetPasswordInput} input
     * @param {RequestOptions} [options]
     * @returns {Promise<void>}
     */
    resetPassword: (input: ResetPasswordInput, options?: RequestOptions) => Promise<void>;
    /**
     * `DELETE {basePath}/account`: deletes the signed-in user's account and everything stored with it;
     * every session ends (the fresh anonymous CSRF token is stored). Needs a fresh session (see
     * `onReauthenticationRequired`).
     * @param {RequestOptions} [options]
     * @returns {Promise<LogoutResponse>}
     */
    deleteAccount: (options?: RequestOptions) => Promise<LogoutResponse>;
    /**
     * `POST {basePath}/sign-in-report` with the token of a "New sign-in" mail's "this wasn't me" link:
     * every session of the account ends (this one too; the fresh anonymous CSRF token is stored), its
     * passkeys are removed and its password stops working until it is reset. Rejects with 400
     * `invalid_token`.
     * @param {string} token
     * @param {RequestOptions} [options]
     * @returns {Promise<SignInReportResponse>}
     */
    reportSignIn: (token: string, options?: RequestOptions) => Promise<SignInReportResponse>;
    /**
     * `GET {basePath}/sessions`: the signed-in user's sessions, newest first.
     * @param {RequestOptions} [options]
     * @returns {Promise<SessionsResponse>}
     */
    listSessions: (options?: RequestOptions) => Promise<SessionsResponse>;
    /**
     * `DELETE {basePath}/sessions/{handle}` (204, resolves to `undefined`); ending the current session
     * signs this browser out. Rejects with 404 `not_found`.
     * @param {string} handle
     * @param {RequestOptions} [options]
     * @returns {Promise<void>}
     */
    revokeSession: (handle: string, options?: RequestOptions) => Promise<void>;
    /**
     * `POST {basePath}/sessions/revoke-others`: ends every other session of the user.
     * @param {RequestOptions} [options]
     * @returns {Promise<RevokeOthersResponse>}
     */
    revokeOtherSessions: (options?: RequestOptions) => Promise<RevokeOthersResponse>;
    /** Second factors: the second step of a log-in, and the signed-in user's authenticator app and recovery codes. */
    mfa: {
        /**
         * `POST {basePath}/login/mfa` with `{ method, code }`: completes a log-in that answered
         * `mfaRequired`; the session gets a new id and CSRF token (stored automatically). Rejects with
         * 400 `invalid_code` (wrong or used code), 401 `unauthenticated` (no pending log-in, or it
         * expired: log in again) or 429 `rate_limited`; with a `CookiesBlockedError` as `login()` does.
         * @param {MfaCodeMethod} method `'totp'` for an authenticator-app code, `'recovery_code'` for a recovery code.
         * @param {string} code As the user typed it; spaces, hyphens and case do not matter.
         * @param {RequestOptions} [options]
         * @returns {Promise<AuthResponse>}
         */
        verify: (method: MfaCodeMethod, code: string, options?: RequestOptions) => Promise<AuthResponse>;
        /**
         * `GET {basePath}/mfa`: the signed-in user's second factors.
         * @param {RequestOptions} [options]
         * @returns {Promise<MfaStatus>}
         */
        status: (options?: RequestOptions) => Promise<MfaStatus>;
        /**
         * `POST {basePath}/mfa/totp`: starts setting up an authenticator app; show `otpauthUri` as a QR
         * code (and `secret` for typing), then call `confirmTotp()` with the app's first code. Needs a
         * fresh session (see `onReauthenticationRequired`); rejects with 409 `mfa_already_enabled`.
         * @param {RequestOptions} [options]
         * @returns {Promise<TotpEnrolment>}
         */
        setupTotp: (options?: RequestOptions) => Promise<TotpEnrolment>;
        /**
         * `POST {basePath}/mfa/totp/confirm` with `{ code }`: confirms the app; resolves to the 10
         * recovery codes, shown once. Rejects with 400 `invalid_code`.
         * @param {string} code
         * @param {RequestOptions} [options]
         * @returns {Promise<RecoveryCodesResponse>}
         */
        confirmTotp: (code: string, options?: RequestOptions) => Promise<RecoveryCodesResponse>;
        /**
         * `DELETE {basePath}/mfa/totp`: removes the app and the recovery codes. Needs a fresh session;
         * rejects with 409 `mfa_not_enabled`.
         * @param {RequestOptions} [options]
         * @returns {Promise<MfaStatus>}
         */
        removeTotp: (options?: RequestOptions) => Promise<MfaStatus>;
        /**
         * `POST {basePath}/mfa/recovery-codes`: replaces the recovery codes by 10 new ones, shown once.
         * Needs a fresh session; rejects with 409 `mfa_not_enabled`.
         * @param {RequestOptions} [options]
         * @returns {Promise<RecoveryCodesResponse>}
         */
        regenerateRecoveryCodes: (options?: RequestOptions) => Promise<RecoveryCodesResponse>;
    };
    /** Passkeys (WebAuthn): sign-in with a passkey alone, re-authentication, and the signed-in user's passkeys. */
    passkey: {
        /**
         * Whether this browser can use passkeys (`navigator.credentials` and `PublicKeyCredential`).
         * @returns {boolean}
         */
        isSupported: () => boolean;
        /**
         * `GET {basePath}/passkeys`: the signed-in user's passkeys, oldest first.
         * @param {RequestOptions} [options]
         * @returns {Promise<PasskeysResponse>}
         */
        list: (options?: RequestOptions) => Promise<PasskeysResponse>;
        /**
         * Registers a passkey: `POST {basePath}/passkeys/registration-options`, the browser's
         * `navigator.credentials.create()`, then `POST {basePath}/passkeys`. Needs a fresh session (see
         * `onReauthenticationRequired`). Rejects with 400 `passkey_rejected`, or with the browser's
         * `DOMException` (`NotAllowedError` when the user cancels).
         * @param {string} [label] The name the user gives it; "Passkey" when blank.
         * @param {RequestOptions} [options]
         * @returns {Promise<PasskeyInfo>}
         */
        register: (label?: string, options?: RequestOptions) => Promise<PasskeyInfo>;
        /**
         * `PATCH {basePath}/passkeys/{id}` with `{ label }`. Rejects with 404 `not_found`.
         * @param {string} id
         * @param {string} label
         * @param {RequestOptions} [options]
         * @returns {Promise<PasskeyInfo>}
         */
        rename: (id: string, label: string, options?: RequestOptions) => Promise<PasskeyInfo>;
        /**
         * `DELETE {basePath}/passkeys/{id}` (204, resolves to `undefined`). Needs a fresh session.
         * @param {string} id
         * @param {RequestOptions} [options]
         * @returns {Promise<void>}
         */
        remove: (id: string, options?: RequestOptions) => Promise<void>;
        /**
         * Signs in with a passkey alone (no username): `POST {basePath}/login/passkey/options`,
         * `navigator.credentials.get()`, `POST {basePath}/login/passkey`. Resolves like `login()`; the
         * new CSRF token is stored. Rejects with 400 `passkey_rejected` or the browser's `DOMException`,
         * and with a `CookiesBlockedError` as `login()` does.
         * @param {RequestOptions} [options]
         * @returns {Promise<AuthResponse>}
         */
        signIn: (options?: RequestOptions) => Promise<AuthResponse>;
        /**
         * Re-authenticates with one of the user's passkeys instead of the password; the session gets a
         * new id and CSRF token (stored). In `onReauthenticationRequired`, resolve with `true` after it.
         * @param {RequestOptions} [options]
         * @returns {Promise<ReauthenticateResponse>}
         */
        reauthenticate: (options?: RequestOptions) => Promise<ReauthenticateResponse>;
    };
    /**
     * Generic call for application endpoints.
     * Unsafe methods (POST, PUT, PATCH, DELETE) carry the CSRF header, priming a token first if none
     * is known, and are retried exactly once after a 403 whose problem `code` is `csrf_failed`.
     * A 403 `reauthentication_required` goes through `onReauthenticationRequired` when it is set.
     * `method`: HTTP method, case-insensitive. `path`: appended to `baseUrl`, e.g. `/api/notes`.
     * `body`: serialized as JSON; `undefined` for no body (required for GET and HEAD).
     * Resolves to the parsed JSON body, or `undefined` for 204 and other empty bodies.
     */
    request: <T = unknown>(method: string, path: string, body?: unknown, options?: RequestOptions) => Promise<T>;
    /**
     * Sign-in with providers (OpenID Connect, GitHub) through the API: the browser leaves for the
     * provider and comes back to `returnTo` with `authCode` or `authError`; `completeRedirect()` on
     * the page it comes back to finishes. No token of the provider reaches the page.
     */
    provider: {
        /**
         * `GET {basePath}/providers`: the configured providers, by name.
         * @param {RequestOptions} [options]
         * @returns {Promise<ProviderInfo[]>}
         */
        list: (options?: RequestOptions) => Promise<ProviderInfo[]>;
        /**
         * Leaves for the provider to sign in (or create an account from a verified email address).
         * The returned promise never settles: the page unloads.
         * @param {string} id A provider id from `list()`.
         * @param {ProviderStartOptions} [startOptions]
         * @returns {Promise<never>}
         */
        signIn: (id: string, startOptions?: ProviderStartOptions) => Promise<never>;
        /**
         * Leaves for the provider to connect it to the signed-in account. Re-authenticate first: finishing
         * needs a fresh session (403 `reauthentication_required`, and the flow must start again).
         * @param {string} id
         * @param {ProviderStartOptions} [startOptions]
         * @returns {Promise<never>}
         */
        link: (id: string, startOptions?: ProviderStartOptions) => Promise<never>;
        /**
         * Leaves for the provider to confirm it's you with an identity connected to the account (for an
         * account without a password); finishing makes the session fresh.
         * @param {string} id
         * @param {ProviderStartOptions} [startOptions]
         * @returns {Promise<never>}
         */
        reauthenticate: (id: string, startOptions?: ProviderStartOptions) => Promise<never>;
        /**
         * Call once when the page loads. When the URL carries `authCode` or `authError` from a provider
         * flow, removes them from the address bar (`history.replaceState`) and, for a code, finishes with
         * `POST {basePath}/oauth2/finish` and the verifier kept at the start (the session and CSRF token
         * are set as by `login()`). Resolves to `null` when the URL has neither; otherwise to the flow's
         * intent with `error` (a problem code such as `account_exists`) or `result` (for `sign_in` the
         * log-in answer, possibly `mfaRequired`). A finish the API refuses resolves with its problem
         * code in `error` (`invalid_sign_in_code`, `reauthentication_required`, `identity_in_use`, ...)
         * and the `HTTPError` in `problem`; only network failures, timeouts and a `CookiesBlockedError`
         * (after a sign-in, as `login()`) reject.
         * @param {RequestOptions} [options]
         * @returns {Promise<ProviderCompletion | null>}
         */
        completeRedirect: (options?: RequestOptions) => Promise<ProviderCompletion | null>;
        /**
         * `GET {basePath}/identities`: the signed-in account's connected providers, and whether it has a
         * password.
         * @param {RequestOptions} [options]
         * @returns {Promise<IdentitiesResponse>}
         */
        identities: (options?: RequestOptions) => Promise<IdentitiesResponse>;
        /**
         * `DELETE {basePath}/identities/{id}`: disconnects a provider. Needs a fresh session; rejects with
         * 409 `last_sign_in_method` when it is the account's only way to sign in, 404 `not_found`.
         * @param {number} id
         * @param {RequestOptions} [options]
         * @returns {Promise<IdentitiesResponse>}
         */
        unlink: (id: number, options?: RequestOptions) => Promise<IdentitiesResponse>;
    };
};
/** Header name used until `{basePath}/csrf` names another. */
export const DEFAULT_CSRF_HEADER: "X-XSRF-TOKEN";
/** Path of the auth endpoints when `basePath` is not given: the server's default `spa-auth.base-path`. */
export const DEFAULT_BASE_PATH: "/api/auth";
/** Milliseconds each HTTP request may take when `timeout` is not given (10 s). */
export const DEFAULT_TIMEOUT: 10000;
/**
 * The object returned by `createClient()`. Every method takes an optional last argument
 * `{ signal, timeout }` and rejects with a `SpaAuthError` subclass on failure (or with the
 * `reason` of an aborted `signal`).
 */
export type SpaAuthClient = ReturnType<typeof createClient>;
/**
 * Options of `createClient()`.
 */
export type ClientOptions = {
    /**
     * Prefix put in front of every path: an absolute URL such as
     * `https://api.example.com` (API on another origin) or a path such as `/backend`.
     * A trailing slash is removed. Default `''` (same origin as the page).
     */
    baseUrl?: string | undefined;
    /**
     * Path of the auth endpoints (`/csrf`, `/login`, ...) after `baseUrl`:
     * the server's `spa-auth.base-path`. Starts with `/` and does not end with `/`. Default `'/api/auth'`.
     */
    basePath?: string | undefined;
    /**
     * The `fetch` implementation to use; inject a fake one in
     * tests. It is given an `init.signal`. Default `globalThis.fetch`.
     */
    fetch?: typeof fetch | undefined;
    /**
     * `credentials` mode for every request, which decides
     * whether the session cookie is sent. Default `'include'` when `baseUrl` is an absolute URL whose
     * origin differs from `globalThis.location?.origin` (always so outside a browser), otherwise `'same-origin'`.
     */
    credentials?: RequestCredentials | undefined;
    /**
     * Milliseconds each HTTP request may take, from sending it until
     * its whole body is read; then it is aborted and the call rejects with a `TimeoutError`. `false` for
     * no limit. Applies to each request of a call (CSRF priming, retries) separately, not to the time a
     * password prompt is open. From 1 to 2147483647. Default `10000` (10 s).
     */
    timeout?: number | false | undefined;
    /**
     * Aborts every call of this client when it aborts (say, when the
     * page's view is torn down): they reject with its `reason`. A per-call `signal` applies as well.
     */
    signal?: AbortSignal | undefined;
    /**
     * Called when a request is answered 403 `reauthentication_required` (a sensitive operation on a
     * session that was not authenticated in the last few minutes). Resolve with the user's password to
     * have the client call `reauthenticate()` and then retry the request once; resolve with `null` (or
     * anything that is not a string) to give up, and the request rejects with the original 403.
     * After a wrong or blank password it is called again with that error; any other failure of
     * `reauthenticate()` (429 `rate_limited`, network) rejects the request with that error.
     * Concurrent requests that need it share one prompt.
     * Resolve with `true` after re-authenticating some other way (`passkey.reauthenticate()`): the
     * request is retried without a password.
     * Without this option a 403 `reauthentication_required` is simply thrown.
     */
    onReauthenticationRequired?: ((context: ReauthenticationContext) => Promise<string | true | null | undefined> | string | true | null | undefined) | undefined;
    /**
     * What runs the passkey ceremonies: `create(options)` and
     * `get(options)` as `navigator.credentials` has them; `null` for none. Default
     * `globalThis.navigator?.credentials`.
     */
    webAuthn?: import("./webauthn.js").WebAuthnCredentials | null | undefined;
};
/**
 * Options of a single call, the optional last argument of every method. They apply to every HTTP
 * request the call makes: CSRF priming, the retry after `csrf_failed`, and re-authentication.
 */
export type RequestOptions = {
    /**
     * Aborts the call, together with the client's `signal`: the call
     * rejects with the signal's `reason` (an `AbortError` `DOMException` unless another was given) and
     * sends nothing more.
     */
    signal?: AbortSignal | undefined;
    /**
     * Replaces the client's `timeout` for this call: milliseconds
     * each HTTP request may take, or `false` for no limit.
     */
    timeout?: number | false | undefined;
};
/**
 * What `onReauthenticationRequired` is called with.
 */
export type ReauthenticationContext = {
    /**
     * Why the password is asked for: on the first call the operation's 403
     * `reauthentication_required`; on later calls the 400 `invalid_credentials` or `validation_failed`
     * of the previous password. Show its `detail` from the second attempt on.
     */
    error: HTTPError;
    /**
     * 1 for the first prompt of this operation, then 2, 3, ...
     */
    attempt: number;
    /**
     * Aborts when every call waiting for this prompt has been aborted:
     * close the prompt then (what it resolves with is ignored).
     */
    signal: AbortSignal;
};
/**
 * A user as returned by the API.
 */
export type User = {
    /**
     * Server-assigned id.
     */
    id: number | string;
    username: string;
    email: string;
    /**
     * Whether the address was proven (a mailed link, or the provider that made the account).
     */
    emailVerified?: boolean | undefined;
};
/**
 * Body of `GET {basePath}/csrf`.
 */
export type CsrfResponse = {
    /**
     * Token to send on unsafe requests.
     */
    csrfToken: string;
    /**
     * Header that carries the token, e.g. `X-XSRF-TOKEN`.
     */
    headerName: string;
};
/**
 * Body of `GET {basePath}/session` when someone is signed in. Instants are ISO-8601 strings,
 * e.g. `2026-11-29T10:00:00Z`.
 */
export type AuthenticatedSession = {
    authenticated: true;
    user: User;
    /**
     * When the server ends the session if no request comes before;
     * each request pushes it back.
     */
    idleExpiresAt: string;
    /**
     * When the server ends the session however active it is;
     * cannot be extended.
     */
    absoluteExpiresAt: string;
    /**
     * End of the window for sensitive operations opened
     * by `reauthenticate()` (or a password change); missing, null or past when the session is not fresh.
     */
    reauthenticatedUntil?: string | null | undefined;
    /**
     * The factors the session proved, such as `['password', 'totp']`.
     */
    factors?: string[] | undefined;
    /**
     * The account's second-factor methods; empty when it has none.
     */
    methods?: MfaMethod[] | undefined;
};
/**
 * Body of `GET {basePath}/session` while a log-in waits for its second factor.
 */
export type PendingSession = {
    authenticated: false;
    mfaRequired: true;
    /**
     * The factors proven so far: `['password']`.
     */
    factors: string[];
    /**
     * What the log-in still lacks: `['second_factor']`.
     */
    missing: string[];
    /**
     * The account's ways through the second step.
     */
    methods: MfaMethod[];
    /**
     * When the pending log-in ends; then log in with the password again.
     */
    mfaExpiresAt: string;
};
/**
 * Body of `GET {basePath}/session`. When nobody is signed in, `missingCookies` says which of the API's
 * cookies did not come back: `'none'`, `'csrf_only'` or `'session_not_found'` (left out when both did).
 */
export type SessionResponse = AuthenticatedSession | PendingSession | {
    authenticated: false;
    missingCookies?: "none" | "csrf_only" | "session_not_found";
};
export type CookiesBlockedReason = import("./errors/CookiesBlockedError.js").CookiesBlockedReason;
/**
 * A second-factor method: an authenticator-app code, a passkey (complete the log-in with
 * `passkey.signIn()`, which counts as both factors) or a recovery code.
 */
export type MfaMethod = "totp" | "webauthn" | "recovery_code";
/**
 * A second-factor method whose code `mfa.verify()` takes.
 */
export type MfaCodeMethod = "totp" | "recovery_code";
/**
 * Body of a `login()` whose password was right for an account with a second factor.
 */
export type MfaRequiredResponse = {
    mfaRequired: true;
    /**
     * The account's ways through the second step, such as `['totp', 'webauthn', 'recovery_code']`.
     */
    methods: MfaMethod[];
    /**
     * When the pending log-in ends.
     */
    expiresAt: string;
    /**
     * The pending session's CSRF token; stored automatically.
     */
    csrfToken: string;
};
/**
 * Body of `mfa.status()` and `mfa.removeTotp()`.
 */
export type MfaStatus = {
    /**
     * The methods that can complete a log-in; empty when the password alone does.
     */
    methods: MfaMethod[];
    /**
     * When the authenticator app was confirmed.
     */
    totpEnabledAt?: string | null | undefined;
    /**
     * Unused recovery codes.
     */
    recoveryCodesLeft: number;
};
/**
 * Body of `mfa.setupTotp()`.
 */
export type TotpEnrolment = {
    /**
     * The base32 secret, for typing into an app.
     */
    secret: string;
    /**
     * The `otpauth://totp/...` URI, for a QR code.
     */
    otpauthUri: string;
};
/**
 * Body of `mfa.confirmTotp()` and `mfa.regenerateRecoveryCodes()`.
 */
export type RecoveryCodesResponse = {
    /**
     * 10 single-use codes `xxxx-xxxx-xxxx`, shown once.
     */
    recoveryCodes: string[];
};
/**
 * Body of a successful `reauthenticate()`.
 */
export type ReauthenticateResponse = {
    /**
     * End of the window in which sensitive operations are allowed.
     */
    reauthenticatedUntil: string;
    /**
     * The CSRF token from now on; stored automatically.
     */
    csrfToken: string;
};
/**
 * Input of `changePassword()`.
 */
export type ChangePasswordInput = {
    currentPassword: string;
    newPassword: string;
};
/**
 * Body of a successful `changePassword()`: the session got a new id and every other session ended.
 */
export type ChangePasswordResponse = {
    /**
     * The CSRF token of the renewed session; stored automatically.
     */
    csrfToken: string;
};
/**
 * Body of a successful `changeEmail()` (202): nothing changes until the link sent to `pendingEmail` is followed.
 */
export type ChangeEmailResponse = {
    pendingEmail: string;
};
/**
 * Body of a successful `confirmEmail()`.
 */
export type ConfirmEmailResponse = {
    /**
     * The user with the new email.
     */
    user: User;
};
/**
 * Body of `requestPasswordReset()` (202), the same whether or not an account uses the address.
 */
export type PasswordResetRequestResponse = {
    /**
     * A message to show as it is.
     */
    detail: string;
};
/**
 * Input of `resetPassword()`.
 */
export type ResetPasswordInput = {
    /**
     * The token from the link in the reset mail.
     */
    token: string;
    newPassword: string;
};
/**
 * One of the user's sessions, as listed by `listSessions()`.
 */
export type SessionInfo = {
    /**
     * Opaque id for `revokeSession()`; not the session cookie's value.
     */
    handle: string;
    /**
     * ISO-8601 instant of the log-in.
     */
    createdAt: string;
    /**
     * ISO-8601 instant of the last request.
     */
    lastSeenAt: string;
    /**
     * The browser's User-Agent at log-in; may be empty.
     */
    userAgent: string | null;
    /**
     * True for the session of this browser.
     */
    current: boolean;
};
/**
 * Body of `listSessions()`.
 */
export type SessionsResponse = {
    /**
     * Newest first.
     */
    sessions: SessionInfo[];
};
/**
 * Body of `revokeOtherSessions()`.
 */
export type RevokeOthersResponse = {
    /**
     * How many sessions were ended.
     */
    revoked: number;
};
/**
 * Body of a successful `login()` or `signup()`.
 */
export type AuthResponse = {
    user: User;
    /**
     * The rotated CSRF token; the client stores it automatically.
     */
    csrfToken: string;
};
/**
 * Body of `signup()` when the address must be verified before the account can log in.
 */
export type VerificationRequiredResponse = {
    verificationRequired: true;
    /**
     * Where the link was sent.
     */
    email: string;
};
/**
 * Body of `verifyEmail()`.
 */
export type EmailVerifiedResponse = {
    emailVerified: true;
    /**
     * The account's username, to prefill a log-in form.
     */
    username: string;
    /**
     * The updated user when this browser's session is the account's.
     */
    user: User | null;
};
/**
 * Body of a successful `logout()`.
 */
export type LogoutResponse = {
    /**
     * A fresh CSRF token for the now anonymous session; stored automatically.
     */
    csrfToken: string;
};
/**
 * Input of `signup()`.
 */
export type SignupInput = {
    username: string;
    email: string;
    password: string;
};
/**
 * Body of `reportSignIn()`.
 */
export type SignInReportResponse = {
    /**
     * What happened and what to do, for people.
     */
    detail: string;
    /**
     * A fresh anonymous CSRF token; stored automatically.
     */
    csrfToken: string;
};
/**
 * One of the user's passkeys.
 */
export type PasskeyInfo = {
    /**
     * The credential id (base64url), for `rename()` and `remove()`.
     */
    id: string;
    label: string;
    /**
     * ISO-8601 instant.
     */
    createdAt: string;
    /**
     * ISO-8601 instant of the last sign-in or re-authentication with it.
     */
    lastUsedAt: string;
};
/**
 * Body of `passkey.list()`.
 */
export type PasskeysResponse = {
    /**
     * Oldest first.
     */
    passkeys: PasskeyInfo[];
};
/**
 * What a provider flow is for.
 */
export type ProviderIntent = "sign_in" | "link" | "reauthenticate";
/**
 * A configured provider.
 */
export type ProviderInfo = {
    /**
     * For `provider.signIn(id)`.
     */
    id: string;
    /**
     * To show, such as `GitHub`.
     */
    name: string;
};
/**
 * Options of `provider.signIn()`, `link()` and `reauthenticate()`.
 */
export type ProviderStartOptions = {
    /**
     * The SPA URL to come back to (default: the current URL); its origin must be the API's or an allowed origin.
     */
    returnTo?: string | undefined;
};
/**
 * What `provider.completeRedirect()` found.
 */
export type ProviderCompletion = {
    intent: ProviderIntent;
    /**
     * The provider id, when this tab started the flow.
     */
    provider: string | null;
    /**
     * A problem code: `cancelled`, `provider_error`, `state_mismatch`, `email_not_verified`, `account_exists`, `invalid_sign_in_code`.
     */
    error?: string | undefined;
    /**
     * When the API refused the finish: its error.
     */
    problem?: HTTPError | undefined;
    /**
     * The finish answer: for `sign_in` an `AuthResponse` or `MfaRequiredResponse`; for `link` `{ linked, identities }`; for `reauthenticate` a `ReauthenticateResponse`.
     */
    result?: any;
};
/**
 * A provider identity connected to the account.
 */
export type LinkedIdentity = {
    /**
     * For `provider.unlink(id)`.
     */
    id: number;
    provider: string;
    providerName: string;
    email: string | null;
    /**
     * ISO-8601 instant.
     */
    linkedAt: string;
    /**
     * ISO-8601 instant.
     */
    lastUsedAt: string | null;
};
/**
 * Body of `provider.identities()` and `provider.unlink()`.
 */
export type IdentitiesResponse = {
    identities: LinkedIdentity[];
    /**
     * Whether the account has a password its owner chose.
     */
    hasPassword: boolean;
};
export type WebAuthnCredentials = import("./webauthn.js").WebAuthnCredentials;
/**
 * An RFC 9457 problem document, as in `HTTPError.problem`.
 */
export type Problem = import("./errors/HTTPError.js").Problem;
import { SpaAuthError } from './errors/SpaAuthError.js';
import { HTTPError } from './errors/HTTPError.js';
import { NetworkError } from './errors/NetworkError.js';
import { TimeoutError } from './errors/TimeoutError.js';
import { CookiesBlockedError } from './errors/CookiesBlockedError.js';
export { SpaAuthError, HTTPError, NetworkError, TimeoutError, CookiesBlockedError };
export { fromBase64url, toBase64url, creationOptionsFromJSON, requestOptionsFromJSON, credentialToJSON } from "./webauthn.js";
