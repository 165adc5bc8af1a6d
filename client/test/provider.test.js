import { test, describe, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { createClient } from '../src/index.js';
import { fakeFetch, fakePage, json, problem, signedInSession } from './fake-fetch.js';

const s256 = (verifier) => createHash('sha256').update(verifier).digest('base64url');

describe('provider', () => {
	let page;
	beforeEach(() => {
		page = fakePage('https://app.example.com/#/login');
	});

	test('signIn navigates the window to the API with the return URL, an S256 challenge and the intent', async () => {
		const client = createClient({ fetch: fakeFetch({}), baseUrl: 'https://api.example.com' });
		client.provider.signIn('github');
		await new Promise((resolve) => setTimeout(resolve, 20));
		const url = new URL(page.location.assigned);
		assert.equal(url.origin + url.pathname, 'https://api.example.com/api/auth/oauth2/github');
		assert.equal(url.searchParams.get('returnTo'), 'https://app.example.com/#/login');
		assert.equal(url.searchParams.get('intent'), 'sign_in');
		const stored = JSON.parse(page.sessionStorage.getItem('spa-auth:provider-flow'));
		assert.match(stored.verifier, /^[A-Za-z0-9_-]{43}$/);
		assert.equal(url.searchParams.get('challenge'), s256(stored.verifier), 'only the challenge leaves the page');
	});

	test('completeRedirect finishes with the kept verifier, cleans the URL and forgets the verifier', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': () => json({ csrfToken: 'anon' }),
			'POST /api/auth/oauth2/finish': () => json({ user: { id: 1, username: 'alice' }, csrfToken: 'signed-in' }),
			'GET /api/auth/session': signedInSession,
		});
		const client = createClient({ fetch });
		page.sessionStorage.setItem('spa-auth:provider-flow', JSON.stringify({ verifier: 'v'.repeat(43), intent: 'sign_in', provider: 'local' }));
		page.location.href = 'https://app.example.com/?authCode=' + 'c'.repeat(43) + '#/notes';

		const done = await client.provider.completeRedirect();

		assert.deepEqual(done, { intent: 'sign_in', provider: 'local', result: { user: { id: 1, username: 'alice' }, csrfToken: 'signed-in' } });
		assert.equal(page.location.href, 'https://app.example.com/#/notes');
		assert.equal(page.sessionStorage.getItem('spa-auth:provider-flow'), null);
		const finish = fetch.calls.find((call) => call.path === '/api/auth/oauth2/finish');
		assert.deepEqual(finish.body, { code: 'c'.repeat(43), verifier: 'v'.repeat(43) });
		assert.equal(finish.headers['X-XSRF-TOKEN'], 'anon');
	});

	test('completeRedirect reports authError without a request, and null when the URL has nothing', async () => {
		const fetch = fakeFetch({});
		const client = createClient({ fetch });
		assert.equal(await client.provider.completeRedirect(), null);
		page.location.href = 'https://app.example.com/?authError=account_exists';
		assert.deepEqual(await client.provider.completeRedirect(), { intent: 'sign_in', provider: null, error: 'account_exists' });
		assert.equal(page.location.href, 'https://app.example.com/');
		assert.equal(fetch.calls.length, 0);
	});

	test('a code this tab did not start is not sent (login CSRF through a planted link)', async () => {
		const fetch = fakeFetch({});
		const client = createClient({ fetch });
		page.location.href = 'https://app.example.com/?authCode=' + 'c'.repeat(43);
		assert.deepEqual(await client.provider.completeRedirect(), { intent: 'sign_in', provider: null, error: 'invalid_sign_in_code' });
		assert.equal(fetch.calls.length, 0);
	});

	test('a refused finish resolves with its problem code and keeps the intent', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': () => json({ csrfToken: 'anon' }),
			'POST /api/auth/oauth2/finish': () => problem({ status: 409, title: 'Identity linked to another account', code: 'identity_in_use' }),
		});
		const client = createClient({ fetch });
		page.sessionStorage.setItem('spa-auth:provider-flow', JSON.stringify({ verifier: 'v'.repeat(43), intent: 'link', provider: 'local' }));
		page.location.href = 'https://app.example.com/?authCode=' + 'c'.repeat(43);
		const done = await client.provider.completeRedirect();
		assert.equal(done.intent, 'link');
		assert.equal(done.error, 'identity_in_use');
		assert.equal(done.problem.status, 409);
	});
});
