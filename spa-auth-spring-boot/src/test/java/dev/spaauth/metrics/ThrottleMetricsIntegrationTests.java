package dev.spaauth.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log-in refused by the throttle is counted by the limit that refused it. The same settings as
 * {@code ThrottlingIntegrationTests}, so the two share one Spring context.
 */
@TestPropertySource(properties = { "spa-auth.throttle.account-attempts=3", "spa-auth.throttle.account-period=3s",
		"spring.datasource.url=jdbc:h2:mem:spa-auth-throttle;DB_CLOSE_DELAY=-1" })
class ThrottleMetricsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MeterRegistry registry;

	@Test
	void logInRefusedByTheAccountLimitThenCountedAsThrottledByAccount() {
		String username = signedUp(new ApiClient(this.port));
		double throttled = count("spa.auth.throttled", "limit", "account");
		double failed = count("spa.auth.logins", "method", "password", "outcome", "failure", "reason",
				"invalid_credentials");
		for (int i = 0; i < 3; i++) {
			assertThat(this.browser.login(username, "wrong password " + i).status()).isEqualTo(400);
		}

		assertThat(this.browser.login(username, PASSWORD).status()).isEqualTo(429);

		assertThat(count("spa.auth.throttled", "limit", "account")).isEqualTo(throttled + 1);
		assertThat(count("spa.auth.logins", "method", "password", "outcome", "failure", "reason", "invalid_credentials"))
			.isEqualTo(failed + 3);
	}

	private double count(String name, String... tags) {
		Counter counter = this.registry.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
