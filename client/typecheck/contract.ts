// The client's declared types against the API contract, docs/openapi.json, type-checked by
// `npm run typecheck` (never run). target/openapi.d.ts is generated from the contract by
// openapi-typescript just before. Each `conforms<Client, Contract>(true)` line fails to compile, naming
// the member, when the client declares something the server does not send:
// - "not in the contract: x": the client reads a member the server's body does not have;
// - "optional in the contract: x": the client counts on a member the server may leave out;
// - "type differs: x": the types cannot meet (a client may narrow a contract's string to literals).
// A request input must be assignable to the contract's request body. After a deliberate change of the
// API: regenerate docs/openapi.json (README, "The API contract"), then fix the client's JSDoc until
// this compiles.

import type { components, operations } from '../target/openapi.js';
import type {
	AuthenticatedSession,
	ChangePasswordInput,
	PendingSession,
	ResetPasswordInput,
	SignupInput,
	SpaAuthClient,
} from '../src/index.js';
import type { ProblemMembers } from '../src/errors/HTTPError.js';

type Schemas = components['schemas'];

/** The JSON body of an operation's answer with the given status. */
type Body<Id extends keyof operations, Status extends keyof operations[Id]['responses']> =
	operations[Id]['responses'][Status] extends { content: { 'application/json': infer B } } ? B : 'no JSON body';

/** What a client method resolves to. */
type Resolves<M> = M extends (...args: never[]) => Promise<infer R> ? R : never;

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/** Whether a client member type and a contract member type agree (null must be on both or neither). */
type Compatible<C, S> = null extends S
	? null extends C
		? Compatible<NonNullable<C>, NonNullable<S>>
		: false
	: [S] extends [C]
		? true
		: [C] extends [S]
			? true
			: [C, S] extends [readonly (infer CE)[], readonly (infer SE)[]]
				? Compatible<CE, SE>
				: [C, S] extends [object, object]
					? [Problems<C, S>] extends [never]
						? true
						: false
					: false;

/** Why a client body type does not fit a contract body type; never when it fits. */
type Problems<C, S> =
	| (Exclude<keyof C, keyof S> extends never ? never : `not in the contract: ${Exclude<keyof C, keyof S> & string}`)
	| (Exclude<RequiredKeys<C>, RequiredKeys<S>> extends never
			? never
			: `optional in the contract: ${Exclude<RequiredKeys<C>, RequiredKeys<S>> & string}`)
	| {
			[K in keyof C & keyof S]-?: Compatible<Exclude<C[K], undefined>, Exclude<S[K], undefined>> extends true
				? never
				: `type differs: ${K & string}`;
	  }[keyof C & keyof S];

/** Problems of each client variant that fits no variant of the contract's union. */
type VariantProblems<C, S> = C extends unknown
	? true extends (S extends unknown ? ([Problems<C, S>] extends [never] ? true : false) : never)
		? never
		: `no variant of the contract fits the client's variant with: ${keyof C & string}`
	: never;

type Check<C, S> = [S] extends ['no JSON body']
	? 'the contract has no JSON body here'
	: [C, S] extends [readonly (infer CE)[], readonly (infer SE)[]]
		? Check<CE, SE>
		: true extends IsUnion<S>
			? VariantProblems<C, S>
			: Problems<C, S>;

/** Compiles only when the client's type C fits the contract's type S. */
function conforms<C, S>(ok: [Check<C, S>] extends [never] ? true : Check<C, S>): void {
	void ok;
}

/** Compiles only when the operation answers the status with no body (the client resolves to undefined). */
function noBody<R extends { content?: unknown }>(ok: [R['content']] extends [never | undefined] ? true : 'has a body'): void {
	void ok;
}

/** Compiles only when the client's input can be sent as the operation's request body. */
function accepts<C, S>(ok: [C] extends [S] ? (Exclude<keyof C, keyof S> extends never ? true : 'extra members') : 'not assignable'): void {
	void ok;
}

type RequestBody<Id extends keyof operations> = operations[Id] extends {
	requestBody: { content: { 'application/json': infer B } };
}
	? B
	: never;

