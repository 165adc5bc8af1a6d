package dev.spaauth.provider;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.http.HttpHeaders;

import dev.spaauth.deployment.Deployment;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;

/**
 * The browser's flow cookie, {@code __Host-PROVIDER-FLOW} ({@code PROVIDER-FLOW} without Secure
 * cookies): 32 random bytes, HttpOnly, for {@link ProviderFlows#LIFETIME}. A flow is answered, and its
 * one-time code redeemed, only with the cookie of the browser that started it; the cookie is kept for
 * the browser's next flows, so two tabs can sign in at once. {@code SameSite=Lax} (the provider's
 * redirect back is a cross-site top-level navigation, which Lax lets through and Strict would not, and
 * the SPA's finishing {@code fetch} is same-site), or {@code None} when the SPA is on another site than
 * the API, whose finishing {@code fetch} is then cross-site. Never {@code Partitioned}: it is set
 * during a top-level visit to the API's site, so a partitioned one would be stored under the API's
 * site and never sent with the SPA's finishing {@code fetch} from another site.
 */
final class FlowCookie {

	private final Deployment deployment;

	private final String name;

	private final String sameSite;

	FlowCookie(Deployment deployment) {
		this.deployment = deployment;
		this.name = deployment.secureCookies() ? "__Host-PROVIDER-FLOW" : "PROVIDER-FLOW";
		this.sameSite = (deployment.sameSite() == SameSite.NONE) ? "None" : "Lax";
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
			.sameSite(this.sameSite)
			.partitioned(false)
			.maxAge(ProviderFlows.LIFETIME)
			.build()
			.toString());
	}

	/**
	 * The answer to a one-time code that does not redeem. Without the flow cookie it says so
	 * ({@code missingCookies: "flow"}): the cookie is set on the API's own site, and a browser that
	 * blocks third-party cookies does not send it with the requests of an SPA on another site.
	 * @param value the cookie the finishing request carried, or null
	 * @return 400 {@code invalid_sign_in_code}
	 */
	static ProblemException codeRefused(@Nullable String value) {
		if (value != null) {
			return new ProblemException(ProblemCode.INVALID_SIGN_IN_CODE, "This sign-in cannot be finished here: "
					+ "its code was used, is too old, or was not started by this page. Start again.");
		}
		ProblemException problem = new ProblemException(ProblemCode.INVALID_SIGN_IN_CODE, "This sign-in cannot be "
				+ "finished here: the browser did not send the cookie of the sign-in it started. Browsers that block "
				+ "third-party cookies do not send it when the app and the API are on different sites; sign in "
				+ "with a password or a passkey there, or start again in a browser that allows the API's cookies.");
		problem.getBody().setProperty("missingCookies", "flow");
		return problem;
	}

}
