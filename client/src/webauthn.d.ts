// Generated from the JSDoc in the .js file of the same name by `npm run types`; do not edit.
/**
 * Decodes base64url (with or without padding).
 * @param {string} text
 * @returns {ArrayBuffer}
 */
export function fromBase64url(text: string): ArrayBuffer;
/**
 * Encodes bytes as base64url without padding.
 * @param {ArrayBuffer | ArrayBufferView} bytes
 * @returns {string}
 */
export function toBase64url(bytes: ArrayBuffer | ArrayBufferView): string;
/**
 * Creation options from their JSON form.
 * @param {any} json
 * @returns {any}
 */
export function creationOptionsFromJSON(json: any): any;
/**
 * Request options from their JSON form.
 * @param {any} json
 * @returns {any}
 */
export function requestOptionsFromJSON(json: any): any;
/**
 * A credential in its JSON form, as PublicKeyCredential.toJSON() writes it.
 * @param {any} credential
 * @returns {Record<string, unknown>}
 */
export function credentialToJSON(credential: any): Record<string, unknown>;
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
export function runCeremony(container: WebAuthnCredentials | null, ceremony: "create" | "get", optionsJSON: any, signal: AbortSignal | undefined): Promise<Record<string, unknown>>;
/**
 * The part of `navigator.credentials` the client uses.
 */
export type WebAuthnCredentials = {
    create: (options: any) => Promise<unknown>;
    get: (options: any) => Promise<unknown>;
};
