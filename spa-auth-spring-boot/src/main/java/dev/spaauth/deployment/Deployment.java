package dev.spaauth.deployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;

import dev.spaauth.SpaAuthConfigurationException;

/**
 * Where the SPA and the API live, and everything that follows from it, decided in this one place:
 * the API's public origin, the SPA origins allowed to call it with cookies, whether those are
 * same-site or cross-site with the API (from the Public Suffix List), and from that the
 * {@code SameSite}, {@code Secure} and {@code Partitioned} attributes of spa-auth's cookies, the
 * {@code Cross-Origin-Resource-Policy}, which origins are trusted for unsafe requests and which get
 * CORS (RFC 6265bis sections 4.1.2.5, 4.1.2.7 and 5.2; Fetch standard, "CORS protocol").
 * <p>
 * Built once at start-up by {@link #resolve}, which refuses combinations browsers cannot work with.
 */
public final class Deployment {

	private final @Nullable Origin publicOrigin;

	private final List<Origin> allowedOrigins;

	private final boolean secureCookies;

	private final SameSite sameSite;

	private final boolean partitionedCookies;

	private final Cors cors;

	private Deployment(@Nullable Origin publicOrigin, List<Origin> allowedOrigins, boolean secureCookies,
			SameSite sameSite, boolean partitionedCookies, Cors cors) {
		this.publicOrigin = publicOrigin;
		this.allowedOrigins = List.copyOf(allowedOrigins);
		this.secureCookies = secureCookies;
		this.sameSite = sameSite;
		this.partitionedCookies = partitionedCookies;
		this.cors = cors;
	}

	/**
	 * CORS settings for the allowed origins.
	 *
	 * @param preflightMaxAge how long browsers may cache a preflight answer
	 * @param allowedHeaders request headers allowed besides {@code Content-Type}, {@code Accept} and the
	 * CSRF header, such as {@code Authorization}
	 */
	public record Cors(Duration preflightMaxAge, List<String> allowedHeaders) {
	}

	/**
	 * Parses and checks the deployment settings.
	 * @param publicOrigin {@code spa-auth.public-origin}, or null to take each request's own origin
	 * @param allowedOrigins {@code spa-auth.allowed-origins}
	 * @param secureCookies {@code spa-auth.cookies.secure}
	 * @param sameSite {@code spa-auth.cookies.same-site}, or null to derive it
	 * @param partitioned {@code spa-auth.cookies.partitioned}, or null to derive it from the SameSite
	 * value
	 * @param cors the CORS settings
	 * @return the deployment
	 * @throws SpaAuthConfigurationException for a malformed origin, allowed origins without a public
	 * origin, Secure cookies on a plain-HTTP public origin, a SameSite value the allowed origins cannot
	 * work with, {@code SameSite=None} or {@code Partitioned} without {@code Secure}, or a cross-site SPA
	 * with a plain-HTTP API
	 */
	public static Deployment resolve(@Nullable String publicOrigin, List<String> allowedOrigins, boolean secureCookies,
			@Nullable SameSite sameSite, @Nullable Boolean partitioned, Cors cors) {
		Origin api = (publicOrigin != null) ? parse("spa-auth.public-origin", publicOrigin) : null;
		List<Origin> allowed = new ArrayList<>();
		for (int i = 0; i < allowedOrigins.size(); i++) {
			allowed.add(parse("spa-auth.allowed-origins[" + i + "]", allowedOrigins.get(i)));
		}
		if (!allowed.isEmpty() && api == null) {
			fail("spa-auth.allowed-origins is set but spa-auth.public-origin is not; without the API's own origin "
					+ "spa-auth cannot tell whether the SPA is same-site (SameSite=Lax) or cross-site (SameSite=None).",
					"Set spa-auth.public-origin to the API's origin as browsers see it, such as "
							+ "https://api.example.com.");
		}
		if (api != null && secureCookies && !api.isHttps() && !api.isLoopback()) {
			fail("spa-auth.public-origin is " + api + " but cookies are Secure; browsers do not store "
					+ "Secure cookies from plain-HTTP origins other than localhost.",
					"Serve the API over HTTPS (behind a proxy, also set server.forward-headers-strategy=native), or, "
							+ "for development only, set spa-auth.cookies.secure=false.");
		}
		SameSite effective = SameSiteRules.resolve(api, allowed, secureCookies, sameSite);
		boolean partitionedCookies = SameSiteRules.partitioned(effective, secureCookies, partitioned);
		return new Deployment(api, allowed, secureCookies, effective, partitionedCookies, cors);
	}

