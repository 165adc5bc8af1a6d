package dev.spaauth.provider;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

import dev.spaauth.deployment.Deployment;

/**
 * The browser's flow cookie, {@code __Host-PROVIDER-FLOW} ({@code PROVIDER-FLOW} without Secure
 * cookies): 32 random bytes, HttpOnly, {@code SameSite=Lax} whatever the session cookie's (the
 * provider's redirect back is a cross-site top-level navigation, which Lax lets through and Strict
 * would not), for {@link ProviderFlows#LIFETIME}. A flow is answered only in the browser whose
 * cookie hashes to the flow's stored value; the cookie is kept for the browser's next flows, so two
 * tabs can sign in at once.
 */
final class FlowCookie {

	private final Deployment deployment;

	private final String name;

	FlowCookie(Deployment deployment) {
		this.deployment = deployment;
		this.name = deployment.secureCookies() ? "__Host-PROVIDER-FLOW" : "PROVIDER-FLOW";
	}

	/** The browser's cookie value, or a new random one. */
	String valueOrNew(HttpServletRequest request) {
		String existing = value(request);
		return (existing != null) ? existing : Hashes.random();
	}

	/** The browser's cookie value, when it sends a well-formed one. */
	@Nullable String value(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (cookie.getName().equals(this.name) && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/** Sets (or renews) the cookie. */
	void set(String value, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, this.deployment.cookie(this.name, value)
			.httpOnly(true)
			.sameSite("Lax")
			.maxAge(ProviderFlows.LIFETIME)
			.build()
			.toString());
	}

}
