package dev.spaauth.doctor;

import java.util.Map;

/**
 * {@code csrf-required}: an unsafe request from the SPA's origin with the CSRF cookie but without the
 * token header is refused with 403 before the endpoint runs: the log-in path, where a missing check
 * allows login CSRF (OWASP CSRF Prevention Cheat Sheet, "Login CSRF"). 401 or 400 mean that the
 * request got through to the endpoint. A 404, 405 or 501 says that {@code --login-path} is wrong: a warning.
 */
final class CsrfRequiredCheck implements Check {

	@Override
	public String id() {
		return "csrf-required";
	}

	@Override
	public Finding run(Probe probe) {
		Target target = probe.target();
		Exchange answer = probe.client().send("POST", target.loginPath(), Map.of("Origin", target.spaOrigin()),
				"{\"" + target.usernameField() + "\": \"doctor-probe\", \"password\": \"not-a-password\"}",
				probe.primedJar());
		if (answer.status() == 403) {
			return pass("POST " + target.loginPath() + " without a token was refused: " + answer.summary());
		}
		if (answer.status() == 404 || answer.status() == 405 || answer.status() == 501) {
			return warn("POST " + target.loginPath() + " answered " + answer.status() + "; is the log-in path right?",
					"Give the log-in path with --login-path.");
		}
		return fail("POST " + target.loginPath() + " without a CSRF token was not refused: " + answer.summary(),
				"Check a CSRF token on every unsafe request, log-in included (Spring Security's CsrfFilter, Django's "
						+ "CsrfViewMiddleware; never exempt the log-in).");
	}

}
