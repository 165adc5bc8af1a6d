import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { getEventListeners } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, DEFAULT_TIMEOUT, NetworkError, SpaAuthError, TimeoutError } from '../src/index.js';
import { fakeFetch, json, problem, csrfRoute, csrfFailed } from './fake-fetch.js';

/** A fetch answer that never comes (the promise does not keep the process alive). */
const never = () => new Promise(() => {});

/** A handler that waits until `release()` is called; `arrived` resolves once the request is in. */
function gate(answer) {
	let release;
	let arrive;
	const released = new Promise((resolve) => (release = resolve));
	const arrived = new Promise((resolve) => (arrive = resolve));
	const handler = async (call) => {
		arrive(call);
		await released;
		return answer(call);
	};
	return { handler, arrived, release: () => release() };
}

/** Replaces setTimeout/clearTimeout while `body` runs; timers fire only through `fire()`. */
async function withFakeTimers(body) {
	const realSet = globalThis.setTimeout;
	const realClear = globalThis.clearTimeout;
	const timers = new Set();
	globalThis.setTimeout = (fn, ms) => {
		const timer = { fn, ms };
		timers.add(timer);
		return timer;
	};
	globalThis.clearTimeout = (timer) => timers.delete(timer);
	try {
		return await body({
			pending: () => [...timers].map((timer) => timer.ms),
			fire() {
				assert.equal(timers.size, 1, 'one pending timer');
				const [timer] = timers;
				timers.delete(timer);
				timer.fn();
			},
		});
	} finally {
		globalThis.setTimeout = realSet;
		globalThis.clearTimeout = realClear;
	}
}

const abortListeners = (signal) => getEventListeners(signal, 'abort').length;
const activeTimeouts = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;

