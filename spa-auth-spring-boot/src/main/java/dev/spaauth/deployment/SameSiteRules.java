package dev.spaauth.deployment;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.Cookie.SameSite;

import dev.spaauth.SpaAuthConfigurationException;

/**
 * The {@code SameSite} value of spa-auth's cookies and the start-up refusals that go with it: derived
 * from whether every allowed origin is same-site with the API (Lax) or not (None), and refused when
 * browsers would not send or store the cookies (RFC 6265bis sections 4.1.2.7 and 5.2).
 */
final class SameSiteRules {

	private static final Logger logger = LoggerFactory.getLogger(SameSiteRules.class);

	private SameSiteRules() {
	}

	/**
	 * Decides the SameSite value.
	 * @param api the API's public origin, or null when none is configured (then no origin is allowed)
	 * @param allowed the allowed SPA origins
	 * @param secureCookies whether the cookies carry {@code Secure}
	 * @param sameSite the configured value, or null to derive it
	 * @return {@code LAX}, {@code STRICT} or {@code NONE}
	 * @throws SpaAuthConfigurationException for {@code omitted}, a value a cross-site SPA cannot work
	 * with, {@code SameSite=None} without {@code Secure}, or a cross-site SPA with a plain-HTTP API
	 */
	static SameSite resolve(@Nullable Origin api, List<Origin> allowed, boolean secureCookies,
			@Nullable SameSite sameSite) {
		List<Origin> crossSite = allowed.stream().filter((origin) -> !origin.isSameSite(api)).toList();
		SameSite effective = (sameSite != null) ? sameSite : crossSite.isEmpty() ? SameSite.LAX : SameSite.NONE;
		if (effective == SameSite.OMITTED) {
			fail("spa-auth.cookies.same-site is 'omitted'; spa-auth always states SameSite on its cookies, "
					+ "since browsers disagree on the default.",
					"Remove spa-auth.cookies.same-site to derive it, or set lax, strict or none.");
		}
		if (!crossSite.isEmpty() && effective != SameSite.NONE) {
			fail("spa-auth.cookies.same-site is '" + effective.attributeValue().toLowerCase()
					+ "' but the allowed origin " + crossSite.get(0) + " is cross-site with " + api
					+ "; browsers would not send the cookies on its requests.",
					"Remove spa-auth.cookies.same-site to derive 'none', or serve the SPA and the API on one site "
							+ "(for example app.example.com and api.example.com)."
							+ oneHostHint(crossSite.get(0), api));
		}
		if (effective == SameSite.NONE && !secureCookies) {
			fail("spa-auth.cookies.same-site is 'none' but spa-auth.cookies.secure is false; browsers refuse "
					+ "SameSite=None cookies without Secure (RFC 6265bis section 4.1.2.7).",
					"Serve the API over HTTPS and set spa-auth.cookies.secure=true, or use same-site 'lax'.");
		}
		if (!crossSite.isEmpty() && !api.isHttps()) {
			fail("The allowed origin " + crossSite.get(0) + " is cross-site with " + api
					+ ", which needs SameSite=None; Secure cookies, but the API is not served over HTTPS.",
					"Serve the API over HTTPS and set spa-auth.public-origin to its https:// origin."
							+ oneHostHint(crossSite.get(0), api));
		}
		if (!crossSite.isEmpty()) {
			logger.warn("The allowed origin {} is cross-site with the API at {}: the cookies are third-party "
					+ "cookies there, which browsers that block those keep only as Partitioned cookies (CHIPS), "
					+ "and some browsers not at all. Prefer sibling subdomains of one site, or a reverse proxy "
					+ "that puts the API on the SPA's origin.", crossSite.get(0), api);
		}
		return effective;
	}

	/**
	 * Decides the {@code Partitioned} attribute (CHIPS): a cross-site SPA's cookies are third-party
	 * cookies, which browsers that block those still keep when partitioned, under the SPA's site.
	 * @param sameSite the effective SameSite value
	 * @param secureCookies whether cookies are Secure
	 * @param partitioned the configured value, or null to derive it
	 * @return the configured value or, unset, whether SameSite is {@code None}
	 * @throws SpaAuthConfigurationException for {@code Partitioned} without {@code Secure}, which
	 * browsers refuse (CHIPS: "Partitioned cookies must be set with Secure")
	 */
	static boolean partitioned(SameSite sameSite, boolean secureCookies, @Nullable Boolean partitioned) {
		boolean effective = (partitioned != null) ? partitioned : sameSite == SameSite.NONE;
		if (effective && !secureCookies) {
			fail("spa-auth.cookies.partitioned is true but spa-auth.cookies.secure is false; browsers refuse "
					+ "Partitioned cookies without Secure.",
					"Serve the API over HTTPS and set spa-auth.cookies.secure=true, or remove "
							+ "spa-auth.cookies.partitioned.");
		}
		if (!effective && sameSite == SameSite.NONE) {
			logger.warn("spa-auth.cookies.partitioned is false with SameSite=None: browsers that block third-party "
					+ "cookies (Safari, Firefox, Chromium with the setting on) will keep no cookie of the API, "
					+ "and no one can sign in from a cross-site SPA there.");
		}
		return effective;
	}

	/**
	 * In development, {@code localhost} and {@code 127.0.0.1} are different sites: one host name for
	 * both makes them same-site.
	 */
	private static String oneHostHint(Origin spa, Origin api) {
		if (!spa.isLoopback() || !api.isLoopback()) {
			return "";
		}
		return " In development, use one host name for both, such as http://localhost:" + portOf(spa)
				+ " for the SPA and http://localhost:" + portOf(api) + " for the API: different ports of one host "
				+ "are same-site.";
	}

	private static int portOf(Origin origin) {
		return (origin.port() != -1) ? origin.port() : origin.isHttps() ? 443 : 80;
	}

	private static void fail(String description, String action) {
		throw new SpaAuthConfigurationException(description, action);
	}

}