	/**
	 * Returns whether pages of an origin may make unsafe requests with the user's cookies: the API's
	 * own origin (the public origin or, without one, the origin the request was addressed to, which
	 * honours forwarded headers only when {@code server.forward-headers-strategy} is set) and the allowed
	 * origins (OWASP CSRF Prevention Cheat Sheet, "Verifying Origin With Standard Headers"). The origin
	 * is compared as written, character for character, with their serializations: browsers send the
	 * serialized origin (RFC 6454 section 6.2; Fetch standard, "origin"), so any other spelling
	 * ({@code https://APP.example.com}, a trailing "/", a default port) did not come from a browser
	 * page of that origin and is not trusted.
	 * @param serializedOrigin the request's {@code Origin} header, or the scheme and authority of its
	 * {@code Referer}, as sent
	 * @param request the request, for its own origin when no public origin is configured
	 * @return whether the origin is trusted
	 */
	public boolean isTrusted(String serializedOrigin, HttpServletRequest request) {
		return isAllowed(serializedOrigin) || serializedOrigin.equals(ownOrigin(request).toString());
	}

	/**
	 * Returns whether an origin, as sent, is one of the allowed SPA origins, character for character.
	 * @param serializedOrigin the {@code Origin} header as sent
	 * @return whether it is the serialization of an allowed origin
	 */
	public boolean isAllowed(String serializedOrigin) {
		for (Origin allowed : this.allowedOrigins) {
			if (allowed.toString().equals(serializedOrigin)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the API's public origin.
	 * @return the configured origin, or null when each request's own origin is used
	 */
	public @Nullable Origin publicOrigin() {
		return this.publicOrigin;
	}

	/**
	 * Returns the SPA origins allowed to call the API with credentials.
	 * @return the origins from {@code spa-auth.allowed-origins}, in configuration order; empty when the SPA
	 * is on the API's own origin
	 */
	public List<Origin> allowedOrigins() {
		return this.allowedOrigins;
	}

	/**
	 * Returns the CORS settings.
	 * @return preflight cache time and extra allowed headers
	 */
	public Cors cors() {
		return this.cors;
	}

	/**
	 * Returns whether spa-auth's cookies carry {@code Secure} (and the session cookie its
	 * {@code __Host-} prefix).
	 * @return {@code spa-auth.cookies.secure}
	 */
	public boolean secureCookies() {
		return this.secureCookies;
	}

	/**
	 * Returns the SameSite attribute of both cookies: the configured one or, unset, {@code Lax} when
	 * every allowed origin is same-site with the public origin and {@code None} otherwise.
	 * @return {@code LAX}, {@code STRICT} or {@code NONE}, never {@code OMITTED}
	 */
	public SameSite sameSite() {
		return this.sameSite;
	}

	/**
	 * Returns whether the session, CSRF and device cookies carry {@code Partitioned} (CHIPS): stored
	 * under the site of the top-level page (the SPA's), so browsers that block third-party cookies
	 * still keep them, and pages of any other top-level site never get them sent.
	 * @return {@code spa-auth.cookies.partitioned}, or, unset, whether SameSite is {@code None}
	 */
	public boolean partitionedCookies() {
		return this.partitionedCookies;
	}

	/**
	 * Returns the {@code Cross-Origin-Resource-Policy} of every response: {@code same-origin}, or
	 * {@code same-site} when SPA origins are allowed.
	 * @return the policy
	 */
	public CrossOriginResourcePolicy crossOriginResourcePolicy() {
		return this.allowedOrigins.isEmpty() ? CrossOriginResourcePolicy.SAME_ORIGIN
				: CrossOriginResourcePolicy.SAME_SITE;
	}

	/**
	 * Starts a cookie with the deployment's attributes: {@code Path=/}, no {@code Domain} (host-only,
	 * so a sibling subdomain never receives it), {@code Secure} when configured, the SameSite
	 * value, and {@code Partitioned} when {@link #partitionedCookies()}: for cookies the SPA's own
	 * requests set and send; a cookie set during a top-level visit to the API's site must turn it off.
	 * @param name the cookie's name
	 * @param value the cookie's value
	 * @return a builder to add {@code HttpOnly} or a max age to
	 */
	public ResponseCookie.ResponseCookieBuilder cookie(String name, String value) {
		return ResponseCookie.from(name, value)
			.path("/")
			.secure(this.secureCookies)
			.sameSite(this.sameSite.attributeValue())
			.partitioned(this.partitionedCookies);
	}

	/**
	 * Returns the API's own origin: the public origin or, without one, the origin the request was
	 * addressed to (forwarded headers count only when {@code server.forward-headers-strategy} is set).
	 * @param request the request
	 * @return the origin
	 */
	public Origin ownOrigin(HttpServletRequest request) {
		if (this.publicOrigin != null) {
			return this.publicOrigin;
		}
		String host = request.getServerName();
		if (host.contains(":") && !host.startsWith("[")) {
			host = "[" + host + "]";
		}
		return Origin.of(request.getScheme(), host, request.getServerPort());
	}

	private static Origin parse(String property, String value) {
		try {
			return Origin.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new SpaAuthConfigurationException(property + " is '" + value + "': " + ex.getMessage() + ".",
					"Write an exact origin such as https://app.example.com or http://localhost:5173 (scheme, host "
							+ "and port only); list several origins one by one.");
		}
	}

	private static void fail(String description, String action) {
		throw new SpaAuthConfigurationException(description, action);
	}

}
