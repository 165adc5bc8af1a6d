/**
 * The user's own sessions: listing and revoking them.
 */
@NullMarked
package dev.spaauth.sessions;

import org.jspecify.annotations.NullMarked;
