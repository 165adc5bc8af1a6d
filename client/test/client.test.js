import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, HTTPError, SpaAuthError } from '../src/index.js';
import { fakeFetch, json, problem, csrfRoute, csrfFailed, signedInSession } from './fake-fetch.js';

const user = { id: 1, username: 'alice', email: 'alice@example.com' };

describe('CSRF handling', () => {
	test('csrf() returns the body and remembers the token and header name', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': () => json({ csrfToken: 'abc', headerName: 'X-CUSTOM-CSRF' }),
			'POST /api/notes': () => json({ id: 1, text: 'hi' }, 201),
		});
		const client = createClient({ fetch });
		assert.deepEqual(await client.csrf(), { csrfToken: 'abc', headerName: 'X-CUSTOM-CSRF' });
		await client.request('POST', '/api/notes', { text: 'hi' });
		assert.equal(fetch.calls.length, 2);
		assert.equal(fetch.calls[1].headers['X-CUSTOM-CSRF'], 'abc');
		assert.equal(fetch.calls[1].headers['X-XSRF-TOKEN'], undefined);
	});

	test('primes a token before the first unsafe request, and only once', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['t1']),
			'POST /api/notes': () => json({ id: 1, text: 'x' }, 201),
		});
		const client = createClient({ fetch });
		await client.request('POST', '/api/notes', { text: 'x' });
		await client.request('POST', '/api/notes', { text: 'y' });
		assert.deepEqual(
			fetch.calls.map((c) => `${c.method} ${c.path}`),
			['GET /api/auth/csrf', 'POST /api/notes', 'POST /api/notes'],
		);
		assert.equal(fetch.calls[1].headers['X-XSRF-TOKEN'], 't1');
		assert.equal(fetch.calls[2].headers['X-XSRF-TOKEN'], 't1');
	});

	test('concurrent unsafe requests share one priming request', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['t1']),
			'DELETE /api/notes/1': () => new Response(null, { status: 204 }),
			'DELETE /api/notes/2': () => new Response(null, { status: 204 }),
		});
		const client = createClient({ fetch });
		await Promise.all([client.request('DELETE', '/api/notes/1'), client.request('DELETE', '/api/notes/2')]);
		assert.equal(fetch.calls.filter((c) => c.path === '/api/auth/csrf').length, 1);
	});

	test('adds the header on POST, PUT, PATCH and DELETE but not on GET', async () => {
		const ok = () => json({});
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['t1']),
			'GET /api/notes': () => json({ notes: [] }),
			'POST /api/x': ok,
			'PUT /api/x': ok,
			'PATCH /api/x': ok,
			'DELETE /api/x': ok,
		});
		const client = createClient({ fetch });
		await client.request('GET', '/api/notes');
		assert.equal(fetch.calls.length, 1, 'a GET does not prime a token');
		assert.equal(fetch.calls[0].headers['X-XSRF-TOKEN'], undefined);

		for (const method of ['post', 'PUT', 'patch', 'DELETE']) {
			await client.request(method, '/api/x', {});
		}
		await client.request('GET', '/api/notes');
		const byMethod = fetch.calls.filter((c) => c.path !== '/api/auth/csrf');
		for (const call of byMethod) {
			const expected = call.method === 'GET' ? undefined : 't1';
			assert.equal(call.headers['X-XSRF-TOKEN'], expected, `${call.method} header`);
		}
		assert.deepEqual(
			byMethod.map((c) => c.method),
			['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'GET'],
		);
	});

	test('takes the rotated token from login, signup and logout bodies', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['t0']),
			'POST /api/auth/login': () => json({ user, csrfToken: 'after-login' }),
			'POST /api/auth/logout': () => json({ csrfToken: 'after-logout' }),
			'POST /api/auth/signup': () => json({ user, csrfToken: 'after-signup' }, 201),
			'GET /api/auth/session': signedInSession,
			'POST /api/notes': () => json({ id: 1, text: 'x' }, 201),
		});
		const client = createClient({ fetch });

		assert.deepEqual(await client.login('alice', 'pw'), { user, csrfToken: 'after-login' });
		await client.request('POST', '/api/notes', { text: 'x' });
		assert.equal(fetch.calls.at(-1).headers['X-XSRF-TOKEN'], 'after-login');

		assert.deepEqual(await client.logout(), { csrfToken: 'after-logout' });
		assert.equal(fetch.calls.at(-1).headers['X-XSRF-TOKEN'], 'after-login', 'logout sent the old token');
		await client.signup({ username: 'bob', email: 'bob@example.com', password: 'pw' });
		assert.equal(fetch.calls.findLast((c) => c.path === '/api/auth/signup').headers['X-XSRF-TOKEN'], 'after-logout');
		await client.request('POST', '/api/notes', { text: 'x' });
		assert.equal(fetch.calls.at(-1).headers['X-XSRF-TOKEN'], 'after-signup');

		assert.equal(fetch.calls.filter((c) => c.path === '/api/auth/csrf').length, 1);
	});

	test('retries once after a 403 csrf_failed, with a freshly primed token', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['stale', 'fresh']),
			'POST /api/notes': [csrfFailed, () => json({ id: 7, text: 'x' }, 201)],
		});
		const client = createClient({ fetch });
		const note = await client.request('POST', '/api/notes', { text: 'x' });
		assert.deepEqual(note, { id: 7, text: 'x' });
		assert.deepEqual(
			fetch.calls.map((c) => `${c.method} ${c.path} ${c.headers['X-XSRF-TOKEN'] ?? '-'}`),
			['GET /api/auth/csrf -', 'POST /api/notes stale', 'GET /api/auth/csrf -', 'POST /api/notes fresh'],
		);
		assert.deepEqual(fetch.calls[3].body, { text: 'x' }, 'the retry resends the body');
	});

	test('does not retry twice: a second csrf_failed is thrown', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'POST /api/notes': csrfFailed,
		});
		const client = createClient({ fetch });
		await assert.rejects(client.request('POST', '/api/notes', { text: 'x' }), (error) => {
			assert.ok(error instanceof HTTPError);
			assert.equal(error.status, 403);
			assert.equal(error.code, 'csrf_failed');
			return true;
		});
		assert.equal(fetch.calls.filter((c) => c.path === '/api/notes').length, 2);
		assert.equal(fetch.calls.filter((c) => c.path === '/api/auth/csrf').length, 2);
	});

	test('does not retry other 403s', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'DELETE /api/notes/3': () =>
				problem({ status: 403, title: 'Forbidden', detail: 'Not your note.', code: 'forbidden' }),
		});
		const client = createClient({ fetch });
		await assert.rejects(client.request('DELETE', '/api/notes/3'), { name: 'HTTPError', code: 'forbidden' });
		assert.equal(fetch.calls.filter((c) => c.path === '/api/notes/3').length, 1);
		assert.equal(fetch.calls.filter((c) => c.path === '/api/auth/csrf').length, 1);
	});

	test('does not retry a 403 csrf_failed on a GET', async () => {
		const fetch = fakeFetch({ 'GET /api/notes': csrfFailed });
		const client = createClient({ fetch });
		await assert.rejects(client.request('GET', '/api/notes'), { status: 403, code: 'csrf_failed' });
		assert.equal(fetch.calls.length, 1);
	});
});

