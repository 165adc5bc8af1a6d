package dev.spaauth.doctor;

import java.util.Map;

/**
 * {@code forwarded-headers}: behind a TLS-ending proxy the backend must see the scheme and host that
 * browsers use (the proxy sends {@code X-Forwarded-Proto/Host/Port} and the backend trusts them).
 * Seen from outside through a generic signal: an unsafe request whose {@code Origin} is the API's own
 * public origin, with a valid CSRF token, must not be refused with 403, since backends that check
 * {@code Origin} (spa-auth, Spring Security, Django 4+) accept their own origin as they see it, and a
 * backend that sees {@code http://} or the proxy's address refuses it. The request is a log-in with an
 * empty JSON body, which a working backend answers 400 (or 401); a 404, 405 or 501 (no such path)
 * is a warning; without a CSRF token from the priming answer the check is skipped. A missing
 * {@code Strict-Transport-Security} over HTTPS is a hint too (Spring Security and Django send it only
 * on requests they see as secure): a warning, since a backend may just not send HSTS.
 */
final class ForwardedHeadersCheck implements Check {

	@Override
	public String id() {
		return "forwarded-headers";
	}

	@Override
	public Finding run(Probe probe) {
		Target target = probe.target();
		ApiClient.Jar jar = probe.primedJar();
		String token = probe.csrfToken(probe.priming(), jar);
		if (token == null) {
			// Without a token a 403 would be the CSRF check's, not a verdict on the origin.
			return skip("The priming answer gave no CSRF token (see csrf-priming), so a refusal could not be told "
					+ "from a CSRF failure.", "Give the priming path with --csrf-path.");
		}
		Exchange answer = probe.client().send("POST", target.loginPath(),
				Map.of("Origin", target.apiOrigin(), probe.csrfHeader(), token), "{}", jar);
		if (answer.status() == 404 || answer.status() == 405 || answer.status() == 501) {
			return warn("POST " + target.loginPath() + " answered " + answer.status() + ", so the doctor cannot tell what "
					+ "the backend sees.", "Give the log-in path with --login-path.");
		}
		if (answer.status() == 403) {
			return fail("An unsafe request from the API's own origin " + target.apiOrigin() + " with a valid token was "
					+ "refused: " + answer.summary() + ". The backend does not see the scheme or host browsers use.",
					"Make the proxy send X-Forwarded-Proto $scheme, X-Forwarded-Host $host and X-Forwarded-Port "
							+ "$server_port (and Host), and the backend trust them: Spring Boot "
							+ "server.forward-headers-strategy=native (or spa-auth.public-origin), Django "
							+ "SECURE_PROXY_SSL_HEADER and USE_X_FORWARDED_HOST.");
		}
		if (target.apiIsHttps() && probe.priming().header("Strict-Transport-Security") == null) {
			return warn("An unsafe request from the API's own origin was accepted (" + answer.status() + "), but "
					+ "answers carry no Strict-Transport-Security, which Spring Security and Django leave out when "
					+ "they see a request as plain HTTP.",
					"Check that the proxy sends X-Forwarded-Proto and the backend trusts it, or send HSTS.");
		}
		return pass("An unsafe request from the API's own origin " + target.apiOrigin() + " was not refused for its "
				+ "origin (" + answer.status() + ")" + (target.apiIsHttps() ? ", and HSTS shows the backend sees HTTPS." : "."));
	}

}
