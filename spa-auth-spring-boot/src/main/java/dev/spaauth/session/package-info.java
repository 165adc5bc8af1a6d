/**
 * Server-side session lifecycle: the session cookie, logging in and out of a session, and the absolute lifetime.
 */
@NullMarked
package dev.spaauth.session;

import org.jspecify.annotations.NullMarked;
