package dev.spaauth.doctor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CORS requests a browser sends for the SPA: a preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method: POST} and the JSON and CSRF headers, Fetch standard "CORS-
 * preflight request") to the log-in path, and a credentialed GET of the session path.
 */
final class Preflight {

	private Preflight() {
	}

	static Exchange preflight(Probe probe, String origin) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Origin", origin);
		headers.put("Access-Control-Request-Method", "POST");
		headers.put("Access-Control-Request-Headers", "content-type," + probe.csrfHeader().toLowerCase(Locale.ROOT));
		return probe.client().send("OPTIONS", probe.target().loginPath(), headers, null, null);
	}

	static Exchange credentialedGet(Probe probe, String origin) {
		return probe.client().send("GET", probe.target().sessionPath(), Map.of("Origin", origin), null, probe.primedJar());
	}

}