type C = SpaAuthClient;

conforms<Resolves<C['csrf']>, Body<'csrfCsrf', 200>>(true);
// The session record omits nulls, so the contract cannot say which members come together: only the
// names and types of each client variant are checked.
conforms<Partial<AuthenticatedSession>, Body<'authSession', 200>>(true);
conforms<Partial<PendingSession>, Body<'authSession', 200>>(true);
conforms<Resolves<C['login']>, Body<'authLogin', 200>>(true);
conforms<Resolves<C['signup']>, Body<'signupSignup', 201>>(true);
conforms<Resolves<C['verifyEmail']>, Body<'emailVerificationVerify', 200>>(true);
conforms<Resolves<C['resendVerification']>, Body<'emailVerificationResend', 202>>(true);
conforms<Resolves<C['logout']>, Body<'authLogout', 200>>(true);
conforms<Resolves<C['reauthenticate']>, Body<'reauthenticationReauthenticate', 200>>(true);
conforms<Resolves<C['changePassword']>, Body<'passwordChangeChange', 200>>(true);
conforms<Resolves<C['changeEmail']>, Body<'emailChangeRequest', 202>>(true);
conforms<Resolves<C['confirmEmail']>, Body<'emailChangeConfirm', 200>>(true);
conforms<Resolves<C['requestPasswordReset']>, Body<'passwordResetRequest', 202>>(true);
noBody<operations['passwordResetConfirm']['responses'][204]>(true);
conforms<Resolves<C['deleteAccount']>, Body<'accountDeletionDelete', 200>>(true);
conforms<Resolves<C['reportSignIn']>, Body<'signInReportReport', 200>>(true);
conforms<Resolves<C['listSessions']>, Body<'sessionsList', 200>>(true);
noBody<operations['sessionsEnd']['responses'][204]>(true);
conforms<Resolves<C['revokeOtherSessions']>, Body<'sessionsRevokeOthers', 200>>(true);

conforms<Resolves<C['mfa']['verify']>, Body<'mfaLogInVerify', 200>>(true);
conforms<Resolves<C['mfa']['status']>, Body<'secondFactorsStatus', 200>>(true);
conforms<Resolves<C['mfa']['setupTotp']>, Body<'secondFactorsBeginTotp', 200>>(true);
conforms<Resolves<C['mfa']['confirmTotp']>, Body<'secondFactorsConfirmTotp', 200>>(true);
conforms<Resolves<C['mfa']['removeTotp']>, Body<'secondFactorsRemoveTotp', 200>>(true);
conforms<Resolves<C['mfa']['regenerateRecoveryCodes']>, Body<'secondFactorsRegenerateRecoveryCodes', 200>>(true);

conforms<Resolves<C['passkey']['list']>, Body<'passkeyList', 200>>(true);
conforms<Resolves<C['passkey']['register']>, Body<'passkeyRegister', 201>>(true);
conforms<Resolves<C['passkey']['rename']>, Body<'passkeyRename', 200>>(true);
noBody<operations['passkeyDelete']['responses'][204]>(true);
conforms<Resolves<C['passkey']['signIn']>, Body<'passkeyLogInSignIn', 200>>(true);
conforms<Resolves<C['passkey']['reauthenticate']>, Body<'passkeyLogInReauthenticate', 200>>(true);

conforms<Resolves<C['provider']['list']>, Body<'providerFlowProviders', 200>>(true);
conforms<Resolves<C['provider']['identities']>, Body<'linkedIdentitiesIdentities', 200>>(true);
conforms<Resolves<C['provider']['unlink']>, Body<'linkedIdentitiesUnlink', 200>>(true);

accepts<SignupInput, RequestBody<'signupSignup'>>(true);
accepts<ChangePasswordInput, RequestBody<'passwordChangeChange'>>(true);
accepts<ResetPasswordInput, RequestBody<'passwordResetConfirm'>>(true);

// Every error is a problem: the client's problem members against the contract's problem schema.
conforms<ProblemMembers, Schemas['SpaAuthProblem']>(true);
