package dev.spaauth.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.Cookie.SameSite;

import dev.spaauth.SpaAuthConfigurationException;
import dev.spaauth.deployment.Deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpaAuthConfigurationValidatorTests {

	@Test
	void defaultsAreAcceptedWithTheSpaUrlTheirMailsLinkTo() {
		assertThatNoException().isThrownBy(() -> SpaAuthConfigurationValidator.validate(bind()));
	}

	@Test
	void emailVerificationWithoutASpaUrlIsRefusedWithWhatToChange() {
		assertRefused(bind("spa-url", ""), "spa-auth.signup.email-verification is required (required is the default)",
				"Set spa-auth.spa-url to the SPA's URL");
		assertRefused(bind("spa-url", "", "signup.email-verification", "optional"),
				"spa-auth.signup.email-verification is optional", "spa-auth.signup.email-verification=off");
		assertThatNoException().isThrownBy(
				() -> SpaAuthConfigurationValidator.validate(bind("spa-url", "", "signup.email-verification", "off")));
		assertThatNoException()
			.isThrownBy(() -> SpaAuthConfigurationValidator.validate(bind("spa-url", "", "signup.enabled", "false")));
	}

	@Test
	void defaultsAreTheSafeOnes() {
		SpaAuthProperties properties = bind();

		assertThat(properties.cookies().secure()).isTrue();
		assertThat(SpaAuthConfigurationValidator.deployment(properties).sameSite())
			.isEqualTo(SameSite.LAX);
		assertThat(properties.session().effectiveCookieName(true)).isEqualTo("__Host-SESSION");
		assertThat(properties.session().idleTimeout()).hasMinutes(30);
		assertThat(properties.session().absoluteTimeout()).hasHours(12);
		assertThat(properties.csrf().cookieName()).isEqualTo("XSRF-TOKEN");
		assertThat(properties.csrf().headerName()).isEqualTo("X-XSRF-TOKEN");
		assertThat(properties.throttle().accountAttempts()).isEqualTo(5);
		assertThat(properties.throttle().accountPeriod()).hasMinutes(15);
		assertThat(properties.throttle().addressAttempts()).isEqualTo(50);
		assertThat(properties.throttle().addressPeriod()).hasHours(24);
		assertThat(properties.signup().emailVerification()).isEqualTo(SpaAuthProperties.EmailVerification.REQUIRED);
	}

	@Test
	void sameSiteNoneWithoutSecureIsRefusedWithWhatToChange() {
		assertRefused(bind("cookies.same-site", "none", "cookies.secure", "false"),
				"spa-auth.cookies.same-site is 'none' but spa-auth.cookies.secure is false", "Serve the API over HTTPS");
	}

	@Test
	void hostPrefixedCookieNameWithoutSecureIsRefused() {
		assertRefused(bind("cookies.secure", "false", "session.cookie-name", "__Host-id"), "__Host- and __Secure-",
				"Remove spa-auth.session.cookie-name");
	}

	@Test
	void insecureCookiesWithoutExplicitNameDropThePrefix() {
		SpaAuthProperties properties = bind("cookies.secure", "false");

		assertThatNoException().isThrownBy(() -> SpaAuthConfigurationValidator.validate(properties));
		assertThat(properties.session().effectiveCookieName(false)).isEqualTo("SESSION");
	}

	@Test
	void absoluteTimeoutShorterThanIdleTimeoutIsRefused() {
		assertRefused(bind("session.idle-timeout", "2h", "session.absolute-timeout", "1h"),
				"is shorter than spa-auth.session.idle-timeout", "at least the idle timeout");
	}

	@Test
	void shortSigningSecretIsRefused() {
		assertRefused(bind("csrf.signing-secret", "too-short"), "spa-auth.csrf.signing-secret has 9 characters",
				"at least 32");
	}

	@Test
	void weakPasswordPolicyIsRefused() {
		assertRefused(bind("password.min-length", "6"), "spa-auth.password.min-length is 6", "ASVS 6.2.1");
		assertRefused(bind("password.max-length", "32"), "spa-auth.password.max-length is 32", "at least 64");
	}

	@Test
	void unboundedOrImpossiblePasswordHashingIsRefused() {
		assertRefused(bind("password.max-concurrent-hashes", "0"), "spa-auth.password.max-concurrent-hashes is 0",
				"at least 1");
		assertRefused(bind("password.max-hash-wait", "-1s"), "spa-auth.password.max-hash-wait is PT-1S",
				"zero or more");
	}

	@Test
	void passwordHashingDefaultsToHalfTheProcessorsAtLeastOne() {
		SpaAuthProperties.Password password = bind("password.min-length", "8").password();

		assertThat(password.effectiveMaxConcurrentHashes(1)).isEqualTo(1);
		assertThat(password.effectiveMaxConcurrentHashes(2)).isEqualTo(1);
		assertThat(password.effectiveMaxConcurrentHashes(8)).isEqualTo(4);
		assertThat(password.maxHashWait()).hasSeconds(1);
		assertThat(bind("password.max-concurrent-hashes", "3").password().effectiveMaxConcurrentHashes(8))
			.isEqualTo(3);
	}

	@Test
	void basePathWithTrailingSlashIsRefused() {
		assertRefused(bind("base-path", "/api/auth/"), "spa-auth.base-path is '/api/auth/'", "no trailing '/'");
	}

	@Test
	void sameNameForSessionAndCsrfCookiesIsRefused() {
		assertRefused(bind("session.cookie-name", "__Host-x", "csrf.cookie-name", "__Host-x"), "both named",
				"different values");
	}

	@Test
	void sameSiteIsLaxWithoutAllowedOriginsAndForSiblingOrigins() {
		assertThat(SpaAuthConfigurationValidator.deployment(bind()).sameSite()).isEqualTo(SameSite.LAX);
		Deployment sibling = SpaAuthConfigurationValidator.deployment(bind("allowed-origins",
				"https://app.example.com,https://admin.example.com:8443", "public-origin", "https://api.example.com"));
		assertThat(sibling.sameSite()).isEqualTo(SameSite.LAX);
		assertThat(sibling.allowedOrigins()).map(Object::toString)
			.containsExactly("https://app.example.com", "https://admin.example.com:8443");
	}

	@Test
	void sameSiteIsNoneWhenAnAllowedOriginIsCrossSite() {
		Deployment settings = SpaAuthConfigurationValidator
			.deployment(bind("allowed-origins", "https://app.example.net", "public-origin", "https://api.example.com"));

		assertThat(settings.sameSite()).isEqualTo(SameSite.NONE);
	}

	@Test
	void crossSiteOriginWithoutHttpsApiIsRefused() {
		assertRefused(bind("allowed-origins", "http://localhost:5173", "public-origin", "http://127.0.0.1:8080",
				"cookies.secure", "true"), "not served over HTTPS", "Serve the API over HTTPS");
	}

	@Test
	void crossSiteOriginWithExplicitLaxIsRefused() {
		assertRefused(bind("allowed-origins", "https://app.example.net", "public-origin", "https://api.example.com",
				"cookies.same-site", "lax"), "is cross-site with https://api.example.com", "Remove spa-auth.cookies.same-site");
	}

	@Test
	void allowedOriginsWithoutPublicOriginAreRefused() {
		assertRefused(bind("allowed-origins", "https://app.example.com"), "spa-auth.public-origin is not",
				"Set spa-auth.public-origin");
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "null", "https://app.example.com/spa", "https://*.example.com" })
	void wildcardNullOrPathInAllowedOriginsIsRefused(String bad) {
		assertRefused(bind("allowed-origins", bad, "public-origin", "https://api.example.com"),
				"spa-auth.allowed-origins[0] is", "Write an exact origin");
	}

	@Test
	void crossSiteLoopbackOriginsInDevelopmentSuggestOneHostName() {
		assertRefused(bind("allowed-origins", "http://127.0.0.1:5173", "public-origin", "http://localhost:8080"),
				"is cross-site with http://localhost:8080", "use one host name for both, such as http://localhost:5173");
	}

	@Test
	void omittedSameSiteIsRefused() {
		assertRefused(bind("cookies.same-site", "omitted"), "'omitted'", "Remove spa-auth.cookies.same-site");
	}

	@Test
	void extraCorsRequestHeadersAreAllowedHeaders() {
		Deployment deployment = SpaAuthConfigurationValidator.deployment(bind("cors.allowed-headers", "Authorization"));

		assertThat(deployment.cors().allowedHeaders()).containsExactly("Authorization");
	}

	@Test
	void secureCookiesOnPlainHttpPublicOriginOtherThanLocalhostAreRefused() {
		assertRefused(bind("public-origin", "http://api.example.com"), "Secure cookies from plain-HTTP origins",
				"Serve the API over HTTPS");
		assertThatNoException()
			.isThrownBy(() -> SpaAuthConfigurationValidator.validate(bind("public-origin", "http://localhost:8080")));
	}

	@Test
	void failureAnalysisCarriesDescriptionAndAction() {
		SpaAuthConfigurationException failure = new SpaAuthConfigurationException("What is wrong.", "What to do.");

		FailureAnalysis analysis = new SpaAuthConfigurationFailureAnalyzer().analyze(failure);

		assertThat(analysis.getDescription()).isEqualTo("What is wrong.");
		assertThat(analysis.getAction()).isEqualTo("What to do.");
	}

	private static void assertRefused(SpaAuthProperties properties, String description, String action) {
		assertThatThrownBy(() -> SpaAuthConfigurationValidator.validate(properties))
			.isInstanceOfSatisfying(SpaAuthConfigurationException.class, (ex) -> {
				assertThat(ex.getDescription()).contains(description);
				assertThat(ex.getAction()).contains(action);
			});
	}

	/** Binds the settings, with a SPA URL unless they name one ("" for none). */
	private static SpaAuthProperties bind(String... pairs) {
		java.util.Map<String, String> map = new java.util.HashMap<>();
		map.put("spa-auth.spa-url", "https://app.example.com");
		for (int i = 0; i < pairs.length; i += 2) {
			map.put("spa-auth." + pairs[i], pairs[i + 1]);
		}
		map.values().removeIf(String::isEmpty);
		return new Binder(new MapConfigurationPropertySource(map)).bindOrCreate("spa-auth", SpaAuthProperties.class);
	}

}
