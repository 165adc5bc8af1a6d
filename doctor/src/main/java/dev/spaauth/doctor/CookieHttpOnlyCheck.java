package dev.spaauth.doctor;

import java.util.Optional;

/**
 * {@code cookie-httponly}: the session cookie carries {@code HttpOnly}, so that a script injected
 * into a page cannot read the session id (RFC 6265bis section 4.1.2.6; OWASP ASVS 5.0 V3.3.4). The
 * CSRF cookie is meant to be read by the SPA and is not checked. Needs the session cookie: with
 * {@code --user}, the one the log-in sets.
 */
final class CookieHttpOnlyCheck implements Check {

	@Override
	public String id() {
		return "cookie-httponly";
	}

	@Override
	public Finding run(Probe probe) {
		Optional<SetCookie> session = probe.sessionCookie();
		if (session.isEmpty()) {
			return skip("No session cookie seen" + (probe.target().hasCredentials() ? " at log-in." : "."),
					probe.target().hasCredentials() ? "" : "Give --user and --password-env to see the session cookie.");
		}
		if (!session.get().httpOnly()) {
			return fail("The session cookie " + session.get().describe() + " is not HttpOnly.",
					"Mark the session cookie HttpOnly (Django: SESSION_COOKIE_HTTPONLY=True, the default).");
		}
		return pass("The session cookie " + session.get().name() + " is HttpOnly.");
	}

}
