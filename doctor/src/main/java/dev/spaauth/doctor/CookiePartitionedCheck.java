package dev.spaauth.doctor;

import java.util.List;

/**
 * {@code cookie-partitioned}: across sites the auth cookies are third-party cookies, which Safari,
 * Firefox and Chromium with "block third-party cookies" refuse; {@code Partitioned} (CHIPS) lets
 * browsers that support it keep them, keyed by the SPA's site. Missing is a warning, not a failure: it
 * works where third-party cookies are allowed. Skipped on one site, where the cookies are first-party.
 */
final class CookiePartitionedCheck implements Check {

	@Override
	public String id() {
		return "cookie-partitioned";
	}

	@Override
	public Finding run(Probe probe) {
		return evaluate(probe.target().relation(), probe.authCookies());
	}

	/**
	 * Judges the cookies' {@code Partitioned} attribute for the site relation.
	 * @param relation the relation of the SPA to the API
	 * @param cookies the auth cookies as set
	 * @return the finding
	 */
	Finding evaluate(SiteRelation relation, List<SetCookie> cookies) {
		if (relation != SiteRelation.CROSS_SITE) {
			return skip("The SPA and the API are " + relation.label()
					+ ": the cookies are first-party and need no Partitioned.", "");
		}
		if (cookies.isEmpty()) {
			return skip("The auth answers set no cookie.", "");
		}
		List<String> unpartitioned = cookies.stream().filter((c) -> !c.partitioned()).map(SetCookie::describe).toList();
		if (!unpartitioned.isEmpty()) {
			return warn("Cross-site third-party cookies without Partitioned: " + String.join(", ", unpartitioned)
					+ "; browsers that block third-party cookies drop them.",
					"Add Partitioned to the session and CSRF cookies (CHIPS), or serve the SPA and the API on one site.");
		}
		return pass("All " + cookies.size() + " auth cookies are Partitioned (CHIPS).");
	}

}
