package dev.spaauth.doctor;

import java.util.ArrayList;
import java.util.List;

import dev.spaauth.doctor.Origins.Lookalike;

/**
 * {@code cors-lookalike-origins}: origins that only look like the SPA's (its host as a prefix or
 * suffix of another host, an unlisted sibling subdomain, its host with a dot replaced by a letter, plain
 * {@code http}, another port, and {@code null}; see {@link Origins#lookalikes}) get no
 * {@code Access-Control-Allow-Origin} echo, on the preflight or on a credentialed GET. An echo with
 * {@code Access-Control-Allow-Credentials: true} fails: a page there could read the user's data with
 * the user's cookies (OWASP WSTG-CLNT-07; PortSwigger, "CORS vulnerability with basic origin
 * reflection"). An echo without it is a warning: browsers then hide credentialed answers from the page
 * (Fetch standard, "CORS check"), but the allow-list is still wrong. A {@code *} is a warning: browsers
 * do not honour it with credentials.
 */
final class CorsLookalikeOriginsCheck implements Check {

	@Override
	public String id() {
		return "cors-lookalike-origins";
	}

	@Override
	public Finding run(Probe probe) {
		List<String> echoed = new ArrayList<>();
		List<String> echoedWithoutCredentials = new ArrayList<>();
		List<String> wildcard = new ArrayList<>();
		List<Lookalike> lookalikes = Origins.lookalikes(probe.target().spa());
		for (Lookalike lookalike : lookalikes) {
			String withoutCredentials = null;
			boolean starred = false;
			for (Exchange answer : List.of(Preflight.preflight(probe, lookalike.origin()),
					Preflight.credentialedGet(probe, lookalike.origin()))) {
				List<String> allowOrigin = answer.headers().allValues("Access-Control-Allow-Origin");
				String credentials = answer.header("Access-Control-Allow-Credentials");
				String seen = lookalike.kind() + " " + lookalike.origin() + " (" + answer.method() + ", credentials "
						+ credentials + ")";
				if (allowOrigin.contains(lookalike.origin()) && credentials != null && credentials.strip().equals("true")) {
					echoed.add(seen);
					withoutCredentials = null;
					starred = false;
					break;
				}
				if (allowOrigin.contains(lookalike.origin()) && withoutCredentials == null) {
					withoutCredentials = seen;
				}
				starred = starred || allowOrigin.contains("*");
			}
			if (withoutCredentials != null) {
				echoedWithoutCredentials.add(withoutCredentials);
			}
			else if (starred) {
				wildcard.add(lookalike.kind() + " " + lookalike.origin());
			}
		}
		if (!echoed.isEmpty()) {
			return fail("Access-Control-Allow-Origin echoed the look-alike origin(s) " + String.join(", ", echoed) + ".",
					"Compare the Origin with an exact list of SPA origins (never a regex, prefix, suffix or the request's "
							+ "own Origin echoed by a proxy), and answer other origins without CORS headers.");
		}
		if (!echoedWithoutCredentials.isEmpty()) {
			return warn("Access-Control-Allow-Origin echoed the look-alike origin(s) " + String.join(", ",
					echoedWithoutCredentials) + " without Access-Control-Allow-Credentials: true, so a page there cannot "
					+ "read answers to requests with the user's cookies.",
					"Compare the Origin with an exact list of SPA origins; the allow-list lets these in, and adding "
							+ "credentials later would expose the user's data to them.");
		}
		if (!wildcard.isEmpty()) {
			return warn("Access-Control-Allow-Origin: * for " + String.join(", ", wildcard) + ".",
					"Answer only the SPA's exact origin; * is ignored with credentials but shares every anonymous answer.");
		}
		return pass("None of " + lookalikes.size() + " look-alike origins was echoed: " + String.join(", ",
				lookalikes.stream().map(Lookalike::origin).toList()) + ".");
	}

}
