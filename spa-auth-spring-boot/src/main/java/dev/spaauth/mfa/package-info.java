/**
 * Second factors and the two-step log-in: TOTP authenticator apps (RFC 6238), single-use recovery
 * codes, the half-done log-in that holds only the password factor, and its completion.
 */
@NullMarked
package dev.spaauth.mfa;

import org.jspecify.annotations.NullMarked;
