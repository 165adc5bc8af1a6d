import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, CookiesBlockedError, SpaAuthError, HTTPError } from '../src/index.js';
import { fakeFetch, json, problem, csrfRoute } from './fake-fetch.js';

const user = { id: 1, username: 'alice' };

/** A client whose log-in succeeds and whose next `GET /session` answers `session`. */
function afterLogIn(session) {
	const fetch = fakeFetch({
		'GET /api/auth/csrf': csrfRoute(['anonymous']),
		'POST /api/auth/login': () => json({ user, csrfToken: 'signed-in' }),
		'POST /api/auth/signup': () => json({ user, csrfToken: 'signed-in' }, 201),
		'GET /api/auth/session': () => json(session),
	});
	return { fetch, client: createClient({ baseUrl: 'https://api.example.com', fetch }) };
}

describe('cookie-drop detection', () => {
	for (const reason of ['none', 'csrf_only', 'session_not_found']) {
		test(`a log-in whose session does not come back rejects with CookiesBlockedError, reason ${reason}`, async () => {
			const { client } = afterLogIn({ authenticated: false, missingCookies: reason });

			await assert.rejects(client.login('alice', 'pw'), (error) => {
				assert.ok(error instanceof CookiesBlockedError);
				assert.ok(error instanceof SpaAuthError);
				assert.equal(error.name, 'CookiesBlockedError');
				assert.equal(error.reason, reason);
				assert.equal(error.url, 'https://api.example.com/api/auth/session');
				assert.match(error.message, /^Cookies blocked: /);
				return true;
			});
		});
	}

	test('the message says what to do for each reason', async () => {
		const messages = {};
		for (const reason of ['none', 'csrf_only', 'session_not_found']) {
			const { client } = afterLogIn({ authenticated: false, missingCookies: reason });
			messages[reason] = await client.login('alice', 'pw').catch((error) => error.message);
		}
		assert.match(messages.none, /third-party cookies/);
		assert.match(messages.csrf_only, /session cookie/);
		assert.match(messages.session_not_found, /session store/);
	});

	test('a server that does not say why gives reason unknown', async () => {
		const { client } = afterLogIn({ authenticated: false });

		await assert.rejects(client.signup({ username: 'alice', email: 'a@example.com', password: 'pw' }), (error) => {
			assert.ok(error instanceof CookiesBlockedError);
			assert.equal(error.reason, 'unknown');
			return true;
		});
	});

	test('a session that comes back resolves with the log-in answer after exactly one GET /session', async () => {
		const { client, fetch } = afterLogIn({ authenticated: true, user });

		assert.deepEqual(await client.login('alice', 'pw'), { user, csrfToken: 'signed-in' });
		assert.deepEqual(
			fetch.calls.map((call) => `${call.method} ${call.path}`),
			['GET /api/auth/csrf', 'POST /api/auth/login', 'GET /api/auth/session'],
		);
	});

	test('a sign-up that waits for the mailed link starts no session and checks none', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['anonymous']),
			'POST /api/auth/signup': () => json({ verificationRequired: true, email: 'a@example.com' }, 201),
		});
		const client = createClient({ fetch });

		await client.signup({ username: 'alice', email: 'a@example.com', password: 'pw' });

		assert.equal(fetch.calls.filter((call) => call.path === '/api/auth/session').length, 0);
	});

	test('a log-in waiting for its second factor is confirmed by a pending session, and refused without one', async () => {
		const pending = { mfaRequired: true, methods: ['totp'], expiresAt: 'x', csrfToken: 'pending' };
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['anonymous']),
			'POST /api/auth/login': () => json(pending),
			'GET /api/auth/session': [
				() => json({ authenticated: false, mfaRequired: true }),
				() => json({ authenticated: false, missingCookies: 'none' }),
			],
		});
		const client = createClient({ fetch });

		assert.deepEqual(await client.login('alice', 'pw'), pending);
		await assert.rejects(client.login('alice', 'pw'), CookiesBlockedError);
	});

	test('a csrf_failed the API explains by no cookies at all is a CookiesBlockedError, without the retry', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['t1', 't2']),
			'POST /api/auth/login': () => json({
				type: 'about:blank', title: 'Forbidden', status: 403, code: 'csrf_failed', missingCookies: 'none',
				detail: "The browser did not send the API's cookies with this request ...",
			}, 403, 'application/problem+json'),
		});
		const client = createClient({ fetch });

		await assert.rejects(client.login('alice', 'pw'), (error) => {
			assert.ok(error instanceof CookiesBlockedError);
			assert.equal(error.reason, 'none');
			return true;
		});
		assert.equal(fetch.calls.filter((call) => call.path === '/api/auth/login').length, 1);
	});

	test('any other csrf_failed is still retried once and stays an HTTPError', async () => {
		const csrfFailed = () => problem({ status: 403, title: 'Forbidden', detail: 'Invalid.', code: 'csrf_failed' });
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['t1', 't2']),
			'POST /api/notes': [csrfFailed, csrfFailed],
		});
		const client = createClient({ fetch });

		await assert.rejects(client.request('POST', '/api/notes', {}), HTTPError);
		assert.equal(fetch.calls.filter((call) => call.path === '/api/notes').length, 2);
	});
});
