package dev.spaauth.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.spaauth.SpaAuthConfigurationException;
import dev.spaauth.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An unsafe configuration stops a real application's start-up, not just a unit check. */
class SpaAuthStartupIntegrationTests {

	@Test
	void applicationWithSameSiteNoneOverPlainCookiesDoesNotStart() {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setDefaultProperties(java.util.Map.of("server.port", "0", "spring.datasource.url",
				"jdbc:h2:mem:spa-auth-startup;DB_CLOSE_DELAY=-1"));

		assertThatThrownBy(() -> {
			try (ConfigurableApplicationContext context = application.run("--spa-auth.cookies.same-site=none",
					"--spa-auth.cookies.secure=false")) {
				assertThat(context.isActive()).isFalse();
			}
		}).hasRootCauseInstanceOf(SpaAuthConfigurationException.class)
			.rootCause()
			.hasMessageContaining("SameSite=None cookies without Secure");
	}

}
