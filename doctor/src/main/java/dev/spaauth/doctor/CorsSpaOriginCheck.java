package dev.spaauth.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code cors-spa-origin}: a SPA on another origin can call the API with cookies only when the API
 * answers its preflight and its requests with {@code Access-Control-Allow-Origin} equal to the SPA's
 * origin (never {@code *}, which browsers refuse with credentials), {@code
 * Access-Control-Allow-Credentials: true}, the method and the CSRF and {@code Content-Type} headers
 * allowed, and {@code Vary: Origin} so that no cache serves one origin's answer to another (Fetch
 * standard, "CORS protocol"). Skipped when the SPA and the API share an origin.
 */
final class CorsSpaOriginCheck implements Check {

	@Override
	public String id() {
		return "cors-spa-origin";
	}

	@Override
	public Finding run(Probe probe) {
		Target target = probe.target();
		if (target.relation() == SiteRelation.SAME_ORIGIN) {
			return skip("The SPA and the API share the origin " + target.apiOrigin() + ": no CORS needed.", "");
		}
		String origin = target.spaOrigin();
		List<String> problems = new ArrayList<>();
		Exchange preflight = Preflight.preflight(probe, origin);
		if (!preflight.ok()) {
			problems.add("the preflight answered " + preflight.status());
		}
		expectAllowed(preflight, "preflight", origin, problems);
		if (!preflight.headerTokens("Access-Control-Allow-Methods").contains("post")) {
			problems.add("the preflight does not allow POST (Access-Control-Allow-Methods: "
					+ preflight.header("Access-Control-Allow-Methods") + ")");
		}
		List<String> allowedHeaders = preflight.headerTokens("Access-Control-Allow-Headers");
		for (String header : List.of("content-type", probe.csrfHeader().toLowerCase(Locale.ROOT))) {
			if (!allowedHeaders.contains(header)) {
				problems.add("the preflight does not allow the header " + header + " (Access-Control-Allow-Headers: "
						+ preflight.header("Access-Control-Allow-Headers") + ")");
			}
		}
		Exchange get = Preflight.credentialedGet(probe, origin);
		expectAllowed(get, "GET " + target.sessionPath(), origin, problems);
		if (!get.headerTokens("Vary").contains("origin") && !get.headerTokens("Vary").contains("*")) {
			problems.add("GET " + target.sessionPath() + " has no Vary: Origin (Vary: " + get.header("Vary") + ")");
		}
		if (!problems.isEmpty()) {
			return fail("From the SPA's origin " + origin + ": " + String.join("; ", problems) + ".",
					"Allow exactly the SPA's origin with credentials (spa-auth: spa-auth.allowed-origins=" + origin
							+ " and spa-auth.public-origin; Django: django-cors-headers with CORS_ALLOWED_ORIGINS and "
							+ "CORS_ALLOW_CREDENTIALS=True) and let no proxy drop or add CORS headers.");
		}
		return pass("The preflight and GET " + target.sessionPath() + " from " + origin
				+ " echo the origin exactly, with credentials, POST, Content-Type and " + probe.csrfHeader()
				+ " allowed and Vary: Origin.");
	}

	private static void expectAllowed(Exchange answer, String what, String origin, List<String> problems) {
		List<String> allowOrigin = answer.headers().allValues("Access-Control-Allow-Origin");
		if (allowOrigin.size() != 1 || !allowOrigin.get(0).equals(origin)) {
			problems.add(what + " answered Access-Control-Allow-Origin " + (allowOrigin.isEmpty() ? "(none)" : allowOrigin));
		}
		if (!"true".equals(answer.header("Access-Control-Allow-Credentials"))) {
			problems.add(what + " answered Access-Control-Allow-Credentials "
					+ answer.header("Access-Control-Allow-Credentials"));
		}
	}

}
