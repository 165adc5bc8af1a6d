import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, DEFAULT_BASE_PATH } from '../src/index.js';
import { fakeFetch, json, problem, csrfRoute, csrfFailed, signedInSession } from './fake-fetch.js';

const user = { id: 1, username: 'alice', email: 'alice@example.com' };
const noContent = () => new Response(null, { status: 204 });
const reauthRequired = () =>
	problem({ status: 403, title: 'Forbidden', detail: 'Confirm your password.', code: 'reauthentication_required' });

test("the default is the server's default, /api/auth", async () => {
	assert.equal(DEFAULT_BASE_PATH, '/api/auth');
	const fetch = fakeFetch({ 'GET /api/auth/session': () => json({ authenticated: false }) });
	await createClient({ fetch }).session();
	assert.equal(fetch.calls[0].url, '/api/auth/session');
});

test('every auth endpoint is under basePath, after baseUrl', async () => {
	const b = '/auth/v2';
	const fetch = fakeFetch({
		[`GET ${b}/csrf`]: csrfRoute(['t1', 't2', 't3']),
		[`GET ${b}/session`]: [() => json({ authenticated: false }), signedInSession],
		[`POST ${b}/login`]: () => json({ user, csrfToken: 't1' }),
		[`POST ${b}/signup`]: () => json({ user, csrfToken: 't1' }, 201),
		[`POST ${b}/logout`]: () => json({ csrfToken: 't1' }),
		[`POST ${b}/reauthenticate`]: () => json({ reauthenticatedUntil: '2026-11-29T10:05:00Z', csrfToken: 't1' }),
		[`POST ${b}/password`]: () => json({ csrfToken: 't1' }),
		[`POST ${b}/email`]: () => json({ pendingEmail: 'new@example.com' }, 202),
		[`POST ${b}/email/confirm`]: () => json({ user }),
		[`POST ${b}/password-reset`]: () => json({ detail: 'Sent if known.' }, 202),
		[`POST ${b}/password-reset/confirm`]: noContent,
		[`GET ${b}/sessions`]: () => json({ sessions: [] }),
		[`DELETE ${b}/sessions/a%2Fb`]: noContent,
		[`POST ${b}/sessions/revoke-others`]: () => json({ revoked: 0 }),
	});
	const client = createClient({ baseUrl: 'https://api.example.com/', basePath: b, fetch });

	await client.csrf();
	await client.session();
	await client.login('alice', 'pw');
	await client.signup({ username: 'alice', email: 'alice@example.com', password: 'pw' });
	await client.logout();
	await client.reauthenticate('pw');
	await client.changePassword({ currentPassword: 'pw', newPassword: 'new' });
	await client.changeEmail('new@example.com');
	await client.confirmEmail('tok');
	await client.requestPasswordReset('alice@example.com');
	await client.resetPassword({ token: 'tok', newPassword: 'new' });
	await client.listSessions();
	await client.revokeSession('a/b');
	await client.revokeOtherSessions();

	assert.deepEqual(
		fetch.calls.map((c) => `${c.method} ${c.url}`),
		[
			'GET /csrf',
			'GET /session',
			'POST /login',
			'GET /session',
			'POST /signup',
			'GET /session',
			'POST /logout',
			'POST /reauthenticate',
			'POST /password',
			'POST /email',
			'POST /email/confirm',
			'POST /password-reset',
			'POST /password-reset/confirm',
			'GET /sessions',
			'DELETE /sessions/a%2Fb',
			'POST /sessions/revoke-others',
		].map((line) => line.replace(' ', ` https://api.example.com${b}`)),
	);
});

test('priming, the csrf_failed retry and re-authentication use basePath too; app paths do not', async () => {
	const fetch = fakeFetch({
		'GET /auth/csrf': csrfRoute(['stale', 'fresh']),
		'POST /api/notes': [csrfFailed, reauthRequired, () => json({ id: 1 }, 201)],
		'POST /auth/reauthenticate': () => json({ reauthenticatedUntil: '2026-11-29T10:05:00Z', csrfToken: 't3' }),
	});
	const client = createClient({ basePath: '/auth', fetch, onReauthenticationRequired: () => 'pw' });
	assert.deepEqual(await client.request('POST', '/api/notes', { text: 'x' }), { id: 1 });
	assert.deepEqual(
		fetch.calls.map((c) => `${c.method} ${c.path}`),
		[
			'GET /auth/csrf',
			'POST /api/notes',
			'GET /auth/csrf',
			'POST /api/notes',
			'POST /auth/reauthenticate',
			'POST /api/notes',
		],
	);
});

test('an invalid basePath is a TypeError that says what is expected', () => {
	for (const basePath of ['', 'api/auth', '/api/auth/', '/', 'https://x/api/auth', 42, null]) {
		assert.throws(
			() => createClient({ basePath, fetch: fakeFetch({}) }),
			(error) => {
				assert.ok(error instanceof TypeError, `${String(basePath)}: ${error}`);
				assert.match(error.message, /`basePath` must be a path that starts with '\/' and does not end with '\/'/);
				assert.ok(error.message.includes(typeof basePath === 'string' ? `(got '${basePath}')` : `(got ${basePath})`));
				return true;
			},
		);
	}
});

test('undefined basePath means the default', async () => {
	const fetch = fakeFetch({ 'GET /api/auth/session': () => json({ authenticated: false }) });
	await createClient({ basePath: undefined, fetch }).session();
	assert.equal(fetch.calls[0].path, '/api/auth/session');
});
