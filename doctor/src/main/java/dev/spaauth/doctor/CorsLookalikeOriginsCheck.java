package dev.spaauth.doctor;

import java.util.ArrayList;
import java.util.List;

import dev.spaauth.doctor.Origins.Lookalike;

/**
 * {@code cors-lookalike-origins}: origins that only look like the SPA's (its host as a prefix or
 * suffix of another host, an unlisted sibling subdomain, plain {@code http}, another port, and
 * {@code null}) get no {@code Access-Control-Allow-Origin} echo, on the preflight or on a
 * credentialed GET. An echo fails: a page there could read the user's data with the user's cookies
 * (OWASP WSTG-CLNT-07; PortSwigger, "CORS vulnerability with basic origin reflection"). A
 * {@code *} is a warning: browsers do not honour it with credentials.
 */
final class CorsLookalikeOriginsCheck implements Check {

	@Override
	public String id() {
		return "cors-lookalike-origins";
	}

	@Override
	public Finding run(Probe probe) {
		List<String> echoed = new ArrayList<>();
		List<String> wildcard = new ArrayList<>();
		List<Lookalike> lookalikes = Origins.lookalikes(probe.target().spa());
		for (Lookalike lookalike : lookalikes) {
			for (Exchange answer : List.of(Preflight.preflight(probe, lookalike.origin()),
					Preflight.credentialedGet(probe, lookalike.origin()))) {
				List<String> allowOrigin = answer.headers().allValues("Access-Control-Allow-Origin");
				if (allowOrigin.contains(lookalike.origin())) {
					echoed.add(lookalike.kind() + " " + lookalike.origin() + " (" + answer.method() + ", credentials "
							+ answer.header("Access-Control-Allow-Credentials") + ")");
					break;
				}
				if (allowOrigin.contains("*")) {
					wildcard.add(lookalike.kind() + " " + lookalike.origin());
					break;
				}
			}
		}
		if (!echoed.isEmpty()) {
			return fail("Access-Control-Allow-Origin echoed the look-alike origin(s) " + String.join(", ", echoed) + ".",
					"Compare the Origin with an exact list of SPA origins (never a regex, prefix, suffix or the request's "
							+ "own Origin echoed by a proxy), and answer other origins without CORS headers.");
		}
		if (!wildcard.isEmpty()) {
			return warn("Access-Control-Allow-Origin: * for " + String.join(", ", wildcard) + ".",
					"Answer only the SPA's exact origin; * is ignored with credentials but shares every anonymous answer.");
		}
		return pass("None of " + lookalikes.size() + " look-alike origins was echoed: " + String.join(", ",
				lookalikes.stream().map(Lookalike::origin).toList()) + ".");
	}

}
