package dev.spaauth.doctor;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.spaauth.doctor.Origins.Lookalike;

import static org.assertj.core.api.Assertions.assertThat;

class OriginsTests {

	@Test
	void lookalikesWhenDefaultPortThenOneOfEachKind() {
		assertThat(Origins.lookalikes(URI.create("https://app.example.com/"))).containsExactly(
				new Lookalike("suffix", "https://app.example.com.evil.test"),
				new Lookalike("prefix", "https://evilapp.example.com"),
				new Lookalike("sibling", "https://doctor-evil.example.com"),
				new Lookalike("regex-dot", "https://appxexample.com"),
				new Lookalike("scheme", "http://app.example.com"),
				new Lookalike("port", "https://app.example.com:8443"),
				new Lookalike("null", "null"));
	}

	@Test
	void lookalikesWhenExplicitPortThenKeptExceptForThePortOne() {
		assertThat(Origins.lookalikes(URI.create("https://app.example.test:8443")).stream().map(Lookalike::origin))
			.containsExactly("https://app.example.test.evil.test:8443", "https://evilapp.example.test:8443",
					"https://doctor-evil.example.test:8443", "https://appxexample.test:8443", "http://app.example.test:8443", "https://app.example.test:9443",
					"null");
	}

	@Test
	void lookalikesWhenIpAddressThenNoSiblingNorRegexDot() {
		assertThat(Origins.lookalikes(URI.create("http://127.0.0.1:8080")).stream().map(Lookalike::kind))
			.doesNotContain("sibling", "regex-dot");
	}

	@Test
	void lookalikesWhenDeepHostThenOnlyTheDotBeforeTheSiteReplaced() {
		assertThat(Origins.lookalikes(URI.create("https://app.eu.example.co.uk")))
			.contains(new Lookalike("regex-dot", "https://app.euxexample.co.uk"));
	}

	@Test
	void lookalikesWhenHostIsTheSiteThenNoRegexDot() {
		assertThat(Origins.lookalikes(URI.create("https://example.com")).stream().map(Lookalike::kind))
			.doesNotContain("regex-dot");
	}

	@Test
	void serializeWhenDefaultPortOrUpperCaseThenAsBrowsersSendIt() {
		assertThat(Origins.serialize(URI.create("HTTPS://App.Example.com:443/x"))).isEqualTo("https://app.example.com");
		assertThat(Origins.serialize(URI.create("http://localhost:8080"))).isEqualTo("http://localhost:8080");
	}

}
