package dev.spaauth.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log-in refused by the throttle is counted by the limit that refused it. The same settings as
 * {@code ThrottlingIntegrationTests} (3 failures per account, refilled at one a second), so the two
 * share one Spring context; an account name of its own keeps this test out of the others' buckets.
 */
@TestPropertySource(properties = { "spa-auth.throttle.account-attempts=3", "spa-auth.throttle.account-period=3s",
		"spring.datasource.url=jdbc:h2:mem:spa-auth-throttle;DB_CLOSE_DELAY=-1" })
class ThrottleMetricsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MeterRegistry registry;

	@Test
	void logInRefusedByTheAccountLimitThenCountedAsThrottledByAccount() {
		String account = "nobody-" + uniqueUsername();
		double throttled = count("spa.auth.throttled", "limit", "account");

		// Until the first refusal: a slow machine may see a token refilled between two attempts.
		Response response = this.browser.login(account, "wrong password");
		for (int i = 0; i < 10 && response.status() == 400; i++) {
			response = this.browser.login(account, "wrong password");
		}

		assertThat(response.status()).isEqualTo(429);
		assertThat(count("spa.auth.throttled", "limit", "account")).isEqualTo(throttled + 1);
	}

	private double count(String name, String... tags) {
		Counter counter = this.registry.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