describe('timeout', () => {
	test('a request without an answer in time rejects with a TimeoutError naming method and URL', async () => {
		const fetch = fakeFetch({ 'GET /api/slow': never });
		const client = createClient({ baseUrl: 'https://api.example.com', fetch, timeout: 30 });
		await assert.rejects(client.request('GET', '/api/slow'), (error) => {
			assert.ok(error instanceof TimeoutError);
			assert.ok(error instanceof SpaAuthError);
			assert.ok(!(error instanceof NetworkError));
			assert.equal(error.name, 'TimeoutError');
			assert.equal(error.method, 'GET');
			assert.equal(error.url, 'https://api.example.com/api/slow');
			assert.equal(error.timeout, 30);
			assert.equal(error.message, 'Request timed out after 30 ms: GET https://api.example.com/api/slow');
			const { signal } = fetch.calls[0].init;
			assert.equal(signal.aborted, true, "fetch's signal is aborted");
			assert.equal(signal.reason, error, '... with the TimeoutError as the reason');
			return true;
		});
	});

	test('covers reading the body, not just the headers', async () => {
		const stalledBody = () =>
			new Response(new ReadableStream({ start() {} }), { headers: { 'Content-Type': 'application/json' } });
		const client = createClient({ fetch: fakeFetch({ 'GET /api/slow': stalledBody }), timeout: 30 });
		await assert.rejects(client.request('GET', '/api/slow'), { name: 'TimeoutError', url: '/api/slow' });
	});

	test('defaults to 10 s, per HTTP request; the timer goes when the request settles', async () => {
		assert.equal(DEFAULT_TIMEOUT, 10_000);
		const csrf = gate(csrfRoute(['t1']));
		const post = gate(() => json({ id: 1 }, 201));
		const client = createClient({ fetch: fakeFetch({ 'GET /api/auth/csrf': csrf.handler, 'POST /api/notes': post.handler }) });
		await withFakeTimers(async (timers) => {
			const result = client.request('POST', '/api/notes', { text: 'x' });
			await csrf.arrived;
			assert.deepEqual(timers.pending(), [10_000], 'the priming request has its own timer');
			csrf.release();
			await post.arrived;
			assert.deepEqual(timers.pending(), [10_000], 'the request has a fresh one');
			post.release();
			assert.deepEqual(await result, { id: 1 });
			assert.deepEqual(timers.pending(), [], 'no timer left');
		});
	});

	test('the timer is cleared after HTTP errors and network errors too', async () => {
		const fetch = fakeFetch({
			'GET /api/missing': () => problem({ status: 404, title: 'Not Found', detail: 'No.', code: 'not_found' }),
			'GET /api/down': () => Promise.reject(new TypeError('fetch failed')),
		});
		const client = createClient({ fetch });
		await withFakeTimers(async (timers) => {
			await assert.rejects(client.request('GET', '/api/missing'), { status: 404 });
			await assert.rejects(client.request('GET', '/api/down'), NetworkError);
			assert.deepEqual(timers.pending(), []);
		});
	});

	test('a fired timer aborts the request even when fetch ignores its signal', async () => {
		const client = createClient({ fetch: fakeFetch({ 'GET /api/slow': never }), timeout: 5_000 });
		await withFakeTimers(async (timers) => {
			const result = client.request('GET', '/api/slow');
			await sleep(0);
			assert.deepEqual(timers.pending(), [5_000]);
			timers.fire();
			await assert.rejects(result, { name: 'TimeoutError', timeout: 5_000 });
		});
	});

	test('false disables it: no timer at all', async () => {
		const slow = gate(() => json({ ok: true }));
		const client = createClient({ fetch: fakeFetch({ 'GET /api/slow': slow.handler }), timeout: false });
		await withFakeTimers(async (timers) => {
			const result = client.request('GET', '/api/slow');
			await slow.arrived;
			assert.deepEqual(timers.pending(), []);
			slow.release();
			assert.deepEqual(await result, { ok: true });
		});
	});

	test('the per-call timeout replaces the client default', async () => {
		const slowAnswer = async () => {
			await sleep(60);
			return json({ ok: true });
		};
		const fetch = fakeFetch({ 'GET /api/slow': slowAnswer, 'GET /api/never': never });
		const strict = createClient({ fetch, timeout: 20 });
		assert.deepEqual(await strict.request('GET', '/api/slow', undefined, { timeout: false }), { ok: true });
		assert.deepEqual(await strict.request('GET', '/api/slow', undefined, { timeout: 5_000 }), { ok: true });
		await assert.rejects(strict.request('GET', '/api/slow'), { name: 'TimeoutError', timeout: 20 });

		const lenient = createClient({ fetch, timeout: false });
		await assert.rejects(lenient.request('GET', '/api/never', undefined, { timeout: 20 }), { name: 'TimeoutError', timeout: 20 });
		const named = createClient({ fetch: fakeFetch({ 'GET /api/auth/session': never }), timeout: 5_000 });
		await assert.rejects(named.session({ timeout: 20 }), { name: 'TimeoutError', url: '/api/auth/session', timeout: 20 });
	});

	test('the per-call timeout applies to CSRF priming and the csrf_failed retry', async () => {
		const fetch = fakeFetch({ 'GET /api/auth/csrf': csrfRoute(), 'POST /api/notes': [csrfFailed, () => json({ id: 1 }, 201)] });
		const client = createClient({ fetch });
		await withFakeTimers(async (timers) => {
			const delays = [];
			const record = globalThis.setTimeout;
			globalThis.setTimeout = (fn, ms) => (delays.push(ms), record(fn, ms));
			await client.request('POST', '/api/notes', { text: 'x' }, { timeout: 1234 });
			assert.deepEqual(delays, [1234, 1234, 1234, 1234], 'csrf, POST, csrf, POST');
			assert.deepEqual(timers.pending(), []);
		});
	});

	test('an invalid timeout is refused, by createClient and per call', async () => {
		for (const timeout of [0, -1, 1.5e10, Number.NaN, Number.POSITIVE_INFINITY]) {
			assert.throws(() => createClient({ fetch: fakeFetch({}), timeout }), RangeError, String(timeout));
		}
		for (const timeout of ['10s', true, null, {}]) {
			assert.throws(() => createClient({ fetch: fakeFetch({}), timeout }), TypeError, String(timeout));
		}
		const fetch = fakeFetch({});
		const client = createClient({ fetch });
		await assert.rejects(client.session({ timeout: 0 }), RangeError);
		await assert.rejects(client.request('GET', '/x', undefined, { timeout: '1' }), TypeError);
		await assert.rejects(client.session('fast'), TypeError);
		assert.equal(fetch.calls.length, 0);
	});
});

