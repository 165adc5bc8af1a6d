package dev.spaauth.doctor;

import java.util.Locale;
import java.util.Map;

import dev.spaauth.doctor.ApiClient.Jar;

/**
 * {@code csrf-required}: an unsafe request from the SPA's origin with the CSRF cookie but without the
 * token header is refused with 403 before the endpoint runs: the log-in path, where a missing check
 * allows login CSRF (OWASP CSRF Prevention Cheat Sheet, "Login CSRF").
 * <p>
 * A 403 alone proves nothing: Django REST Framework answers wrong credentials with 403 too. So the same
 * bogus log-in is also sent with the token, and the check passes only when the tokenless one is refused
 * with 403 and either its body names a CSRF failure ({@code csrf} in any case) or the one with the token
 * is not a 403. Both refused alike (same status and body) means the refusal is not a CSRF check: a
 * failure; both 403 with different bodies cannot be told apart: a warning. A tokenless answer other than
 * 403 fails, except 404, 405 or 501, which say that {@code --login-path} is wrong: a warning.
 */
final class CsrfRequiredCheck implements Check {

	private static final String FIX = "Check a CSRF token on every unsafe request, log-in included (Spring Security's "
			+ "CsrfFilter, Django's CsrfViewMiddleware; never exempt the log-in).";

	@Override
	public String id() {
		return "csrf-required";
	}

	@Override
	public Finding run(Probe probe) {
		Target target = probe.target();
		String bogusLogin = "{\"" + target.usernameField() + "\": \"doctor-probe\", \"password\": \"not-a-password\"}";
		Exchange without = probe.client().send("POST", target.loginPath(), Map.of("Origin", target.spaOrigin()),
				bogusLogin, probe.primedJar());
		if (without.status() == 404 || without.status() == 405 || without.status() == 501) {
			return warn("POST " + target.loginPath() + " answered " + without.status() + "; is the log-in path right?",
					"Give the log-in path with --login-path.");
		}
		if (without.status() != 403) {
			return fail("POST " + target.loginPath() + " without a CSRF token was not refused: " + without.summary(), FIX);
		}
		if (without.body().toLowerCase(Locale.ROOT).contains("csrf")) {
			return pass("POST " + target.loginPath() + " without a token was refused as a CSRF failure: "
					+ without.summary());
		}
		Jar jar = probe.primedJar();
		String token = probe.csrfToken(probe.priming(), jar);
		if (token == null) {
			return warn("POST " + target.loginPath() + " without a token was refused (" + without.summary()
					+ "), but the priming answer gave no token to tell a CSRF refusal from a refused log-in.",
					"Give the CSRF priming path with --csrf-path.");
		}
		Exchange with = probe.post(target.loginPath(), bogusLogin, token, jar);
		if (with.status() != 403) {
			return pass("POST " + target.loginPath() + " was refused without a token (" + without.brief()
					+ ") and not with one (" + with.brief() + ").");
		}
		if (with.body().equals(without.body())) {
			return fail("POST " + target.loginPath() + " was refused alike with and without a CSRF token ("
					+ without.summary() + "): the 403 is the log-in's answer to bad credentials, not a CSRF check.",
					FIX + " If the backend reads the token from another header, give it with --csrf-header.");
		}
		return warn("POST " + target.loginPath() + " was refused with 403 both without a token (" + without.brief()
				+ ") and with one (" + with.brief() + "); cannot tell whether a CSRF check refused the first.",
				"Check that the log-in refuses a request without a CSRF token with an answer that says so.");
	}

}
