package dev.spaauth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * Keeps, per session and only on the server, when the user last re-authenticated, and tells whether
 * that was within the window that sensitive operations require (OWASP Authentication Cheat Sheet,
 * "Require Re-authentication for Sensitive Features"; ASVS 7.5.1). Logging in does not make a session
 * fresh: a script injected into the SPA right after log-in must still be unable to change the email
 * address, since it cannot type the password.
 */
public final class Reauthentication {

	/** Session attribute holding the time of the last proof, in epoch milliseconds. */
	public static final String ATTRIBUTE = "dev.spaauth.reauthenticatedAt";

	private final Duration window;

	private final Clock clock;

	/**
	 * Creates the policy.
	 * @param window how long a proof keeps a session fresh
	 * @param clock the source of the current time
	 */
	public Reauthentication(Duration window, Clock clock) {
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Records that the user just proved their password.
	 * @param session the session
	 * @return when the session stops being fresh
	 */
	public Instant markFresh(HttpSession session) {
		long now = this.clock.millis();
		session.setAttribute(ATTRIBUTE, now);
		return Instant.ofEpochMilli(now).plus(this.window);
	}

	/**
	 * Returns when the session stops being fresh.
	 * @param session the session
	 * @return the end of the window, possibly past, or null when the user never proved a password in it
	 */
	public @Nullable Instant freshUntil(HttpSession session) {
		Object at = session.getAttribute(ATTRIBUTE);
		return (at instanceof Number millis) ? Instant.ofEpochMilli(millis.longValue()).plus(this.window) : null;
	}

	/**
	 * Requires a fresh session.
	 * @param request the request of a sensitive operation
	 * @throws ReauthenticationRequiredException when the session is missing or not fresh
	 */
	public void requireFresh(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Instant until = (session != null) ? freshUntil(session) : null;
		if (until == null || !until.isAfter(this.clock.instant())) {
			throw new ReauthenticationRequiredException();
		}
	}

}
