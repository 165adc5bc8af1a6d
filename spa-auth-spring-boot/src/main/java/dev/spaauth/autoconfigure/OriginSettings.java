package dev.spaauth.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spaauth.autoconfigure.SpaAuthProperties.SameSite;
import dev.spaauth.origin.Origin;

/**
 * What {@code spa-auth.allowed-origins}, {@code spa-auth.public-origin} and the cookie settings
 * resolve to: the parsed origins and the SameSite value both cookies get.
 *
 * @param publicOrigin the API's origin as browsers see it, or null
 * @param allowedOrigins the SPA origins allowed to call the API with credentials
 * @param sameSite the SameSite value of both cookies
 */
record OriginSettings(@Nullable Origin publicOrigin, List<Origin> allowedOrigins, SameSite sameSite) {

	private static final Logger logger = LoggerFactory.getLogger(OriginSettings.class);

	/**
	 * Parses and checks the settings (RFC 6265bis sections 4.1.2.7 and 5.2).
	 * @param properties the bound settings
	 * @return the resolved settings
	 * @throws SpaAuthConfigurationException for a malformed origin, allowed origins without a public
	 * origin, Secure cookies on a plain-HTTP public origin, or a SameSite value that the allowed
	 * origins cannot work with
	 */
	static OriginSettings resolve(SpaAuthProperties properties) {
		Origin publicOrigin = (properties.publicOrigin() != null)
				? parse("spa-auth.public-origin", properties.publicOrigin()) : null;
		List<Origin> allowed = new ArrayList<>();
		for (int i = 0; i < properties.allowedOrigins().size(); i++) {
			allowed.add(parse("spa-auth.allowed-origins[" + i + "]", properties.allowedOrigins().get(i)));
		}
		boolean secure = properties.cookies().secure();
		if (!allowed.isEmpty() && publicOrigin == null) {
			fail("spa-auth.allowed-origins is set but spa-auth.public-origin is not; without the API's own origin "
					+ "spa-auth cannot tell whether the SPA is same-site (SameSite=Lax) or cross-site (SameSite=None).",
					"Set spa-auth.public-origin to the API's origin as browsers see it, such as "
							+ "https://api.example.com.");
		}
		if (publicOrigin != null && secure && !publicOrigin.isHttps() && !publicOrigin.isLoopback()) {
			fail("spa-auth.public-origin is " + publicOrigin + " but cookies are Secure; browsers do not store "
					+ "Secure cookies from plain-HTTP origins other than localhost.",
					"Serve the API over HTTPS (behind a proxy, also set server.forward-headers-strategy=native), or, "
							+ "for development only, set spa-auth.cookies.secure=false.");
		}
		List<Origin> crossSite = allowed.stream().filter((origin) -> !origin.isSameSite(publicOrigin)).toList();
		SameSite derived = crossSite.isEmpty() ? SameSite.LAX : SameSite.NONE;
		SameSite sameSite = (properties.cookies().sameSite() != null) ? properties.cookies().sameSite() : derived;
		if (!crossSite.isEmpty() && sameSite != SameSite.NONE) {
			fail("spa-auth.cookies.same-site is '" + sameSite.attributeValue().toLowerCase()
					+ "' but the allowed origin " + crossSite.get(0) + " is cross-site with " + publicOrigin
					+ "; browsers would not send the cookies on its requests.",
					"Remove spa-auth.cookies.same-site to derive 'none', or serve the SPA and the API on one site "
							+ "(for example app.example.com and api.example.com).");
		}
		if (sameSite == SameSite.NONE && !secure) {
			fail("spa-auth.cookies.same-site is 'none' but spa-auth.cookies.secure is false; browsers refuse "
					+ "SameSite=None cookies without Secure (RFC 6265bis section 4.1.2.7).",
					"Serve the API over HTTPS and set spa-auth.cookies.secure=true, or use same-site 'lax'.");
		}
		if (!crossSite.isEmpty() && !publicOrigin.isHttps()) {
			fail("The allowed origin " + crossSite.get(0) + " is cross-site with " + publicOrigin
					+ ", which needs SameSite=None; Secure cookies, but the API is not served over HTTPS.",
					"Serve the API over HTTPS and set spa-auth.public-origin to its https:// origin.");
		}
		if (!crossSite.isEmpty()) {
			logger.warn("The allowed origin {} is cross-site with the API at {}: the cookies are third-party "
					+ "cookies there, which Safari and Firefox block by default. Prefer sibling subdomains of one "
					+ "site, or a reverse proxy that puts the API on the SPA's origin.", crossSite.get(0), publicOrigin);
		}
		return new OriginSettings(publicOrigin, List.copyOf(allowed), sameSite);
	}

	private static Origin parse(String property, String value) {
		try {
			return Origin.parse(value);
		}
		catch (IllegalArgumentException ex) {
			fail(property + " is '" + value + "': " + ex.getMessage() + ".",
					"Write an exact origin such as https://app.example.com or http://localhost:5173 (scheme, host "
							+ "and port only); list several origins one by one.");
			throw ex;
		}
	}

	private static void fail(String description, String action) {
		throw new SpaAuthConfigurationException(description, action);
	}

}
