import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, HTTPError, NetworkError, SpaAuthError } from '../src/index.js';
import { fakeFetch, json, problem, csrfRoute } from './fake-fetch.js';

test('a problem response becomes an HTTPError with all fields', async () => {
	const body = {
		type: 'about:blank',
		title: 'Validation failed',
		status: 400,
		detail: 'Some fields are invalid.',
		code: 'validation_failed',
		errors: { username: 'Username is taken.', email: 'Must be a valid email address.' },
	};
	const fetch = fakeFetch({
		'GET /api/auth/csrf': csrfRoute(),
		'POST /api/auth/signup': () => json(body, 400, 'application/problem+json'),
	});
	const client = createClient({ baseUrl: 'https://x', fetch });
	await assert.rejects(client.signup({ username: 'a', email: 'b', password: 'c' }), (error) => {
		assert.ok(error instanceof HTTPError);
		assert.ok(error instanceof SpaAuthError);
		assert.ok(error instanceof Error);
		assert.equal(error.name, 'HTTPError');
		assert.equal(error.status, 400);
		assert.equal(error.method, 'POST');
		assert.equal(error.url, 'https://x/api/auth/signup');
		assert.equal(error.code, 'validation_failed');
		assert.equal(error.title, 'Validation failed');
		assert.equal(error.detail, 'Some fields are invalid.');
		assert.deepEqual(error.errors, body.errors);
		assert.deepEqual(error.problem, body);
		assert.equal(error.message, '400 Bad Request: POST https://x/api/auth/signup: Some fields are invalid.');
		return true;
	});
});

test('message uses the status text when present', async () => {
	const fetch = fakeFetch({
		'GET /api/auth/csrf': csrfRoute(),
		'POST /api/notes': () =>
			new Response(JSON.stringify({ title: 'Forbidden', status: 403, detail: 'Nope.', code: 'forbidden' }), {
				status: 403,
				statusText: 'Forbidden',
				headers: { 'Content-Type': 'application/problem+json' },
			}),
	});
	const client = createClient({ baseUrl: 'https://x', fetch });
	await assert.rejects(client.request('POST', '/api/notes', { text: 't' }), {
		message: '403 Forbidden: POST https://x/api/notes: Nope.',
		errors: {},
	});
});

test('a 401 problem without errors has errors = {}', async () => {
	const fetch = fakeFetch({
		'GET /api/notes': () => problem({ status: 401, title: 'Unauthorized', detail: 'Please log in.', code: 'unauthenticated' }),
	});
	const client = createClient({ fetch });
	await assert.rejects(client.request('GET', '/api/notes'), (error) => {
		assert.equal(error.status, 401);
		assert.equal(error.code, 'unauthenticated');
		assert.deepEqual(error.errors, {});
		assert.equal(error.detail, 'Please log in.');
		return true;
	});
});

test('a non-JSON error body does not crash: detail falls back to the status text', async () => {
	const fetch = fakeFetch({
		'GET /api/notes': () =>
			new Response('<html><body>Bad Gateway</body></html>', {
				status: 502,
				statusText: 'Bad Gateway',
				headers: { 'Content-Type': 'text/html' },
			}),
	});
	const client = createClient({ fetch });
	await assert.rejects(client.request('GET', '/api/notes'), (error) => {
		assert.ok(error instanceof HTTPError);
		assert.equal(error.status, 502);
		assert.equal(error.detail, 'Bad Gateway');
		assert.equal(error.title, 'Bad Gateway');
		assert.equal(error.code, undefined);
		assert.deepEqual(error.errors, {});
		assert.equal(error.problem, null);
		assert.equal(error.message, '502 Bad Gateway: GET /api/notes: Bad Gateway');
		return true;
	});
});

test('malformed JSON and empty error bodies fall back too (no status text: standard reason phrase)', async () => {
	const fetch = fakeFetch({
		'GET /a': () => new Response('{"detail": ', { status: 500, headers: { 'Content-Type': 'application/json' } }),
		'GET /b': () => new Response(null, { status: 404 }),
	});
	const client = createClient({ fetch });
	await assert.rejects(client.request('GET', '/a'), { status: 500, detail: 'Internal Server Error', problem: null });
	await assert.rejects(client.request('GET', '/b'), { status: 404, detail: 'Not Found', problem: null });
});

test('a rejected fetch becomes a NetworkError with cause', async () => {
	const cause = new TypeError('fetch failed');
	const client = createClient({
		baseUrl: 'https://api.example.com',
		fetch: async () => {
			throw cause;
		},
	});
	await assert.rejects(client.session(), (error) => {
		assert.ok(error instanceof NetworkError);
		assert.ok(error instanceof SpaAuthError);
		assert.equal(error.name, 'NetworkError');
		assert.equal(error.cause, cause);
		assert.equal(error.method, 'GET');
		assert.equal(error.url, 'https://api.example.com/api/auth/session');
		assert.match(error.message, /^Network error: could not reach the server for GET https:\/\/api\.example\.com\/api\/auth\/session \(fetch failed\)$/);
		return true;
	});
});

test('a network failure while priming is a NetworkError too', async () => {
	const client = createClient({
		fetch: async () => {
			throw new TypeError('Failed to fetch');
		},
	});
	await assert.rejects(client.logout(), NetworkError);
});

test('a body that fails while being read becomes a NetworkError', async () => {
	const client = createClient({
		fetch: async () => ({
			ok: true,
			status: 200,
			statusText: 'OK',
			headers: new Headers({ 'Content-Type': 'application/json' }),
			text: async () => {
				throw new TypeError('terminated');
			},
		}),
	});
	await assert.rejects(client.session(), NetworkError);
});
