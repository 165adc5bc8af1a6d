import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, HTTPError } from '../src/index.js';
import { fakeFetch, json, problem, csrfRoute, csrfFailed } from './fake-fetch.js';

const user = { id: 1, username: 'alice', email: 'alice@example.com' };

const reauthRequired = () =>
	problem({
		status: 403,
		title: 'Forbidden',
		detail: 'Confirm your password to continue.',
		code: 'reauthentication_required',
	});
const invalidCredentials = () =>
	problem({ status: 400, title: 'Bad Request', detail: 'The password is not right.', code: 'invalid_credentials' });
const reauthenticated = (token = 'after-reauth') => () =>
	json({ reauthenticatedUntil: '2026-11-29T10:05:00Z', csrfToken: token });

const trail = (fetch) => fetch.calls.map((c) => `${c.method} ${c.path} ${c.headers['X-XSRF-TOKEN'] ?? '-'}`);

describe('account methods', () => {
	test('each method calls its endpoint with its body', async () => {
		const noContent = () => new Response(null, { status: 204 });
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['t1']),
			'POST /api/auth/reauthenticate': reauthenticated('t2'),
			'POST /api/auth/password': () => json({ csrfToken: 't3' }),
			'POST /api/auth/email': () => json({ pendingEmail: 'new@example.com' }, 202),
			'POST /api/auth/email/confirm': () => json({ user }),
			'POST /api/auth/password-reset': () => json({ detail: 'If an account uses this address…' }, 202),
			'POST /api/auth/password-reset/confirm': noContent,
			'GET /api/auth/sessions': () => json({ sessions: [] }),
			'DELETE /api/auth/sessions/a%2Fb%3Fc': noContent,
			'POST /api/auth/sessions/revoke-others': () => json({ revoked: 2 }),
		});
		const client = createClient({ fetch });

		assert.deepEqual(await client.reauthenticate('pw'), { reauthenticatedUntil: '2026-11-29T10:05:00Z', csrfToken: 't2' });
		assert.deepEqual(await client.changePassword({ currentPassword: 'old', newPassword: 'new', extra: 1 }), { csrfToken: 't3' });
		assert.deepEqual(await client.changeEmail('new@example.com'), { pendingEmail: 'new@example.com' });
		assert.deepEqual(await client.confirmEmail('tok1'), { user });
		assert.deepEqual(await client.requestPasswordReset('a@example.com'), { detail: 'If an account uses this address…' });
		assert.equal(await client.resetPassword({ token: 'tok2', newPassword: 'n3w' }), undefined);
		assert.deepEqual(await client.listSessions(), { sessions: [] });
		assert.equal(await client.revokeSession('a/b?c'), undefined);
		assert.deepEqual(await client.revokeOtherSessions(), { revoked: 2 });

		assert.deepEqual(
			fetch.calls.map((c) => [`${c.method} ${c.path}`, c.body]),
			[
				['GET /api/auth/csrf', undefined],
				['POST /api/auth/reauthenticate', { password: 'pw' }],
				['POST /api/auth/password', { currentPassword: 'old', newPassword: 'new' }],
				['POST /api/auth/email', { newEmail: 'new@example.com' }],
				['POST /api/auth/email/confirm', { token: 'tok1' }],
				['POST /api/auth/password-reset', { email: 'a@example.com' }],
				['POST /api/auth/password-reset/confirm', { token: 'tok2', newPassword: 'n3w' }],
				['GET /api/auth/sessions', undefined],
				['DELETE /api/auth/sessions/a%2Fb%3Fc', undefined],
				['POST /api/auth/sessions/revoke-others', undefined],
			],
		);
	});

	test('keeps the CSRF token that reauthenticate and changePassword answer', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['t1']),
			'POST /api/auth/reauthenticate': reauthenticated('t2'),
			'POST /api/auth/password': () => json({ csrfToken: 't3' }),
			'POST /api/notes': () => json({ id: 1 }, 201),
		});
		const client = createClient({ fetch });
		await client.reauthenticate('pw');
		await client.changePassword({ currentPassword: 'pw', newPassword: 'a new long passphrase' });
		await client.request('POST', '/api/notes', { text: 'x' });
		assert.deepEqual(trail(fetch), [
			'GET /api/auth/csrf -',
			'POST /api/auth/reauthenticate t1',
			'POST /api/auth/password t2',
			'POST /api/notes t3',
		]);
	});

	test('a failed reauthenticate rejects with the problem', async () => {
		const fetch = fakeFetch({ 'GET /api/auth/csrf': csrfRoute(), 'POST /api/auth/reauthenticate': invalidCredentials });
		const client = createClient({ fetch });
		await assert.rejects(client.reauthenticate('nope'), { name: 'HTTPError', status: 400, code: 'invalid_credentials' });
	});
});

