package dev.spaauth.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.spaauth.account.AccountProtectionSupport;
import dev.spaauth.devprovider.DevProvider;
import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.LocalProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-up and sign-in with a provider are counted under the method {@code provider}, never with the
 * provider's user; the context of the account-protection tests, which has the local provider.
 */
class ProviderMetricsIntegrationTests extends AccountProtectionSupport {

	@Autowired
	MeterRegistry registry;

	@Test
	void providerSignUpThenSignInCountedUnderTheProviderMethod() {
		DevProvider.allowRedirectUri("http://localhost:" + this.port + "/api/auth/oauth2/callback/local");
		String user = "p" + uniqueUsername();
		LocalProvider.addUser(user, user + "@provider.test", true);
		double signUps = count("spa.auth.signups", "method", "provider");
		double signIns = count("spa.auth.logins", "method", "provider", "outcome", "success", "reason", "none");

		ApiClient.Response created = LocalProvider.finishFlow(new ApiClient(this.port), this.port, "local", "sign_in", user);
		ApiClient.Response again = LocalProvider.finishFlow(new ApiClient(this.port), this.port, "local", "sign_in", user);

		assertThat(created.status()).as(created.body()).isEqualTo(200);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(count("spa.auth.signups", "method", "provider")).isEqualTo(signUps + 1);
		assertThat(count("spa.auth.logins", "method", "provider", "outcome", "success", "reason", "none"))
			.isEqualTo(signIns + 1);
	}

	private double count(String name, String... tags) {
		Counter counter = this.registry.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
