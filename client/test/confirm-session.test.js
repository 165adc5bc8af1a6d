// The check after a sign-in is a second request that can fail on its own. When the sign-in succeeded
// (the session exists) and only the confirming GET /session fails (503 while a store is slow, 429), the
// sign-in resolves as it is: completeRedirect() does not report it refused, login() does not reject.
// (Found by a review: both failed before.)
import { test, describe, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

import { createClient, HTTPError } from '../src/index.js';
import { fakeFetch, fakePage, json, problem } from './fake-fetch.js';

const user = { id: 1, username: 'alice' };
const unavailable = () => problem({ status: 503, title: 'Service Unavailable', detail: 'Try again.', code: 'service_unavailable' });

describe('confirmation after a sign-in', () => {
	let page;
	beforeEach(() => {
		page = fakePage('https://app.example.com/');
	});

	test('completeRedirect does not report a finished sign-in as refused when only the confirmation failed', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': () => json({ csrfToken: 'anon' }),
			'POST /api/auth/oauth2/finish': () => json({ user, csrfToken: 'signed-in' }),
			'GET /api/auth/session': unavailable,
		});
		const client = createClient({ fetch });
		page.sessionStorage.setItem('spa-auth:provider-flow', JSON.stringify({ verifier: 'v'.repeat(43), intent: 'sign_in', provider: 'local' }));
		page.location.href = 'https://app.example.com/?authCode=' + 'c'.repeat(43);

		const outcome = await client.provider.completeRedirect().catch((error) => ({ rejected: error }));

		assert.notEqual(outcome.error, 'service_unavailable', JSON.stringify(outcome));
	});

	test('login does not reject with the confirmation\'s own HTTPError as if the log-in had failed', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': () => json({ csrfToken: 'anon' }),
			'POST /api/auth/login': () => json({ user, csrfToken: 'signed-in' }),
			'GET /api/auth/session': unavailable,
		});
		const client = createClient({ fetch });

		const outcome = await client.login('alice', 'pw').catch((error) => error);

		assert.ok(!(outcome instanceof HTTPError && outcome.url.endsWith('/api/auth/session')),
			'login rejected with the GET /session error');
	});
});
