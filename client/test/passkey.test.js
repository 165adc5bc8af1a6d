import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, fromBase64url, toBase64url } from '../src/index.js';
import { fakeFetch, json, problem, csrfRoute, signedInSession } from './fake-fetch.js';

const user = { id: 1, username: 'alice', email: 'alice@example.com' };
const bytes = (...values) => new Uint8Array(values).buffer;

/** navigator.credentials as a test double: records the options, answers like a browser would. */
function fakeAuthenticator() {
	const seen = [];
	return {
		seen,
		async create(options) {
			seen.push(options);
			return {
				id: 'AQID',
				rawId: bytes(1, 2, 3),
				type: 'public-key',
				authenticatorAttachment: 'platform',
				getClientExtensionResults: () => ({ credProps: { rk: true } }),
				response: { clientDataJSON: bytes(123, 125), attestationObject: bytes(9, 9), getTransports: () => ['internal'] },
			};
		},
		async get(options) {
			seen.push(options);
			return {
				id: 'AQID',
				rawId: bytes(1, 2, 3),
				type: 'public-key',
				authenticatorAttachment: 'platform',
				getClientExtensionResults: () => ({}),
				response: { clientDataJSON: bytes(123, 125), authenticatorData: bytes(5), signature: bytes(6, 7), userHandle: bytes(8) },
			};
		},
	};
}

describe('passkeys', () => {
	test('base64url round-trips any bytes, padding or not', () => {
		const all = new Uint8Array(256).map((_, i) => i);
		assert.deepEqual(new Uint8Array(fromBase64url(toBase64url(all))), all);
		assert.equal(toBase64url(bytes(251, 255)), '-_8');
		assert.deepEqual(new Uint8Array(fromBase64url('-_8=')), new Uint8Array([251, 255]));
	});

	test('signIn decodes the options, asks the authenticator and posts its answer as toJSON() would', async () => {
		const authenticator = fakeAuthenticator();
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['anonymous']),
			'POST /api/auth/login/passkey/options': () =>
				json({ challenge: 'AAEC', rpId: 'example.com', userVerification: 'required', allowCredentials: [] }),
			'POST /api/auth/login/passkey': () => json({ user, csrfToken: 'signed-in' }),
			'GET /api/auth/session': signedInSession,
			'POST /api/notes': () => json({ id: 1 }, 201),
		});
		const client = createClient({ fetch, webAuthn: authenticator });

		const answer = await client.passkey.signIn();
		await client.request('POST', '/api/notes', {});

		assert.deepEqual(answer.user, user);
		assert.deepEqual(new Uint8Array(authenticator.seen[0].publicKey.challenge), new Uint8Array([0, 1, 2]));
		assert.equal(authenticator.seen[0].publicKey.rpId, 'example.com');
		const posted = fetch.calls.find((c) => c.path === '/api/auth/login/passkey').body;
		assert.deepEqual(posted.credential, {
			id: 'AQID',
			rawId: 'AQID',
			type: 'public-key',
			response: { clientDataJSON: 'e30', authenticatorData: 'BQ', signature: 'Bgc', userHandle: 'CA' },
			clientExtensionResults: {},
			authenticatorAttachment: 'platform',
		});
		assert.equal(fetch.calls.at(-1).headers['X-XSRF-TOKEN'], 'signed-in');
	});

	test('register decodes the user id and excluded credentials and posts the attestation with its label', async () => {
		const authenticator = fakeAuthenticator();
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['t1']),
			'POST /api/auth/passkeys/registration-options': () =>
				json({
					challenge: 'AAEC',
					rp: { id: 'example.com', name: 'Notes' },
					user: { id: 'BAU', name: 'alice', displayName: 'alice' },
					excludeCredentials: [{ type: 'public-key', id: 'CQ' }],
				}),
			'POST /api/auth/passkeys': () => json({ id: 'AQID', label: 'Laptop', createdAt: 'x', lastUsedAt: 'x' }, 201),
		});
		const client = createClient({ fetch, webAuthn: authenticator });

		const passkey = await client.passkey.register('Laptop');

		assert.equal(passkey.label, 'Laptop');
		const options = authenticator.seen[0].publicKey;
		assert.deepEqual(new Uint8Array(options.user.id), new Uint8Array([4, 5]));
		assert.deepEqual(new Uint8Array(options.excludeCredentials[0].id), new Uint8Array([9]));
		const posted = fetch.calls.find((c) => c.path === '/api/auth/passkeys').body;
		assert.equal(posted.label, 'Laptop');
		assert.deepEqual(posted.credential.response, { clientDataJSON: 'e30', attestationObject: 'CQk', transports: ['internal'] });
	});

	test('a re-authentication hook that answers true retries without a password', async () => {
		let attempts = 0;
		const fetch = fakeFetch({
			'GET /api/auth/csrf': csrfRoute(['t1']),
			'POST /api/auth/email': () =>
				++attempts === 1
					? problem({ status: 403, title: 'Forbidden', detail: 'Confirm it is you.', code: 'reauthentication_required' })
					: json({ pendingEmail: 'new@example.com' }, 202),
		});
		const client = createClient({ fetch, onReauthenticationRequired: () => true });

		const answer = await client.changeEmail('new@example.com');

		assert.equal(answer.pendingEmail, 'new@example.com');
		assert.deepEqual(
			fetch.calls.map((c) => c.path),
			['/api/auth/csrf', '/api/auth/email', '/api/auth/email'],
		);
	});

	test('without navigator.credentials a ceremony rejects with a SpaAuthError', async () => {
		const fetch = fakeFetch({ 'GET /api/auth/csrf': csrfRoute(['t1']), 'POST /api/auth/login/passkey/options': () => json({ challenge: 'AA' }) });
		const client = createClient({ fetch, webAuthn: null });

		await assert.rejects(client.passkey.signIn(), { name: 'SpaAuthError', message: /no passkeys/ });
		assert.equal(client.passkey.isSupported(), false);
	});
});
