package dev.spaauth.throttle;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-address throttling: one client cycling through many account names is slowed too. */
@TestPropertySource(properties = { "spa-auth.throttle.address-attempts=4", "spa-auth.throttle.address-period=1h",
		"spring.datasource.url=jdbc:h2:mem:spa-auth-address-throttle;DB_CLOSE_DELAY=-1" })
class AddressThrottlingIntegrationTests extends IntegrationTestSupport {

	@Test
	void manyAccountsFromOneAddressThenRateLimitedForLoginAndSignup() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.browser.login("spray" + i + "-" + uniqueUsername(), "Winter2026!").status()).isEqualTo(400);
		}

		Response login = this.browser.login("spray-next-" + uniqueUsername(), "Winter2026!");
		String username = uniqueUsername();
		Response signup = this.browser.signup(username, username + "@example.com", PASSWORD);

		assertThat(login.status()).isEqualTo(429);
		assertThat(login.header("Retry-After")).isPresent();
		assertThat(signup.status()).isEqualTo(429);
		assertThat(signup.json().get("code").asString()).isEqualTo("rate_limited");
	}

}
