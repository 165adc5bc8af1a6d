import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, HTTPError } from '../src/index.js';
import { fakeFetch, json, problem, csrfRoute, signedInSession } from './fake-fetch.js';

const user = { id: 1, username: 'alice', email: 'alice@example.com' };
const trail = (fetch) => fetch.calls.map((c) => `${c.method} ${c.path} ${c.headers['X-XSRF-TOKEN'] ?? '-'}`);

describe('second factors', () => {
	test('a two-step log-in sends each step with the token the step before answered', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['anonymous']),
			'POST /api/auth/login': () =>
				json({ mfaRequired: true, methods: ['totp', 'recovery_code'], expiresAt: '2026-12-06T10:05:00Z', csrfToken: 'pending' }),
			'POST /api/auth/login/mfa': () => json({ user, csrfToken: 'signed-in' }),
			'GET /api/auth/session': [() => json({ authenticated: false, mfaRequired: true }), signedInSession],
			'POST /api/notes': () => json({ id: 7 }, 201),
		});
		const client = createClient({ fetch });

		const first = await client.login('alice', 'pw');
		const second = await client.mfa.verify('totp', '123 456');
		await client.request('POST', '/api/notes', { text: 'x' });

		assert.deepEqual(first.mfaRequired, true);
		assert.deepEqual(second.user, user);
		assert.deepEqual(trail(fetch), [
			'GET /api/auth/csrf -',
			'POST /api/auth/login anonymous',
			'GET /api/auth/session -',
			'POST /api/auth/login/mfa pending',
			'GET /api/auth/session -',
			'POST /api/notes signed-in',
		]);
		assert.deepEqual(fetch.calls[3].body, { method: 'totp', code: '123 456' });
	});

	test('each settings method calls its endpoint', async () => {
		const status = { methods: ['totp', 'recovery_code'], totpEnabledAt: '2026-12-06T10:00:00Z', recoveryCodesLeft: 10 };
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['t1']),
			'GET /api/auth/mfa': () => json(status),
			'POST /api/auth/mfa/totp': () => json({ secret: 'ABC', otpauthUri: 'otpauth://totp/x:alice?secret=ABC' }),
			'POST /api/auth/mfa/totp/confirm': () => json({ recoveryCodes: ['aaaa-bbbb-cccc'] }),
			'DELETE /api/auth/mfa/totp': () => json({ methods: [], recoveryCodesLeft: 0 }),
			'POST /api/auth/mfa/recovery-codes': () => json({ recoveryCodes: ['dddd-eeee-ffff'] }),
		});
		const client = createClient({ fetch });

		assert.deepEqual(await client.mfa.status(), status);
		assert.equal((await client.mfa.setupTotp()).secret, 'ABC');
		assert.deepEqual((await client.mfa.confirmTotp('654321')).recoveryCodes, ['aaaa-bbbb-cccc']);
		assert.deepEqual((await client.mfa.removeTotp()).methods, []);
		assert.deepEqual((await client.mfa.regenerateRecoveryCodes()).recoveryCodes, ['dddd-eeee-ffff']);
		assert.deepEqual(fetch.calls.find((c) => c.path === '/api/auth/mfa/totp/confirm').body, { code: '654321' });
	});

	test('a wrong code rejects with the problem and keeps the pending token', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['anonymous']),
			'POST /api/auth/login': () => json({ mfaRequired: true, methods: ['totp'], expiresAt: 'x', csrfToken: 'pending' }),
			'GET /api/auth/session': () => json({ authenticated: false, mfaRequired: true }),
			'POST /api/auth/login/mfa': () =>
				problem({ status: 400, title: 'Invalid code', detail: 'That code is wrong or was used already.', code: 'invalid_code' }),
		});
		const client = createClient({ fetch });
		await client.login('alice', 'pw');

		await assert.rejects(client.mfa.verify('totp', '000000'), (error) => {
			assert.ok(error instanceof HTTPError);
			assert.equal(error.code, 'invalid_code');
			return true;
		});
		await assert.rejects(client.mfa.verify('totp', '111111'), HTTPError);
		assert.deepEqual(trail(fetch).slice(-2), ['POST /api/auth/login/mfa pending', 'POST /api/auth/login/mfa pending']);
	});
});
