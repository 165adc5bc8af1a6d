package dev.spaauth.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cookie-host-prefix}: a {@code __Host-} cookie meets the prefix's rules ({@code Secure},
 * {@code Path=/}, no {@code Domain}; browsers drop it otherwise), a {@code __Secure-} cookie is
 * {@code Secure} (RFC 6265bis section 4.1.3), and the session cookie uses {@code __Host-} where it
 * could (a warning otherwise: without it a sibling subdomain or a plain-HTTP page can set the cookie,
 * which lets it plant a session, OWASP Session Management Cheat Sheet). A {@code Domain} attribute
 * sends a cookie to every subdomain: a warning too.
 */
final class CookieHostPrefixCheck implements Check {

	@Override
	public String id() {
		return "cookie-host-prefix";
	}

	@Override
	public Finding run(Probe probe) {
		return evaluate(probe.authCookies(), probe.sessionCookie());
	}

	/**
	 * Judges the cookies' prefixes and {@code Domain}.
	 * @param cookies the auth cookies as set
	 * @param session the session cookie among them, if known
	 * @return the finding
	 */
	Finding evaluate(List<SetCookie> cookies, Optional<SetCookie> session) {
		if (cookies.isEmpty()) {
			return skip("The auth answers set no cookie.", "");
		}
		List<String> broken = new ArrayList<>();
		List<String> weak = new ArrayList<>();
		for (SetCookie cookie : cookies) {
			if (cookie.name().startsWith("__Host-") && !cookie.hostPrefixEligible()) {
				broken.add(cookie.describe() + " breaks the __Host- rules");
			}
			if (cookie.name().startsWith("__Secure-") && !cookie.secure()) {
				broken.add(cookie.describe() + " is __Secure- without Secure");
			}
			if (cookie.domain() != null) {
				weak.add(cookie.describe() + " has a Domain, so every subdomain of " + cookie.domain() + " gets it");
			}
		}
		if (session.isPresent() && !session.get().name().startsWith("__Host-") && session.get().domain() == null) {
			weak.add("the session cookie " + session.get().describe() + " has no __Host- prefix");
		}
		if (!broken.isEmpty()) {
			return fail(String.join("; ", broken) + "; browsers refuse such cookies.",
					"Give __Host- cookies Secure and Path=/ and no Domain, and __Secure- cookies Secure.");
		}
		if (!weak.isEmpty()) {
			return warn(capitalize(String.join("; ", weak)) + ".",
					"Name the session cookie __Host-... with Secure, Path=/ and no Domain (spa-auth does when "
							+ "spa-auth.cookies.secure is true; Django: SESSION_COOKIE_NAME='__Host-sessionid', "
							+ "SESSION_COOKIE_SECURE=True), and leave Domain out.");
		}
		String names = String.join(", ", cookies.stream().map(SetCookie::name).toList());
		return pass(session.map((cookie) -> "The session cookie " + cookie.name() + " is a valid __Host- cookie; ")
			.orElse("") + "cookies seen: " + names + ", none with a Domain.");
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
