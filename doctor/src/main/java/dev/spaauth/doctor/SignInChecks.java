package dev.spaauth.doctor;

import java.util.List;

import dev.spaauth.doctor.Probe.SignIn;

/**
 * The checks that need a user ({@code --user}, password from {@code --password-env}), all reading
 * the one sign-in flow of {@link Probe#signIn()}; each is skipped without credentials and when an
 * earlier step of the flow failed.
 */
final class SignInChecks {

	private static final String NO_CREDENTIALS = "No credentials given.";

	private static final String GIVE_CREDENTIALS = "Give --user and --password-env (a test account) to check sign-in.";

	private SignInChecks() {
	}

	static List<Check> all() {
		return List.of(new Login(), new SessionRoundTrip(), new SessionIdRotation(), new Logout());
	}

	/**
	 * {@code login}: a log-in from the SPA's origin with the token answers 2xx and sets a session cookie.
	 */
	static final class Login implements Check {

		@Override
		public String id() {
			return "login";
		}

		@Override
		public Finding run(Probe probe) {
			SignIn signIn = probe.signIn();
			if (signIn == null) {
				return skip(NO_CREDENTIALS, GIVE_CREDENTIALS);
			}
			if (!signIn.login().ok()) {
				return fail("The log-in failed: " + signIn.login().summary() + ".",
						"Check the credentials, --login-path and --username-field; a 403 means the token or the origin "
								+ "was refused (see csrf-priming, forwarded-headers, cors-spa-origin).");
			}
			if (signIn.sessionCookie() == null) {
				return fail("The log-in answered " + signIn.login().status() + " but set no session cookie.",
						"Start a session at log-in and send its cookie.");
			}
			return pass("POST " + probe.target().loginPath() + " answered " + signIn.login().status()
					+ " and set the session cookie " + signIn.sessionCookie() + ".");
		}

	}

	/** {@code session-round-trip}: the session cookie the log-in set signs in the next request. */
	static final class SessionRoundTrip implements Check {

		@Override
		public String id() {
			return "session-round-trip";
		}

		@Override
		public Finding run(Probe probe) {
			SignIn signIn = probe.signIn();
			if (signIn == null || signIn.session() == null) {
				return skip((signIn == null) ? NO_CREDENTIALS : "The log-in failed (see login).",
						(signIn == null) ? GIVE_CREDENTIALS : "");
			}
			if (!signIn.session().signedIn()) {
				return fail("With the session cookie, " + signIn.session().summary() + ": not signed in.",
						"Check --session-path, and that the session store keeps the session (one shared store behind a "
								+ "load balancer).");
			}
			return pass("GET " + probe.target().sessionPath() + " with the session cookie answered "
					+ signIn.session().status() + ", signed in.");
		}

	}

	/**
	 * {@code session-id-rotation}: a log-in replaces the session id the client already had, and the
	 * old id no longer signs in (session fixation: OWASP ASVS 5.0 V7.2.4, OWASP Session Management Cheat
	 * Sheet "Renew the Session ID After Any Privilege Level Change"). Seen by logging in a second time
	 * with the first log-in's cookie.
	 */
	static final class SessionIdRotation implements Check {

		@Override
		public String id() {
			return "session-id-rotation";
		}

		@Override
		public Finding run(Probe probe) {
			SignIn signIn = probe.signIn();
			if (signIn == null || signIn.secondLogin() == null) {
				return skip((signIn == null) ? NO_CREDENTIALS : "The log-in failed (see login).",
						(signIn == null) ? GIVE_CREDENTIALS : "");
			}
			String fix = "Give the client a new session id at log-in and invalidate the old one (Spring Security's "
					+ "session fixation protection, Django's login(); spa-auth does).";
			if (!signIn.secondLogin().ok()) {
				return fail("A log-in with an existing session's cookie failed: " + signIn.secondLogin().summary() + ".", fix);
			}
			if (signIn.secondId() == null || signIn.secondId().equals(signIn.firstId())) {
				return fail("A log-in with an existing session kept its id.", fix);
			}
			if (signIn.firstIdReplay().signedIn()) {
				return fail("The session id from before the log-in still signs in: " + signIn.firstIdReplay().summary() + ".",
						fix);
			}
			return pass("A log-in with an existing session set a new id, and the old id no longer signs in (GET "
					+ probe.target().sessionPath() + " -> " + signIn.firstIdReplay().brief() + ").");
		}

	}

	/** {@code logout}: the log-out answers 2xx and the session id stops working on the server. */
	static final class Logout implements Check {

		@Override
		public String id() {
			return "logout";
		}

		@Override
		public Finding run(Probe probe) {
			SignIn signIn = probe.signIn();
			if (signIn == null || signIn.logout() == null) {
				return skip((signIn == null) ? NO_CREDENTIALS : "The log-in failed (see login).",
						(signIn == null) ? GIVE_CREDENTIALS : "");
			}
			String fix = "Delete the session on the server at log-out (not only the cookie), and check --logout-path.";
			if (!signIn.logout().ok()) {
				return fail("The log-out failed: " + signIn.logout().summary() + ".", fix);
			}
			if (signIn.afterLogout() == null || signIn.afterLogout().signedIn()) {
				return fail("After log-out the session id still signs in"
						+ ((signIn.afterLogout() != null) ? ": " + signIn.afterLogout().summary() : "") + ".", fix);
			}
			boolean cookieCleared = signIn.logout().cookies().stream()
				.anyMatch((cookie) -> cookie.name().equals(signIn.sessionCookie()) && cookie.deletion());
			return pass(probe.target().logoutMethod() + " " + probe.target().logoutPath() + " answered " + signIn.logout().status()
					+ ", the session id no longer signs in (" + signIn.afterLogout().brief() + ")"
					+ (cookieCleared ? " and the cookie was removed." : "."));
		}

	}

}
