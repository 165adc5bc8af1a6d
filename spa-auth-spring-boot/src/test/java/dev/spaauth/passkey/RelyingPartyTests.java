package dev.spaauth.passkey;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;

import dev.spaauth.SpaAuthConfigurationException;
import dev.spaauth.deployment.Deployment;
import dev.spaauth.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The RP id and origins per deployment shape, and the start-up refusals. */
class RelyingPartyTests {

	@ParameterizedTest(name = "SPA {0}, API {1}: RP id {2}")
	@CsvSource({ "https://app.example.com, https://api.example.com, example.com",
			"https://app.example.com, https://api.other.net, example.com",
			"https://app.example.co.uk, https://api.example.co.uk, example.co.uk",
			"https://example.com, https://api.example.com, example.com",
			"http://localhost:5173, http://localhost:8080, localhost" })
	void rpIdIsTheRegistrableDomainOfTheSpaOrigin(String spa, String api, String rpId) {
		RelyingParty.Settings settings = RelyingParty.resolve(deployment(api, spa), null, "Notes")
			.forRequest(new MockHttpServletRequest());

		assertThat(settings.rpId()).isEqualTo(rpId);
		assertThat(settings.origins()).containsExactly(spa);
		assertThat(settings.name()).isEqualTo("Notes");
	}

	@Test
	void withoutConfiguredOriginsTheRequestsOwnOriginIsTheSpas() {
		RelyingParty rp = RelyingParty.resolve(deployment(null), null, "Notes");
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setScheme("https");
		request.setServerName("app.example.com");
		request.setServerPort(8443);

		RelyingParty.Settings settings = rp.forRequest(request);

		assertThat(settings.rpId()).isEqualTo("example.com");
		assertThat(settings.origins()).containsExactly("https://app.example.com:8443");
	}

	@Test
	void aRequestToAnIpAddressGetsAProblemNotAnError() {
		RelyingParty rp = RelyingParty.resolve(deployment(null), null, "Notes");
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setServerName("127.0.0.1");
		request.setServerPort(8080);

		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> rp.forRequest(request))
			.satisfies((ex) -> assertThat(ex.getCode().code()).isEqualTo("passkeys_unavailable"))
			.withMessageContaining("IP address");
	}

	@Test
	void spaOriginsOnTwoSitesAreRefusedAtStartUp() {
		Deployment twoSites = Deployment.resolve("https://api.example.com",
				List.of("https://app.example.com", "https://app.other.net"), true, null, null, cors());

		assertThatExceptionOfType(SpaAuthConfigurationException.class)
			.isThrownBy(() -> RelyingParty.resolve(twoSites, null, "Notes"))
			.satisfies((ex) -> {
				assertThat(ex.getDescription()).contains("different sites");
				assertThat(ex.getAction()).contains("spa-auth.passkeys.enabled=false");
			});
	}

	@ParameterizedTest(name = "rp-id={0} for SPA {1}")
	@CsvSource({ "other.com, https://app.example.com, example.com", "com, https://app.example.com, example.com",
			"pp.example.com, https://app.example.com, example.com", "co.uk, https://app.example.co.uk, example.co.uk" })
	void anRpIdThatCannotWorkForTheSpaIsRefusedSayingWhatToWrite(String rpId, String spa, String suggestion) {
		assertThatExceptionOfType(SpaAuthConfigurationException.class)
			.isThrownBy(() -> RelyingParty.resolve(deployment("https://api.example.net", spa), rpId, "Notes"))
			.satisfies((ex) -> assertThat(ex.getAction()).contains("spa-auth.passkeys.rp-id=" + suggestion));
	}

	@Test
	void anRpIdOverrideThatFitsIsUsed() {
		RelyingParty.Settings settings = RelyingParty
			.resolve(deployment("https://api.example.com", "https://app.example.com"), "app.example.com", "Notes")
			.forRequest(new MockHttpServletRequest());

		assertThat(settings.rpId()).isEqualTo("app.example.com");
	}

	@ParameterizedTest
	@CsvSource({ "http://127.0.0.1:5173, http://127.0.0.1:8080, IP address",
			"http://app.example.com, http://api.example.com, https://" })
	void spaOriginsWherePasskeysCannotWorkAreRefused(String spa, String api, String message) {
		Deployment deployment = Deployment.resolve(api, List.of(spa), false, null, null, cors());

		assertThatExceptionOfType(SpaAuthConfigurationException.class)
			.isThrownBy(() -> RelyingParty.resolve(deployment, null, "Notes"))
			.withMessageContaining(message);
	}

	private static Deployment deployment(@Nullable String api, String... spas) {
		return Deployment.resolve(api, List.of(spas), api == null || api.startsWith("https:"), null, null, cors());
	}

	private static Deployment.Cors cors() {
		return new Deployment.Cors(Duration.ofMinutes(10), List.of());
	}

}
