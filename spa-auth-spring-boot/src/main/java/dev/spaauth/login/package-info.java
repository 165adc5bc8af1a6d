/**
 * The JSON log-in, log-out and session-status endpoints.
 */
@NullMarked
package dev.spaauth.login;

import org.jspecify.annotations.NullMarked;
