/**
 * Passkeys (WebAuthn, W3C Web Authentication Level 3) on Spring Security's relying party
 * ({@code spring-security-webauthn}, webauthn4j): registering, listing, renaming and deleting them,
 * signing in with one alone, and re-authenticating with one, as JSON endpoints. The relying party id
 * and the origins come from the deployment ({@link RelyingParty}); ceremony state lives in the
 * database, keyed by its challenge, never in a session ({@link PasskeyCeremonies}).
 */
@NullMarked
package dev.spaauth.passkey;

import org.jspecify.annotations.NullMarked;
