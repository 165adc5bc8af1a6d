// How an application uses the client, type-checked against the committed src/**/*.d.ts by
// `npm run typecheck` (never run). Lines under `@ts-expect-error` must not type-check: if one
// does (say a declaration turned into `any`), tsc reports the unused directive.

import {
	CookiesBlockedError,
	createClient,
	DEFAULT_BASE_PATH,
	DEFAULT_CSRF_HEADER,
	DEFAULT_TIMEOUT,
	HTTPError,
	NetworkError,
	SpaAuthError,
	TimeoutError,
	type AuthResponse,
	type ClientOptions,
	type MfaMethod,
	type MfaRequiredResponse,
	type CsrfResponse,
	type ReauthenticationContext,
	type RequestOptions,
	type SessionResponse,
	type SpaAuthClient,
} from '../src/index.js';

/** True only when A and B are the same type (`any` matches nothing else). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<A, B>(_proof: Equals<A, B>): void {}

const controller = new AbortController();
const client: SpaAuthClient = createClient({
	baseUrl: 'https://api.example.com',
	basePath: '/auth',
	credentials: 'include',
	timeout: 5_000,
	signal: controller.signal,
	fetch: (input, init) => globalThis.fetch(input, init),
	onReauthenticationRequired: async ({ error, attempt, signal }: ReauthenticationContext): Promise<string | true | null> => {
		assertType<typeof error, HTTPError>(true);
		assertType<typeof attempt, number>(true);
		assertType<typeof signal, AbortSignal>(true);
		return attempt < 3 ? 'password' : null;
	},
});
createClient();
createClient({ timeout: false });
// @ts-expect-error timeout is milliseconds or false
createClient({ timeout: '10s' });
// @ts-expect-error timeout: true means nothing
createClient({ timeout: true });
// @ts-expect-error options are spelled exactly
createClient({ basepath: '/auth' });
// @ts-expect-error signal is an AbortSignal
createClient({ signal: controller });

assertType<typeof DEFAULT_BASE_PATH, '/api/auth'>(true);
assertType<typeof DEFAULT_TIMEOUT, 10000>(true);
assertType<typeof DEFAULT_CSRF_HEADER, 'X-XSRF-TOKEN'>(true);
assertType<NonNullable<ClientOptions['timeout']>, number | false>(true);
assertType<RequestOptions, { signal?: AbortSignal | undefined; timeout?: number | false | undefined }>(true);

// Every method, with and without the trailing { signal, timeout }.
assertType<
	keyof SpaAuthClient,
	| 'csrf'
	| 'session'
	| 'login'
	| 'signup'
	| 'logout'
	| 'reauthenticate'
	| 'changePassword'
	| 'changeEmail'
	| 'confirmEmail'
	| 'requestPasswordReset'
	| 'resetPassword'
	| 'listSessions'
	| 'revokeSession'
	| 'revokeOtherSessions'
	| 'reportSignIn'
	| 'verifyEmail'
	| 'resendVerification'
	| 'deleteAccount'
	| 'mfa'
	| 'passkey'
	| 'provider'
	| 'request'
>(true);
assertType<
	keyof SpaAuthClient['passkey'],
	'isSupported' | 'list' | 'register' | 'rename' | 'remove' | 'signIn' | 'reauthenticate'
>(true);
assertType<ReturnType<SpaAuthClient['passkey']['signIn']>, Promise<AuthResponse>>(true);
assertType<Parameters<SpaAuthClient['passkey']['register']>, [label?: string, options?: RequestOptions]>(true);
assertType<
	keyof SpaAuthClient['mfa'],
	'verify' | 'status' | 'setupTotp' | 'confirmTotp' | 'removeTotp' | 'regenerateRecoveryCodes'
>(true);
assertType<MfaMethod, 'totp' | 'webauthn' | 'recovery_code'>(true);
assertType<ReturnType<SpaAuthClient['mfa']['verify']>, Promise<AuthResponse>>(true);
const options: RequestOptions = { signal: AbortSignal.timeout(1_000), timeout: false };

assertType<ReturnType<SpaAuthClient['csrf']>, Promise<CsrfResponse>>(true);
assertType<ReturnType<SpaAuthClient['login']>, Promise<AuthResponse | MfaRequiredResponse>>(true);
assertType<ReturnType<SpaAuthClient['resetPassword']>, Promise<void>>(true);
assertType<Parameters<SpaAuthClient['login']>, [username: string, password: string, options?: RequestOptions]>(true);
assertType<Parameters<SpaAuthClient['logout']>, [options?: RequestOptions]>(true);
assertType<
	Parameters<SpaAuthClient['request']>,
	[method: string, path: string, body?: unknown, options?: RequestOptions]
>(true);

async function twoStepLogIn(readCode: () => Promise<string>): Promise<string> {
	const answer = await client.login('alice', 'secret');
	if ('mfaRequired' in answer) {
		const methods: MfaMethod[] = answer.methods;
		const done = methods.includes('webauthn') ? await client.passkey.signIn() : await client.mfa.verify('totp', await readCode());
		return done.user.username;
	}
	// @ts-expect-error a completed log-in has no methods
	void answer.methods;
	// @ts-expect-error the method is totp or recovery_code
	await client.mfa.verify('sms', '123456');
	// @ts-expect-error a passkey is not a typed code
	await client.mfa.verify('webauthn', '123456');
	return answer.user.username;
}
void twoStepLogIn;

async function walkThrough(): Promise<void> {
	await client.csrf();
	await client.csrf(options);
	const session: SessionResponse = await client.session({ signal: controller.signal });
	if (session.authenticated) {
		const name: string = session.user.username;
		const until: string | null | undefined = session.reauthenticatedUntil;
		void [name, until];
	} else {
		// @ts-expect-error no user when not signed in
		void session.user;
	}
	await client.login('alice', 'secret', { timeout: 30_000 });
	await client.signup({ username: 'alice', email: 'a@example.com', password: 'secret' }, options);
	await client.logout();
	await client.logout(options);
	await client.reauthenticate('secret', options);
	await client.changePassword({ currentPassword: 'a', newPassword: 'b' }, options);
	const { pendingEmail } = await client.changeEmail('new@example.com', options);
	await client.confirmEmail('token', options);
	const { detail } = await client.requestPasswordReset('a@example.com', options);
	await client.resetPassword({ token: 't', newPassword: 'n' }, options);
	const { sessions } = await client.listSessions(options);
	await client.revokeSession(sessions[0].handle, options);
	const { revoked }: { revoked: number } = await client.revokeOtherSessions(options);
	void [pendingEmail, detail, revoked];

	const note = await client.request<{ id: number }>('POST', '/api/notes', { text: 'hi' }, { timeout: 2_000 });
	assertType<typeof note, { id: number }>(true);
	assertType<Awaited<ReturnType<typeof client.request>>, unknown>(true);
	await client.request('GET', '/api/notes', undefined, { signal: controller.signal });

	// @ts-expect-error login needs a password
	await client.login('alice');
	// @ts-expect-error only signal and timeout per call
	await client.logout({ retries: 2 });
	// @ts-expect-error the options come last
	await client.request('GET', '/api/notes', { signal: controller.signal }, undefined, undefined);
	// @ts-expect-error timeout is milliseconds or false
	await client.session({ timeout: '1s' });
}

function explain(error: unknown): string {
	if (error instanceof TimeoutError) {
		assertType<typeof error.timeout, number>(true);
		return `${error.method} ${error.url} took over ${error.timeout} ms`;
	}
	if (error instanceof HTTPError) {
		assertType<typeof error.name, 'HTTPError'>(true);
		return `${error.status} ${error.code ?? ''} ${error.detail} ${Object.keys(error.errors).join()} ${String(error.problem?.instance)}`;
	}
	if (error instanceof NetworkError) return `${error.method} ${error.url}: ${String(error.cause)}`;
	if (error instanceof CookiesBlockedError) {
		assertType<typeof error.reason, 'none' | 'csrf_only' | 'session_not_found' | 'unknown'>(true);
		// @ts-expect-error the reasons are a closed set
		const other: typeof error.reason = 'third_party';
		return `${error.url}: ${error.reason} ${String(other)}`;
	}
	if (error instanceof SpaAuthError) return error.message;
	if (error instanceof DOMException && error.name === 'AbortError') return 'aborted';
	throw error;
}

void walkThrough;
void explain;
