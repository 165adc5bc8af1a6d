/**
 * Server-side sessions: starting and ending them (log-in, log-out, renewal), their timeouts and
 * freshness (re-authentication), the store in front of Spring Session, and the user's own list of
 * sessions with revocation.
 */
@NullMarked
package dev.spaauth.session;

import org.jspecify.annotations.NullMarked;
