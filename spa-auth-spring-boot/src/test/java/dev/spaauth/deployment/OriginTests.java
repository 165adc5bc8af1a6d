package dev.spaauth.deployment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OriginTests {

	@ParameterizedTest
	@CsvSource({ "HTTPS://App.Example.COM, https://app.example.com", "https://app.example.com:443, https://app.example.com",
			"http://localhost:80/, http://localhost", "http://localhost:5173, http://localhost:5173",
			"https://app.example.test:8443/, https://app.example.test:8443", "http://[::1]:8080, http://[::1]:8080" })
	void parseNormalisesCaseDefaultPortAndTrailingSlash(String configured, String normalised) {
		assertThat(Origin.parse(configured)).hasToString(normalised);
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "https://*.example.com", "null", "https://app.example.com/app", "app.example.com",
			"ftp://app.example.com", "https://user@app.example.com", "https://app.example.com?x=1", "https://", "" })
	void parseRefusesWhatIsNotAnOrigin(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> Origin.parse(value));
	}

	@Test
	void parseExplainsWildcardAndNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> Origin.parse("*")).withMessageContaining("wildcard");
		assertThatIllegalArgumentException().isThrownBy(() -> Origin.parse("null")).withMessageContaining("opaque");
	}

	@ParameterizedTest
	@CsvSource({ "https://app.example.com, example.com", "https://a.b.example.co.uk, example.co.uk",
			"https://app.example.test:8443, example.test", "https://api.other-site.test, other-site.test",
			"https://alice.github.io, alice.github.io", "http://localhost:8080, localhost", "http://127.0.0.1, 127.0.0.1",
			"https://example.com, example.com", "https://co.uk, co.uk" })
	void registrableDomainFollowsThePublicSuffixList(String origin, String site) {
		assertThat(Origin.parse(origin).registrableDomain()).isEqualTo(site);
	}

	@ParameterizedTest
	@CsvSource({ "https://app.example.com, https://api.example.com, true",
			"https://app.example.com:8443, https://api.example.com, true",
			"https://app.example.com, https://api.example.net, false",
			"http://app.example.com, https://api.example.com, false",
			"https://alice.github.io, https://bob.github.io, false",
			"https://app.example.test, https://api.other-site.test, false",
			"http://localhost:5173, http://localhost:8080, true" })
	void sameSiteIsSchemefulAndIgnoresPorts(String a, String b, boolean sameSite) {
		assertThat(Origin.parse(a).isSameSite(Origin.parse(b))).isEqualTo(sameSite);
	}

	@Test
	void originOfUrlTakesSchemeHostAndPortOnly() {
		assertThat(Origin.ofUrl("https://App.example.com:443/path?q=1#x")).hasValue(Origin.parse("https://app.example.com"));
		assertThat(Origin.ofUrl("//app.example.com/")).isEmpty();
		assertThat(Origin.ofUrl("https://")).isEmpty();
		assertThat(Origin.ofUrl("")).isEmpty();
	}

	@Test
	void originHeaderMustBeAnOriginNotAUrl() {
		assertThat(Origin.fromOriginHeader("https://app.example.com")).isPresent();
		assertThat(Origin.fromOriginHeader("null")).isEmpty();
		assertThat(Origin.fromOriginHeader("https://[")).isEmpty();
		assertThat(Origin.fromOriginHeader("https://app.example.com/path")).isEmpty();
	}

}
