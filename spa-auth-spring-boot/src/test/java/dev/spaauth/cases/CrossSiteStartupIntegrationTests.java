package dev.spaauth.cases;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.spaauth.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BUG-07 of {@code cases/field-reports.md}: a cross-site deployment (SPA and API on different
 * registrable domains) is logged at start-up as one that Safari and Firefox break by default. This
 * starts its own application instead of extending {@code IntegrationTestSupport}: the shared context
 * has started long before any test could capture its log.
 */
@ExtendWith(OutputCaptureExtension.class)
class CrossSiteStartupIntegrationTests {

	@Test
	void startupWhenAnAllowedOriginIsCrossSiteThenWarnsThatBrowsersBlockThirdPartyCookies(CapturedOutput output) {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setDefaultProperties(Map.of("server.port", "0", "spring.datasource.url",
				"jdbc:h2:mem:spa-auth-cases-cross-site-startup;DB_CLOSE_DELAY=-1"));

		try (ConfigurableApplicationContext context = application.run("--spa-auth.allowed-origins=https://app.example.test",
				"--spa-auth.public-origin=https://api.other-site.test")) {
			assertThat(context.isActive()).isTrue();
		}

		assertThat(output.getAll()).contains("https://app.example.test is cross-site with the API")
			.contains("keep only as Partitioned cookies");
	}

	@Test
	void startupWhenCrossSiteWithPartitionedTurnedOffThenWarnsThatNoOneCanSignInWhereThirdPartyCookiesAreBlocked(
			CapturedOutput output) {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setDefaultProperties(Map.of("server.port", "0", "spring.datasource.url",
				"jdbc:h2:mem:spa-auth-cases-cross-site-unpartitioned;DB_CLOSE_DELAY=-1"));

		try (ConfigurableApplicationContext context = application.run("--spa-auth.allowed-origins=https://app.example.test",
				"--spa-auth.public-origin=https://api.other-site.test", "--spa-auth.cookies.partitioned=false")) {
			assertThat(context.isActive()).isTrue();
		}

		assertThat(output.getAll()).contains("spa-auth.cookies.partitioned is false with SameSite=None")
			.contains("no one can sign in from a cross-site SPA there");
	}

}
