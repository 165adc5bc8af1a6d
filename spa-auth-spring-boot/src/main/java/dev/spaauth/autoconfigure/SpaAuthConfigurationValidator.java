package dev.spaauth.autoconfigure;

import java.time.Duration;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spaauth.SpaAuthConfigurationException;
import dev.spaauth.deployment.Deployment;

/**
 * Checks {@link SpaAuthProperties} at start-up and refuses unsafe or inconsistent combinations with
 * a {@link SpaAuthConfigurationException} that says what to change.
 */
final class SpaAuthConfigurationValidator {

	private static final Logger logger = LoggerFactory.getLogger(SpaAuthConfigurationValidator.class);

	private static final int MIN_SIGNING_SECRET_LENGTH = 32;

	private SpaAuthConfigurationValidator() {
	}

	/**
	 * Validates the settings, the deployment's included ({@link #deployment}).
	 * @param properties the bound settings
	 * @throws SpaAuthConfigurationException on the first unsafe or inconsistent setting
	 */
	static void validate(SpaAuthProperties properties) {
		validateBasePath(properties.basePath());
		validateCookies(properties);
		validateSession(properties.session());
		validateCsrf(properties.csrf());
		validatePassword(properties.password());
		validateThrottle(properties.throttle());
		validateSpaUrl(properties.spaUrl());
		if (properties.signup().enabled() && properties.spaUrl() == null
				&& properties.signup().emailVerification() != SpaAuthProperties.EmailVerification.OFF) {
			fail("spa-auth.signup.email-verification is " + properties.signup().emailVerification().name().toLowerCase(java.util.Locale.ROOT)
					+ " (required is the default): sign-up mails a link to the SPA, but spa-auth.spa-url is not set.",
					"Set spa-auth.spa-url to the SPA's URL, such as https://app.example.com, or set "
							+ "spa-auth.signup.email-verification=off (or spa-auth.signup.enabled=false).");
		}
		if (properties.reauthentication().window().toSeconds() < 1) {
			fail("spa-auth.reauthentication.window is " + properties.reauthentication().window() + ".",
					"Set it to a positive duration such as 5m.");
		}
		if (properties.maxRequestBodySize().toBytes() < 1024) {
			fail("spa-auth.max-request-body-size is " + properties.maxRequestBodySize() + ".",
					"Set it to at least 1KB; sign-up bodies need room for a 128-character password and an email.");
		}
		deployment(properties);
	}

	/**
	 * Resolves the deployment: origins, cookie attributes and CORS.
	 * @param properties the bound settings
	 * @return the deployment
	 * @throws SpaAuthConfigurationException when browsers could not work with it
	 */
	static Deployment deployment(SpaAuthProperties properties) {
		return Deployment.resolve(properties.publicOrigin(), properties.allowedOrigins(),
				properties.cookies().secure(), properties.cookies().sameSite(), properties.cookies().partitioned(),
				new Deployment.Cors(properties.cors().preflightMaxAge(), properties.cors().allowedHeaders()));
	}

	private static void validateBasePath(String basePath) {
		if (!basePath.startsWith("/") || basePath.endsWith("/") || basePath.contains("*")) {
			fail("spa-auth.base-path is '" + basePath + "'.",
					"Write a path that starts with '/', has no trailing '/' and no wildcard, such as /api/auth.");
		}
	}

	private static void validateCookies(SpaAuthProperties properties) {
		boolean secure = properties.cookies().secure();
		String name = properties.session().effectiveCookieName(secure);
		if (!secure && (name.startsWith("__Host-") || name.startsWith("__Secure-"))) {
			fail("spa-auth.session.cookie-name is '" + name + "' but spa-auth.cookies.secure is false; browsers "
					+ "refuse __Host- and __Secure- cookies without Secure (RFC 6265bis section 4.1.3).",
					"Remove spa-auth.session.cookie-name to use the derived name, or set spa-auth.cookies.secure=true.");
		}
		if (name.equalsIgnoreCase(properties.csrf().cookieName())) {
			fail("The session cookie and the CSRF cookie are both named '" + name + "'.",
					"Give spa-auth.session.cookie-name and spa-auth.csrf.cookie-name different values.");
		}
		if (!secure) {
			logger.warn("spa-auth.cookies.secure is false: the session cookie is sent over plain HTTP and has no "
					+ "__Host- prefix. Use this only for plain-HTTP development on host names other than localhost.");
		}
	}

