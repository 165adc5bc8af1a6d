package dev.spaauth.problem;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of an error answered outside Spring Security's header writer: a refusal by
 * one of spa-auth's filters ahead of the security filter chain, the {@code /error} dispatch (which
 * Spring Security's {@code HeaderWriterFilter} skips, so an error Tomcat raised before the chain ran
 * had none), and Tomcat's own error report. The README promises them on every response (OWASP
 * Secure Headers; ASVS 3.4.4, 3.4.6, 14.3.2): {@code Cache-Control: no-store},
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy:
 * no-referrer}, {@code Cross-Origin-Resource-Policy: same-origin} and a {@code Content-Security-Policy}
 * that lets a problem body load nothing and be framed by nobody.
 */
public final class ErrorHeaders {

	private static final Map<String, String> HEADERS = Map.of("Cache-Control", "no-store", "X-Content-Type-Options",
			"nosniff", "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer", "Cross-Origin-Resource-Policy",
			"same-origin", "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

	private ErrorHeaders() {
	}

	/**
	 * Adds each header the response does not have yet; one the security filter chain already wrote
	 * (the application's own CSP, say) stays, except {@code Cache-Control}, which an error always
	 * answers {@code no-store}.
	 * @param response the error response, not yet committed
	 */
	public static void addMissing(HttpServletResponse response) {
		HEADERS.forEach((name, value) -> {
			if (name.equals("Cache-Control") || !response.containsHeader(name)) {
				response.setHeader(name, value);
			}
		});
	}

}
