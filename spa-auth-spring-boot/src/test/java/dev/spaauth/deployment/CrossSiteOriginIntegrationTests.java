package dev.spaauth.deployment;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SPA on another site ({@code https://app.example.test}) than the API
 * ({@code https://api.other-site.test}): the cookies become {@code SameSite=None; Secure} so the
 * browser sends them on the SPA's credentialed requests.
 */
@TestPropertySource(properties = { "spa-auth.allowed-origins=https://app.example.test/",
		"spa-auth.public-origin=https://api.other-site.test",
		"spring.datasource.url=jdbc:h2:mem:spa-auth-cross-site;DB_CLOSE_DELAY=-1" })
class CrossSiteOriginIntegrationTests extends IntegrationTestSupport {

	@Test
	void cookiesAreSameSiteNoneAndSecure() {
		Response signup = signUpFromTheSpa(uniqueUsername());

		assertThat(signup.status()).isEqualTo(201);
		assertThat(signup.header("Access-Control-Allow-Origin")).hasValue("https://app.example.test");
		for (String name : new String[] { "__Host-SESSION", "XSRF-TOKEN" }) {
			assertThat(signup.setCookie(name).orElseThrow().attribute("SameSite")).as(name).isEqualTo("None");
			assertThat(signup.setCookie(name).orElseThrow().has("Secure")).as(name).isTrue();
			assertThat(signup.setCookie(name).orElseThrow().has("Partitioned")).as(name).isTrue();
		}
	}

	@Test
	void cookiesArePartitionedWhenSetAndWhenDeletedSoBrowsersThatBlockThirdPartyCookiesKeepThem() {
		String username = uniqueUsername();
		Response signup = signUpFromTheSpa(username);
		Response login = this.browser.login(username, PASSWORD);
		Response logout = this.browser.post("/api/auth/logout")
			.header("Origin", "https://app.example.test")
			.csrf(login.json().get("csrfToken").asString())
			.send();

		assertThat(signup.setCookie("__Host-DEVICE").orElseThrow().has("Partitioned")).isTrue();
		// A browser that kept an unpartitioned XSRF-TOKEN from before Partitioned drops it first.
		assertThat(signup.setCookies()).filteredOn((cookie) -> cookie.name().equals("XSRF-TOKEN"))
			.extracting((cookie) -> cookie.has("Partitioned") + " " + cookie.expired())
			.containsExactly("false true", "true false");
		assertThat(login.setCookie("__Host-SESSION").orElseThrow().has("Partitioned")).isTrue();
		assertThat(logout.status()).isEqualTo(200);
		// A partitioned cookie is deleted only by a Set-Cookie that is Partitioned too (CHIPS).
		assertThat(logout.setCookie("__Host-SESSION").orElseThrow().expired()).isTrue();
		assertThat(logout.setCookie("__Host-SESSION").orElseThrow().has("Partitioned")).isTrue();
	}

	/** Primes a CSRF token and signs up, as the SPA on https://app.example.test does. */
	private Response signUpFromTheSpa(String username) {
		String token = this.browser.get("/api/auth/csrf")
			.header("Origin", "https://app.example.test")
			.send()
			.json()
			.get("csrfToken")
			.asString();
		return this.browser.post("/api/auth/signup")
			.header("Origin", "https://app.example.test")
			.csrf(token)
			.json(java.util.Map.of("username", username, "email", username + "@example.com", "password", PASSWORD))
			.send();
	}

}