describe('requests', () => {
	test('sends Accept everywhere and JSON bodies with Content-Type', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'GET /api/auth/session': [() => json({ authenticated: false }), signedInSession],
			'POST /api/auth/login': () => json({ user, csrfToken: 'n' }),
			'POST /api/auth/logout': () => json({ csrfToken: 'm' }),
		});
		const client = createClient({ fetch });
		assert.deepEqual(await client.session(), { authenticated: false });
		await client.login('alice', 's3cret');
		await client.logout();
		for (const call of fetch.calls) {
			assert.equal(call.headers.Accept, 'application/json', `${call.method} ${call.path}`);
		}
		const login = fetch.calls.find((c) => c.path === '/api/auth/login');
		assert.equal(login.headers['Content-Type'], 'application/json');
		assert.deepEqual(login.body, { username: 'alice', password: 's3cret' });
		const session = fetch.calls.find((c) => c.path === '/api/auth/session');
		assert.equal(session.headers['Content-Type'], undefined);
		assert.equal(session.init.body, undefined);
	});

	test('signup posts username, email and password', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'POST /api/auth/signup': () => json({ user, csrfToken: 'n' }, 201),
			'GET /api/auth/session': signedInSession,
		});
		const client = createClient({ fetch });
		const result = await client.signup({ username: 'alice', email: 'alice@example.com', password: 'pw', extra: 1 });
		assert.deepEqual(result.user, user);
		assert.deepEqual(fetch.calls.find((c) => c.path === '/api/auth/signup').body, { username: 'alice', email: 'alice@example.com', password: 'pw' });
	});

	test('appends paths to baseUrl (trailing slash removed)', async () => {
		const fetch = fakeFetch({ 'GET /api/notes': () => json({ notes: [] }) });
		const client = createClient({ baseUrl: 'https://api.example.com/', fetch });
		assert.deepEqual(await client.request('GET', '/api/notes'), { notes: [] });
		assert.equal(fetch.calls[0].url, 'https://api.example.com/api/notes');
	});

	test('204 and empty bodies resolve to undefined', async () => {
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'DELETE /api/notes/1': () => new Response(null, { status: 204 }),
			'PUT /api/notes/1': () => new Response('', { status: 200, headers: { 'Content-Type': 'application/json' } }),
		});
		const client = createClient({ fetch });
		assert.equal(await client.request('DELETE', '/api/notes/1'), undefined);
		assert.equal(await client.request('PUT', '/api/notes/1', { text: 'y' }), undefined);
	});

	test('a 2xx answer that is not JSON is an error', async () => {
		const fetch = fakeFetch({
			'GET /api/notes': () => new Response('<html>login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
		});
		const client = createClient({ fetch });
		await assert.rejects(client.request('GET', '/api/notes'), (error) => {
			assert.ok(error instanceof SpaAuthError);
			assert.match(error.message, /Expected a JSON response/);
			return true;
		});
	});

	test('a body on GET is rejected', async () => {
		const client = createClient({ fetch: fakeFetch({}) });
		await assert.rejects(client.request('GET', '/api/notes', { a: 1 }), TypeError);
	});

	test('throws without a fetch implementation', () => {
		assert.throws(() => createClient({ fetch: null }), TypeError);
	});
});