describe('signal', () => {
	test('aborted before the call: rejects with the reason, nothing is sent, not even the priming', async () => {
		const fetch = fakeFetch({ 'GET /api/auth/csrf': csrfRoute(), 'POST /api/notes': () => json({ id: 1 }, 201) });
		const client = createClient({ fetch });
		const controller = new AbortController();
		controller.abort();
		await assert.rejects(client.request('POST', '/api/notes', { text: 'x' }, { signal: controller.signal }), (error) => {
			assert.equal(error, controller.signal.reason, 'the reason itself');
			assert.ok(error instanceof DOMException);
			assert.equal(error.name, 'AbortError');
			return true;
		});
		await assert.rejects(client.csrf({ signal: controller.signal }), { name: 'AbortError' });
		await assert.rejects(client.request('GET', '/api/notes', undefined, { signal: controller.signal }), { name: 'AbortError' });
		assert.equal(fetch.calls.length, 0);

		await client.csrf();
		await assert.rejects(client.request('DELETE', '/api/notes/1', undefined, { signal: controller.signal }), { name: 'AbortError' });
		assert.deepEqual(fetch.calls.map((c) => c.path), ['/api/auth/csrf'], 'with a token known, still nothing sent');
	});

	test('every method passes its trailing { signal, timeout } on', async () => {
		const fetch = fakeFetch({});
		const client = createClient({ fetch });
		const calls = {
			csrf: [],
			session: [],
			login: ['alice', 'pw'],
			signup: [{ username: 'alice', email: 'a@example.com', password: 'pw' }],
			logout: [],
			reauthenticate: ['pw'],
			changePassword: [{ currentPassword: 'a', newPassword: 'b' }],
			changeEmail: ['new@example.com'],
			confirmEmail: ['tok'],
			requestPasswordReset: ['a@example.com'],
			resetPassword: [{ token: 'tok', newPassword: 'b' }],
			listSessions: [],
			revokeSession: ['h1'],
			revokeOtherSessions: [],
			reportSignIn: ['tok'],
			verifyEmail: ['tok'],
			resendVerification: ['a@example.com'],
			deleteAccount: [],
			request: ['GET', '/api/notes', undefined],
		};
		const mfaCalls = {
			verify: ['totp', '123456'],
			status: [],
			setupTotp: [],
			confirmTotp: ['123456'],
			removeTotp: [],
			regenerateRecoveryCodes: [],
		};
		const passkeyCalls = { list: [], register: ['Laptop'], rename: ['id1', 'Phone'], remove: ['id1'], signIn: [], reauthenticate: [] };
		const providerCalls = { list: [], identities: [], unlink: [7] };
		assert.deepEqual([...Object.keys(calls), 'mfa', 'passkey', 'provider'].sort(), Object.keys(client).sort(), 'every method is covered');
		assert.deepEqual(
			[...Object.keys(providerCalls), 'signIn', 'link', 'reauthenticate', 'completeRedirect'].sort(),
			Object.keys(client.provider).sort(),
			'every provider method is covered (the navigating ones in provider.test.js)',
		);
		assert.deepEqual(
			[...Object.keys(passkeyCalls), 'isSupported'].sort(),
			Object.keys(client.passkey).sort(),
			'every passkey method is covered',
		);
		assert.deepEqual(Object.keys(mfaCalls).sort(), Object.keys(client.mfa).sort(), 'every mfa method is covered');
		const controller = new AbortController();
		controller.abort(new Error('stop'));
		const all = [
			...Object.entries(calls).map(([name, args]) => [name, client[name], args]),
			...Object.entries(mfaCalls).map(([name, args]) => [`mfa.${name}`, client.mfa[name], args]),
			...Object.entries(passkeyCalls).map(([name, args]) => [`passkey.${name}`, client.passkey[name], args]),
			...Object.entries(providerCalls).map(([name, args]) => [`provider.${name}`, client.provider[name], args]),
		];
		for (const [name, method, args] of all) {
			await assert.rejects(method(...args, { signal: controller.signal }), { message: 'stop' }, name);
			await assert.rejects(method(...args, { timeout: -1 }), RangeError, name);
		}
		assert.equal(fetch.calls.length, 0);
	});

	test("aborted during the request: rejects with the caller's own reason, unwrapped, and aborts fetch", async () => {
		const slow = gate(() => json({ ok: true }));
		const fetch = fakeFetch({ 'GET /api/slow': slow.handler });
		const client = createClient({ fetch });
		const controller = new AbortController();
		const reason = new Error('the user left the page');
		const result = client.request('GET', '/api/slow', undefined, { signal: controller.signal });
		const call = await slow.arrived;
		assert.notEqual(call.init.signal, controller.signal, 'fetch gets a signal of its own');
		assert.equal(call.init.signal.aborted, false);
		controller.abort(reason);
		await assert.rejects(result, (error) => {
			assert.equal(error, reason);
			return true;
		});
		assert.equal(call.init.signal.aborted, true);
		assert.equal(call.init.signal.reason, reason);
		assert.equal(abortListeners(controller.signal), 0);
	});

	test('aborted while priming: no unsafe request follows', async () => {
		const csrf = gate(csrfRoute());
		const fetch = fakeFetch({ 'GET /api/auth/csrf': csrf.handler, 'POST /api/notes': () => json({ id: 1 }, 201) });
		const client = createClient({ fetch });
		const controller = new AbortController();
		const result = client.request('POST', '/api/notes', { text: 'x' }, { signal: controller.signal });
		const priming = await csrf.arrived;
		controller.abort();
		await assert.rejects(result, { name: 'AbortError' });
		assert.equal(priming.init.signal.aborted, true, 'the priming request is aborted: nobody else waits for it');
		csrf.release();
		await sleep(10);
		assert.deepEqual(fetch.calls.map((c) => c.path), ['/api/auth/csrf']);
	});

	test('aborted while a 403 csrf_failed comes back: neither re-primed nor retried', async () => {
		const controller = new AbortController();
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'POST /api/notes': () => {
				controller.abort();
				return csrfFailed();
			},
		});
		const client = createClient({ fetch });
		await assert.rejects(client.request('POST', '/api/notes', { text: 'x' }, { signal: controller.signal }), { name: 'AbortError' });
		await sleep(10);
		assert.deepEqual(fetch.calls.map((c) => c.path), ['/api/auth/csrf', '/api/notes']);
	});

	test('aborted while re-priming after csrf_failed: not retried', async () => {
		let csrfCalls = 0;
		const second = gate(csrfRoute(['t2']));
		const fetch = fakeFetch({
			'GET /api/auth/csrf': (call) => (++csrfCalls === 1 ? json({ csrfToken: 't1', headerName: 'X-XSRF-TOKEN' }) : second.handler(call)),
			'POST /api/notes': csrfFailed,
		});
		const client = createClient({ fetch });
		const controller = new AbortController();
		const result = client.request('POST', '/api/notes', { text: 'x' }, { signal: controller.signal });
		await second.arrived;
		controller.abort();
		await assert.rejects(result, { name: 'AbortError' });
		second.release();
		await sleep(10);
		assert.deepEqual(fetch.calls.map((c) => c.path), ['/api/auth/csrf', '/api/notes', '/api/auth/csrf']);
	});

	test('concurrent calls share the priming: one aborting leaves it to the others; all aborting ends it', async () => {
		const csrf = gate(csrfRoute(['t1']));
		const fetch = fakeFetch({ 'GET /api/auth/csrf': csrf.handler, 'POST /api/notes': () => json({ id: 1 }, 201) });
		const client = createClient({ fetch });
		const a = new AbortController();
		const b = new AbortController();
		const first = client.request('POST', '/api/notes', { n: 1 }, { signal: a.signal });
		const second = client.request('POST', '/api/notes', { n: 2 }, { signal: b.signal });
		const priming = await csrf.arrived;
		a.abort();
		await assert.rejects(first, { name: 'AbortError' });
		assert.equal(priming.init.signal.aborted, false, 'the other call still waits for it');
		csrf.release();
		assert.deepEqual(await second, { id: 1 });
		assert.deepEqual(fetch.calls.map((c) => `${c.path} ${c.body?.n ?? ''}`), ['/api/auth/csrf ', '/api/notes 2']);

		const lone = gate(csrfRoute(['t2']));
		const other = createClient({ fetch: fakeFetch({ 'GET /api/auth/csrf': lone.handler }) });
		const c = new AbortController();
		const d = new AbortController();
		const third = other.csrf({ signal: c.signal });
		const fourth = other.csrf({ signal: d.signal });
		const shared = await lone.arrived;
		c.abort();
		d.abort();
		await assert.rejects(third, { name: 'AbortError' });
		await assert.rejects(fourth, { name: 'AbortError' });
		assert.equal(shared.init.signal.aborted, true);
	});

	test('aborted while the password prompt is open: the prompt is told, nothing is sent after it', async () => {
		const reauthRequired = () =>
			problem({ status: 403, title: 'Forbidden', detail: 'Confirm your password.', code: 'reauthentication_required' });
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'POST /api/auth/email': reauthRequired,
			'POST /api/auth/reauthenticate': () => json({ reauthenticatedUntil: 'later', csrfToken: 't9' }),
		});
		let answer;
		let context;
		const client = createClient({
			fetch,
			onReauthenticationRequired: (ctx) => {
				context = ctx;
				return new Promise((resolve) => (answer = resolve));
			},
		});
		const controller = new AbortController();
		const result = client.changeEmail('new@example.com', { signal: controller.signal });
		while (context === undefined) await sleep(1);
		assert.equal(context.signal.aborted, false);
		controller.abort();
		await assert.rejects(result, { name: 'AbortError' });
		assert.equal(context.signal.aborted, true, 'the prompt can close itself');
		answer('correct horse');
		await sleep(10);
		assert.deepEqual(fetch.calls.map((c) => c.path), ['/api/auth/csrf', '/api/auth/email']);
	});

	test('the client-wide signal aborts every call; a per-call signal applies as well', async () => {
		const app = new AbortController();
		const fetch = fakeFetch({ 'GET /api/slow': never, 'GET /api/auth/session': () => json({ authenticated: false }) });
		const client = createClient({ fetch, signal: app.signal, timeout: false });

		const own = new AbortController();
		const byOwn = client.request('GET', '/api/slow', undefined, { signal: own.signal });
		await sleep(0);
		own.abort(new Error('own'));
		await assert.rejects(byOwn, { message: 'own' });
		assert.deepEqual(await client.session(), { authenticated: false }, 'the client still works');

		const byApp = [client.request('GET', '/api/slow'), client.request('GET', '/api/slow', undefined, { signal: new AbortController().signal })];
		await sleep(0);
		app.abort(new Error('app closed'));
		for (const result of byApp) await assert.rejects(result, { message: 'app closed' });
		await assert.rejects(client.session(), { message: 'app closed' });
		assert.equal(abortListeners(app.signal), 0);
	});

	test('no listeners are left on long-lived signals after calls settle', async () => {
		const app = new AbortController();
		const call = new AbortController();
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(),
			'GET /api/ok': () => json({}),
			'GET /api/missing': () => problem({ status: 404, title: 'Not Found', detail: 'No.' }),
			'POST /api/notes': [csrfFailed, () => json({ id: 1 }, 201)],
			'GET /api/slow': never,
		});
		const client = createClient({ fetch, signal: app.signal });
		for (let i = 0; i < 3; i++) {
			await client.request('GET', '/api/ok', undefined, { signal: call.signal });
			await assert.rejects(client.request('GET', '/api/missing', undefined, { signal: call.signal }), { status: 404 });
			await client.request('POST', '/api/notes', {}, { signal: call.signal });
			await assert.rejects(client.request('GET', '/api/slow', undefined, { signal: call.signal, timeout: 5 }), TimeoutError);
		}
		assert.equal(abortListeners(app.signal), 0);
		assert.equal(abortListeners(call.signal), 0);
	});

	test('an invalid signal is a TypeError', async () => {
		assert.throws(() => createClient({ fetch: fakeFetch({}), signal: new AbortController() }), TypeError);
		assert.throws(() => createClient({ fetch: fakeFetch({}), signal: null }), TypeError);
		const client = createClient({ fetch: fakeFetch({}) });
		await assert.rejects(client.logout({ signal: 'stop' }), TypeError);
	});
});