describe('onReauthenticationRequired', () => {
	test('must be a function when given', () => {
		assert.throws(() => createClient({ fetch: fakeFetch({}), onReauthenticationRequired: 'pw' }), TypeError);
	});

	test('without the hook a 403 reauthentication_required is thrown as it is', async () => {
		const fetch = fakeFetch({ 'GET /api/auth/csrf': csrfRoute(), 'POST /api/auth/email': reauthRequired });
		const client = createClient({ fetch });
		await assert.rejects(client.changeEmail('b@example.com'), { status: 403, code: 'reauthentication_required' });
		assert.equal(fetch.calls.filter((c) => c.path === '/api/auth/reauthenticate').length, 0);
	});

	test('asks for the password, re-authenticates and retries the request once with the new token', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['t1']),
			'POST /api/auth/email': [reauthRequired, () => json({ pendingEmail: 'b@example.com' }, 202)],
			'POST /api/auth/reauthenticate': reauthenticated('t2'),
		});
		const prompts = [];
		const client = createClient({
			fetch,
			onReauthenticationRequired: async (context) => {
				prompts.push(context);
				return 'correct horse';
			},
		});
		assert.deepEqual(await client.changeEmail('b@example.com'), { pendingEmail: 'b@example.com' });
		assert.equal(prompts.length, 1);
		assert.equal(prompts[0].attempt, 1);
		assert.ok(prompts[0].error instanceof HTTPError);
		assert.equal(prompts[0].error.code, 'reauthentication_required');
		assert.deepEqual(trail(fetch), [
			'GET /api/auth/csrf -',
			'POST /api/auth/email t1',
			'POST /api/auth/reauthenticate t1',
			'POST /api/auth/email t2',
		]);
		assert.deepEqual(fetch.calls[2].body, { password: 'correct horse' });
		assert.deepEqual(fetch.calls[3].body, { newEmail: 'b@example.com' }, 'the retry resends the body');
	});

	test('works for GET and DELETE too', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['t1']),
			'GET /api/auth/sessions': [reauthRequired, () => json({ sessions: [] })],
			'DELETE /api/auth/sessions/h1': [reauthRequired, () => new Response(null, { status: 204 })],
			'POST /api/auth/reauthenticate': reauthenticated(),
		});
		const client = createClient({ fetch, onReauthenticationRequired: () => 'pw' });
		assert.deepEqual(await client.listSessions(), { sessions: [] });
		assert.equal(await client.revokeSession('h1'), undefined);
		assert.equal(fetch.calls.filter((c) => c.path === '/api/auth/reauthenticate').length, 2);
	});

	test('null from the hook gives up: the original 403 is thrown and nothing else is sent', async () => {
		const fetch = fakeFetch({ 'GET /api/auth/csrf': csrfRoute(), 'POST /api/auth/email': reauthRequired });
		const client = createClient({ fetch, onReauthenticationRequired: async () => null });
		await assert.rejects(client.changeEmail('b@example.com'), { status: 403, code: 'reauthentication_required' });
		assert.deepEqual(
			fetch.calls.map((c) => c.path),
			['/api/auth/csrf', '/api/auth/email'],
		);
	});

	test('a wrong password asks again with that error, until the right one', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'POST /api/auth/email': [reauthRequired, () => json({ pendingEmail: 'b@example.com' }, 202)],
			'POST /api/auth/reauthenticate': [
				invalidCredentials,
				() => problem({ status: 400, title: 'Bad Request', detail: 'Enter your password.', code: 'validation_failed', errors: { password: 'Enter your password.' } }),
				reauthenticated(),
			],
		});
		const passwords = ['wrong', '', 'right'];
		const seen = [];
		const client = createClient({
			fetch,
			onReauthenticationRequired: async ({ error, attempt }) => {
				seen.push([attempt, error.code]);
				return passwords.shift();
			},
		});
		assert.deepEqual(await client.changeEmail('b@example.com'), { pendingEmail: 'b@example.com' });
		assert.deepEqual(seen, [
			[1, 'reauthentication_required'],
			[2, 'invalid_credentials'],
			[3, 'validation_failed'],
		]);
		assert.deepEqual(
			fetch.calls.filter((c) => c.path === '/api/auth/reauthenticate').map((c) => c.body.password),
			['wrong', '', 'right'],
		);
	});

	test('giving up after a wrong password throws the original 403', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'POST /api/auth/email': reauthRequired,
			'POST /api/auth/reauthenticate': invalidCredentials,
		});
		const answers = ['wrong', null];
		const client = createClient({ fetch, onReauthenticationRequired: () => answers.shift() });
		await assert.rejects(client.changeEmail('b@example.com'), { status: 403, code: 'reauthentication_required' });
	});

	test('a 429 from reauthenticate rejects the request with the 429, without asking again', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'POST /api/auth/email': reauthRequired,
			'POST /api/auth/reauthenticate': () =>
				problem({ status: 429, title: 'Too Many Requests', detail: 'Too many attempts. Try again in 60 seconds.', code: 'rate_limited' }),
		});
		let prompts = 0;
		const client = createClient({
			fetch,
			onReauthenticationRequired: () => {
				prompts++;
				return 'pw';
			},
		});
		await assert.rejects(client.changeEmail('b@example.com'), { status: 429, code: 'rate_limited' });
		assert.equal(prompts, 1);
	});

	test('retries only once: a second reauthentication_required is thrown', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'POST /api/auth/email': reauthRequired,
			'POST /api/auth/reauthenticate': reauthenticated(),
		});
		let prompts = 0;
		const client = createClient({
			fetch,
			onReauthenticationRequired: () => {
				prompts++;
				return 'pw';
			},
		});
		await assert.rejects(client.changeEmail('b@example.com'), { status: 403, code: 'reauthentication_required' });
		assert.equal(prompts, 1);
		assert.equal(fetch.calls.filter((c) => c.path === '/api/auth/email').length, 2);
	});

	test('concurrent requests share one prompt and one reauthenticate', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'DELETE /api/auth/sessions/a': [reauthRequired, () => new Response(null, { status: 204 })],
			'DELETE /api/auth/sessions/b': [reauthRequired, () => new Response(null, { status: 204 })],
			'POST /api/auth/reauthenticate': reauthenticated(),
		});
		let prompts = 0;
		const client = createClient({
			fetch,
			onReauthenticationRequired: async () => {
				prompts++;
				await new Promise((resolve) => setTimeout(resolve, 10));
				return 'pw';
			},
		});
		await Promise.all([client.revokeSession('a'), client.revokeSession('b')]);
		assert.equal(prompts, 1);
		assert.equal(fetch.calls.filter((c) => c.path === '/api/auth/reauthenticate').length, 1);
	});

	test('reauthenticate itself never calls the hook', async () => {
		const fetch = fakeFetch({ 'GET /api/auth/csrf': csrfRoute(), 'POST /api/auth/reauthenticate': reauthRequired });
		let prompts = 0;
		const client = createClient({ fetch, onReauthenticationRequired: () => (prompts++, 'pw') });
		await assert.rejects(client.reauthenticate('pw'), { code: 'reauthentication_required' });
		assert.equal(prompts, 0);
	});

	test('a stale CSRF token during re-authentication is re-primed as usual', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['stale', 'fresh']),
			'POST /api/auth/email': [reauthRequired, () => json({ pendingEmail: 'b@example.com' }, 202)],
			'POST /api/auth/reauthenticate': [csrfFailed, reauthenticated('t3')],
		});
		const client = createClient({ fetch, onReauthenticationRequired: () => 'pw' });
		await client.changeEmail('b@example.com');
		assert.deepEqual(trail(fetch), [
			'GET /api/auth/csrf -',
			'POST /api/auth/email stale',
			'POST /api/auth/reauthenticate stale',
			'GET /api/auth/csrf -',
			'POST /api/auth/reauthenticate fresh',
			'POST /api/auth/email t3',
		]);
	});

	test('other errors do not call the hook', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'POST /api/auth/email': () =>
				problem({ status: 400, title: 'Bad Request', detail: 'Invalid.', code: 'validation_failed', errors: { newEmail: 'Enter a valid email address.' } }),
		});
		let prompts = 0;
		const client = createClient({ fetch, onReauthenticationRequired: () => (prompts++, 'pw') });
		await assert.rejects(client.changeEmail('nope'), (error) => {
			assert.deepEqual(error.errors, { newEmail: 'Enter a valid email address.' });
			return true;
		});
		assert.equal(prompts, 0);
	});
});
