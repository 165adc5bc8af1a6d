package dev.spaauth.doctor;

import java.util.List;

/**
 * {@code cookie-secure}: every auth cookie carries {@code Secure} when the API is served over HTTPS,
 * so that the browser never sends it over plain HTTP (RFC 6265bis section 4.1.2.5; OWASP ASVS 5.0
 * V3.3.1). On plain HTTP a {@code Secure} cookie is refused by browsers except on localhost.
 */
final class CookieSecureCheck implements Check {

	@Override
	public String id() {
		return "cookie-secure";
	}

	@Override
	public Finding run(Probe probe) {
		List<SetCookie> cookies = probe.authCookies();
		if (cookies.isEmpty()) {
			return skip("The auth answers set no cookie.", "");
		}
		List<String> notSecure = cookies.stream().filter((cookie) -> !cookie.secure()).map(SetCookie::describe).toList();
		if (notSecure.isEmpty()) {
			return pass("All " + cookies.size() + " auth cookies are Secure.");
		}
		if (!probe.target().apiIsHttps()) {
			return warn("Not Secure: " + String.join(", ", notSecure) + " (the API is plain HTTP).",
					"Serve the API over HTTPS and mark the cookies Secure.");
		}
		return fail("Not Secure over HTTPS: " + String.join(", ", notSecure) + ".",
				"Mark every auth cookie Secure (spa-auth.cookies.secure=true; Django: SESSION_COOKIE_SECURE and "
						+ "CSRF_COOKIE_SECURE).");
	}

}