describe('nothing is left behind', () => {
	test('no timer stays active after calls settle', async () => {
		const before = activeTimeouts();
		const fetch = fakeFetch({ 'GET /api/auth/csrf': csrfRoute(), 'POST /api/notes': () => json({ id: 1 }, 201), 'GET /api/slow': never });
		const client = createClient({ fetch, timeout: 60_000 });
		await client.request('POST', '/api/notes', {});
		const controller = new AbortController();
		const aborted = client.request('GET', '/api/slow', undefined, { signal: controller.signal });
		await sleep(0);
		assert.equal(activeTimeouts(), before + 1, 'the pending request has its timer');
		controller.abort();
		await assert.rejects(aborted, { name: 'AbortError' });
		assert.equal(activeTimeouts(), before);
	});

	test('a process that made requests with the default 10 s timeout exits at once', async () => {
		const index = fileURLToPath(new URL('../src/index.js', import.meta.url));
		const script = `
			const { createClient } = await import(${JSON.stringify(`file://${index}`)});
			const fetch = async () => new Response('{"authenticated":false}', { headers: { 'Content-Type': 'application/json' } });
			const client = createClient({ fetch });
			await client.session();
			await client.request('GET', '/api/x', undefined, { signal: new AbortController().signal });
		`;
		const started = Date.now();
		const code = await new Promise((resolve, reject) => {
			const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
			child.on('error', reject);
			child.on('exit', resolve);
		});
		assert.equal(code, 0);
		assert.ok(Date.now() - started < 5_000, `exited after ${Date.now() - started} ms`);
	});
});
