package dev.spaauth.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code cookie-samesite}: the {@code SameSite} of every auth cookie fits the site relation of the
 * SPA and the API, taken from the Public Suffix List (RFC 6265bis sections 5.2 and 5.7.4.2). Across
 * sites only {@code SameSite=None; Secure} cookies go with the SPA's requests: anything else fails
 * (the SPA can never sign in). On one site {@code Lax} or {@code Strict} pass; {@code None} sends the
 * cookies with every other site's requests (a warning: CSRF then rests on the token alone), and no
 * {@code SameSite} leaves it to browsers, which disagree (a warning).
 */
final class CookieSameSiteCheck implements Check {

	@Override
	public String id() {
		return "cookie-samesite";
	}

	@Override
	public Finding run(Probe probe) {
		SiteRelation relation = probe.target().relation();
		String context = "The SPA " + probe.target().spaOrigin() + " is " + relation.label() + " with the API "
				+ probe.target().apiOrigin() + " (sites " + SiteRelation.registrableDomain(probe.target().spa().getHost())
				+ " and " + SiteRelation.registrableDomain(probe.target().api().getHost()) + ")";
		return evaluate(relation, context, probe.authCookies());
	}

	/**
	 * Judges the cookies' SameSite against the site relation.
	 * @param relation the relation of the SPA to the API
	 * @param context the sentence that starts what was seen (origins and sites)
	 * @param cookies the auth cookies as set
	 * @return the finding
	 */
	Finding evaluate(SiteRelation relation, String context, List<SetCookie> cookies) {
		if (cookies.isEmpty()) {
			return skip("The auth answers set no cookie.", "");
		}
		List<String> wrong = new ArrayList<>();
		List<String> weak = new ArrayList<>();
		for (SetCookie cookie : cookies) {
			String sameSite = cookie.sameSiteLabel();
			if (relation == SiteRelation.CROSS_SITE) {
				if (!sameSite.equals("none") || !cookie.secure()) {
					wrong.add(cookie.describe());
				}
			}
			else if (sameSite.equals("none") || sameSite.equals("absent")) {
				weak.add(cookie.describe());
			}
		}
		if (!wrong.isEmpty()) {
			return fail(context + "; browsers do not send " + String.join(", ", wrong) + " with the SPA's requests.",
					"Across sites the cookies need SameSite=None; Secure (spa-auth derives it from "
							+ "spa-auth.public-origin and spa-auth.allowed-origins: check both, and that no proxy rewrites "
							+ "Set-Cookie), or, better, move the API to a sibling subdomain of the SPA's site.");
		}
		if (!weak.isEmpty()) {
			return warn(context + "; SameSite None or missing on " + String.join(", ", weak) + ".",
					"Use SameSite=Lax (or Strict) on one site: other sites' requests then carry no cookie.");
		}
		return pass(context + "; SameSite: " + String.join(", ", cookies.stream()
			.map((cookie) -> cookie.name() + "=" + cookie.sameSiteLabel())
			.toList()) + ".");
	}

}
