package dev.spaauth.doctor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hsts}: the API's answers carry {@code Strict-Transport-Security} with a {@code max-age} of at
 * least six months (RFC 6797; MDN HTTP Observatory's threshold; {@code max-age=0} fails), so a browser never again tries plain
 * HTTP, where an attacker on the network could strip TLS and read the cookies. Skipped over plain
 * HTTP, where browsers ignore the header.
 */
final class HstsCheck implements Check {

	static final long SIX_MONTHS_SECONDS = 15_768_000L;

	private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?([0-9]+)\"?", Pattern.CASE_INSENSITIVE);

	@Override
	public String id() {
		return "hsts";
	}

	@Override
	public Finding run(Probe probe) {
		if (!probe.target().apiIsHttps()) {
			return skip("The API is not served over HTTPS; browsers ignore HSTS on plain HTTP.", "");
		}
		return evaluate(probe.priming().header("Strict-Transport-Security"), "GET " + probe.target().csrfPath());
	}

	/**
	 * Judges a {@code Strict-Transport-Security} header as received over HTTPS.
	 * @param hsts the header value, or null when absent
	 * @param request the request it answered, for the message
	 * @return the finding
	 */
	Finding evaluate(String hsts, String request) {
		if (hsts == null) {
			return fail("The API's answer to " + request + " has no Strict-Transport-Security.",
					"Send Strict-Transport-Security: max-age=31536000; includeSubDomains. Spring Security and Django "
							+ "send it only on requests they see as HTTPS: behind a proxy, forward X-Forwarded-Proto "
							+ "and trust it (server.forward-headers-strategy=native, SECURE_PROXY_SSL_HEADER), or add it "
							+ "at the proxy.");
		}
		Matcher maxAge = MAX_AGE.matcher(hsts);
		if (!maxAge.find()) {
			return fail("Strict-Transport-Security has no max-age: '" + hsts + "'.",
					"Send Strict-Transport-Security: max-age=31536000; includeSubDomains.");
		}
		long seconds = Long.parseLong(maxAge.group(1));
		if (seconds == 0) {
			return fail("Strict-Transport-Security: " + hsts + " (max-age=0 tells browsers to forget HSTS).",
					"Send Strict-Transport-Security: max-age=31536000; includeSubDomains.");
		}
		if (seconds < SIX_MONTHS_SECONDS) {
			return warn("Strict-Transport-Security: " + hsts + " (max-age under six months).",
					"Raise max-age to 31536000 (one year) once HTTPS works everywhere.");
		}
		return pass("Strict-Transport-Security: " + hsts);
	}

}