describe('credentials', () => {
	const hadLocation = 'location' in globalThis;
	const originalLocation = globalThis.location;
	afterEach(() => {
		if (hadLocation) globalThis.location = originalLocation;
		else delete globalThis.location;
	});

	async function credentialsFor(options) {
		let seen;
		const fetch = async (url, init) => {
			seen = init.credentials;
			return json({ authenticated: false });
		};
		await createClient({ ...options, fetch }).session();
		return seen;
	}

	test("'same-origin' for a relative baseUrl", async () => {
		globalThis.location = { origin: 'https://app.example.com' };
		assert.equal(await credentialsFor({}), 'same-origin');
		assert.equal(await credentialsFor({ baseUrl: '/backend' }), 'same-origin');
	});

	test("'same-origin' for an absolute baseUrl on the page's origin", async () => {
		globalThis.location = { origin: 'https://app.example.com' };
		assert.equal(await credentialsFor({ baseUrl: 'https://app.example.com/' }), 'same-origin');
	});

	test("'include' for an absolute baseUrl on another origin", async () => {
		globalThis.location = { origin: 'https://app.example.com' };
		assert.equal(await credentialsFor({ baseUrl: 'https://api.example.com' }), 'include');
		assert.equal(await credentialsFor({ baseUrl: 'https://app.example.com:8443' }), 'include');
	});

	test("'include' for an absolute baseUrl when there is no location (not a browser)", async () => {
		delete globalThis.location;
		assert.equal(await credentialsFor({ baseUrl: 'http://localhost:8080' }), 'include');
	});

	test('the option overrides the default', async () => {
		globalThis.location = { origin: 'https://app.example.com' };
		assert.equal(await credentialsFor({ baseUrl: 'https://api.example.com', credentials: 'omit' }), 'omit');
		assert.equal(await credentialsFor({ credentials: 'include' }), 'include');
	});
});
