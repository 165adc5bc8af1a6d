/**
 * Signing in with OpenID Connect and OAuth 2.0 providers through the backend (the
 * backend-for-frontend shape): the backend runs the authorization-code flow with PKCE, {@code state}
 * and {@code nonce} (Spring Security's OAuth 2.0 client, registrations from Boot's
 * {@code spring.security.oauth2.client.*}), the browser never holds a provider's token, and the SPA
 * finishes with a one-time code bound to a verifier only it holds. Provider identities sign in to an
 * account only once linked to it, never by a matching email address.
 */
@NullMarked
package dev.spaauth.provider;

import org.jspecify.annotations.NullMarked;
