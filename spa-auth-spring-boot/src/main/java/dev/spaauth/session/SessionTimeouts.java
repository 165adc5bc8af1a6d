package dev.spaauth.session;

import java.time.Duration;

/**
 * How long a session lives (OWASP Session Management Cheat Sheet, "Session Expiration"; ASVS 7.3.1,
 * 7.3.2).
 *
 * @param idle how long a session lives without requests; the store ends it then
 * @param absolute how long a session lives after log-in however active it is, at least {@code idle};
 * {@link AbsoluteSessionTimeoutFilter} ends it then
 */
public record SessionTimeouts(Duration idle, Duration absolute) {
}
