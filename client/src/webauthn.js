// WebAuthn's JSON forms in the browser: the server sends options as JSON (base64url byte strings,
// W3C WebAuthn Level 3 sections 5.1.9-5.1.10) and wants the credential back as
// PublicKeyCredential.toJSON() writes it. Browsers that have PublicKeyCredential.parse*FromJSON
// and toJSON() use them; for the others this module encodes and decodes itself.

import { SpaAuthError } from './errors/SpaAuthError.js';

/**
 * Decodes base64url (with or without padding).
 * @param {string} text
 * @returns {ArrayBuffer}
 */
export function fromBase64url(text) {
	const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes.buffer;
}

/**
 * Encodes bytes as base64url without padding.
 * @param {ArrayBuffer | ArrayBufferView} bytes
 * @returns {string}
 */
export function toBase64url(bytes) {
	const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let binary = '';
	for (const byte of view) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The browser's PublicKeyCredential, if it has one, with its JSON parsers when it has them.
 * @returns {{ parseCreationOptionsFromJSON?: (json: any) => any, parseRequestOptionsFromJSON?: (json: any) => any } | undefined}
 */
function nativeCredential() {
	return /** @type {any} */ (globalThis).PublicKeyCredential;
}

/**
 * @param {any} descriptors
 * @returns {any}
 */
function decodeDescriptors(descriptors) {
	return Array.isArray(descriptors) ? descriptors.map((d) => ({ ...d, id: fromBase64url(d.id) })) : descriptors;
}

/**
 * Creation options from their JSON form.
 * @param {any} json
 * @returns {any}
 */
export function creationOptionsFromJSON(json) {
	const native = nativeCredential();
	if (native && typeof native.parseCreationOptionsFromJSON === 'function') return native.parseCreationOptionsFromJSON(json);
	return {
		...json,
		challenge: fromBase64url(json.challenge),
		user: { ...json.user, id: fromBase64url(json.user.id) },
		excludeCredentials: decodeDescriptors(json.excludeCredentials),
	};
}

/**
 * Request options from their JSON form.
 * @param {any} json
 * @returns {any}
 */
export function requestOptionsFromJSON(json) {
	const native = nativeCredential();
	if (native && typeof native.parseRequestOptionsFromJSON === 'function') return native.parseRequestOptionsFromJSON(json);
	return { ...json, challenge: fromBase64url(json.challenge), allowCredentials: decodeDescriptors(json.allowCredentials) };
}

/**
 * A credential in its JSON form, as PublicKeyCredential.toJSON() writes it.
 * @param {any} credential
 * @returns {Record<string, unknown>}
 */
export function credentialToJSON(credential) {
	if (typeof credential.toJSON === 'function') return credential.toJSON();
	const response = credential.response;
	/** @type {Record<string, unknown>} */
	const json = { clientDataJSON: toBase64url(response.clientDataJSON) };
	if (response.attestationObject) {
		json.attestationObject = toBase64url(response.attestationObject);
		json.transports = typeof response.getTransports === 'function' ? response.getTransports() : [];
	} else {
		json.authenticatorData = toBase64url(response.authenticatorData);
		json.signature = toBase64url(response.signature);
		if (response.userHandle) json.userHandle = toBase64url(response.userHandle);
	}
	return {
		id: credential.id,
		rawId: toBase64url(credential.rawId),
		type: credential.type,
		response: json,
		clientExtensionResults: typeof credential.getClientExtensionResults === 'function' ? credential.getClientExtensionResults() : {},
		authenticatorAttachment: credential.authenticatorAttachment ?? null,
	};
}

/**
 * The part of `navigator.credentials` the client uses.
 * @typedef {object} WebAuthnCredentials
 * @property {(options: any) => Promise<unknown>} create
 * @property {(options: any) => Promise<unknown>} get
 */

/**
 * Runs `navigator.credentials.create` or `.get` with options in their JSON form.
 * @param {WebAuthnCredentials | null} container
 * @param {'create' | 'get'} ceremony
 * @param {any} optionsJSON
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<Record<string, unknown>>}
 */
export async function runCeremony(container, ceremony, optionsJSON, signal) {
	if (!container) {
		throw new SpaAuthError('spa-auth-client: this browser has no passkeys (navigator.credentials is missing)');
	}
	const publicKey = ceremony === 'create' ? creationOptionsFromJSON(optionsJSON) : requestOptionsFromJSON(optionsJSON);
	const credential = await container[ceremony]({ publicKey, signal });
	if (!credential) throw new SpaAuthError('spa-auth-client: no passkey was chosen');
	return credentialToJSON(credential);
}