	private static void validateSession(SpaAuthProperties.Session session) {
		Duration idle = session.idleTimeout();
		if (idle.isNegative() || idle.toSeconds() < 1) {
			fail("spa-auth.session.idle-timeout is " + idle + ".", "Set it to a positive duration such as 30m.");
		}
		if (session.absoluteTimeout().compareTo(idle) < 0) {
			fail("spa-auth.session.absolute-timeout (" + session.absoluteTimeout()
					+ ") is shorter than spa-auth.session.idle-timeout (" + idle + ").",
					"Set the absolute timeout to at least the idle timeout, for example 12h with 30m.");
		}
	}

	private static void validateCsrf(SpaAuthProperties.Csrf csrf) {
		if (csrf.cookieName().isBlank() || csrf.headerName().isBlank()) {
			fail("spa-auth.csrf.cookie-name and spa-auth.csrf.header-name must not be blank.",
					"Remove them to use XSRF-TOKEN and X-XSRF-TOKEN, or name both.");
		}
		String secret = csrf.signingSecret();
		if (secret != null && secret.length() < MIN_SIGNING_SECRET_LENGTH) {
			fail("spa-auth.csrf.signing-secret has " + secret.length() + " characters.",
					"Use a random secret of at least " + MIN_SIGNING_SECRET_LENGTH
							+ " characters (for example: openssl rand -base64 33), or remove it.");
		}
	}

	private static void validateSpaUrl(@Nullable String spaUrl) {
		if (spaUrl == null) {
			logger.warn("spa-auth.spa-url is not set: password reset and email change answer 503, since their "
					+ "mails need links to the SPA.");
			return;
		}
		URI uri;
		try {
			uri = new URI(spaUrl);
		}
		catch (URISyntaxException ex) {
			uri = null;
		}
		if (uri == null || uri.getHost() == null || !(spaUrl.startsWith("https://") || spaUrl.startsWith("http://"))
				|| spaUrl.endsWith("/") || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			fail("spa-auth.spa-url is '" + spaUrl + "'.",
					"Write the SPA's absolute URL without a trailing '/', query or fragment, such as "
							+ "https://app.example.com.");
		}
	}

	private static void validateThrottle(SpaAuthProperties.Throttle throttle) {
		if (throttle.accountAttempts() < 1 || throttle.addressAttempts() < 1
				|| throttle.accountPeriod().toMillis() < 1 || throttle.addressPeriod().toMillis() < 1) {
			fail("spa-auth.throttle allows " + throttle.accountAttempts() + " attempts per " + throttle.accountPeriod()
					+ " per account and " + throttle.addressAttempts() + " per " + throttle.addressPeriod()
					+ " per address.", "Set every attempts value to at least 1 and every period to a positive duration.");
		}
	}

	private static void validatePassword(SpaAuthProperties.Password password) {
		if (password.minLength() < 8) {
			fail("spa-auth.password.min-length is " + password.minLength() + ".",
					"Set it to at least 8 (ASVS 6.2.1).");
		}
		if (password.maxLength() < 64 || password.maxLength() < password.minLength()) {
			fail("spa-auth.password.max-length is " + password.maxLength() + ".",
					"Set it to at least 64 and to at least min-length (ASVS 6.2.9).");
		}
		if (password.minStrength() < 0 || password.minStrength() > 4) {
			fail("spa-auth.password.min-strength is " + password.minStrength() + ".",
					"Set it to a zxcvbn score from 0 to 4; 3 is the default.");
		}
		if (password.maxConcurrentHashes() != null && password.maxConcurrentHashes() < 1) {
			fail("spa-auth.password.max-concurrent-hashes is " + password.maxConcurrentHashes() + ".",
					"Set it to at least 1, or leave it unset for half the available processors.");
		}
		if (password.maxHashWait().isNegative()) {
			fail("spa-auth.password.max-hash-wait is " + password.maxHashWait() + ".",
					"Set it to zero or more, such as 1s.");
		}
	}

	private static void fail(String description, String action) {
		throw new SpaAuthConfigurationException(description, action);
	}

}
