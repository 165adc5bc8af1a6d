package dev.spaauth.doctor;

import java.util.List;

/**
 * {@code csrf-priming}: the CSRF priming GET answers 200 and hands out a token, in its JSON
 * ({@code csrfToken}) or as a cookie, as the SPA needs before its first unsafe request (OWASP CSRF
 * Prevention Cheat Sheet, "Signed Double-Submit Cookie"). A cross-origin SPA cannot read the API's
 * cookies, so there the token must be in the body.
 */
final class CsrfPrimingCheck implements Check {

	@Override
	public String id() {
		return "csrf-priming";
	}

	@Override
	public Finding run(Probe probe) {
		Exchange priming = probe.priming();
		String path = "GET " + probe.target().csrfPath();
		String fix = "Make " + path + " answer 200 with the token in its JSON and the CSRF cookie (check --csrf-path).";
		if (priming.status() != 200) {
			return fail(path + " answered " + priming.status() + ".", fix);
		}
		List<SetCookie> cookies = priming.cookies();
		boolean inBody = priming.jsonText("csrfToken").isPresent();
		String cookie = probe.csrfCookieName();
		if (!inBody && cookie == null) {
			return fail(path + " answered 200 but gave no token: no csrfToken in the JSON and no cookie.", fix);
		}
		String saw = path + " answered 200" + (inBody ? " with csrfToken in the JSON" : "")
				+ ((cookie != null) ? (inBody ? " and" : " with") + " the cookie " + cookie : "") + ".";
		if (!inBody && probe.target().relation() != SiteRelation.SAME_ORIGIN) {
			return fail(saw + " The SPA is on another origin and cannot read the API's cookies, so it cannot get the token.",
					"Return the token in the JSON body of " + path + " (and of log-in and log-out) for a cross-origin SPA.");
		}
		if (cookies.size() > 1) {
			return pass(saw + " It also set " + (cookies.size() - 1) + " other cookie(s).");
		}
		return pass(saw);
	}

}
