package dev.spaauth.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpaAuthConfigurationValidatorTests {

	@Test
	void defaultsAreAccepted() {
		assertThatNoException().isThrownBy(() -> SpaAuthConfigurationValidator.validate(bind()));
	}

	@Test
	void defaultsAreTheSafeOnes() {
		SpaAuthProperties properties = bind();

		assertThat(properties.cookies().secure()).isTrue();
		assertThat(properties.cookies().sameSite()).isEqualTo(SpaAuthProperties.SameSite.LAX);
		assertThat(properties.session().effectiveCookieName(true)).isEqualTo("__Host-SESSION");
		assertThat(properties.session().idleTimeout()).hasMinutes(30);
		assertThat(properties.session().absoluteTimeout()).hasHours(12);
		assertThat(properties.csrf().cookieName()).isEqualTo("XSRF-TOKEN");
		assertThat(properties.csrf().headerName()).isEqualTo("X-XSRF-TOKEN");
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
	void basePathWithTrailingSlashIsRefused() {
		assertRefused(bind("base-path", "/api/auth/"), "spa-auth.base-path is '/api/auth/'", "no trailing '/'");
	}

	@Test
	void sameNameForSessionAndCsrfCookiesIsRefused() {
		assertRefused(bind("session.cookie-name", "__Host-x", "csrf.cookie-name", "__Host-x"), "both named",
				"different values");
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

	private static SpaAuthProperties bind(String... pairs) {
		java.util.Map<String, String> map = new java.util.HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put("spa-auth." + pairs[i], pairs[i + 1]);
		}
		return new Binder(new MapConfigurationPropertySource(map)).bindOrCreate("spa-auth", SpaAuthProperties.class);
	}

}
