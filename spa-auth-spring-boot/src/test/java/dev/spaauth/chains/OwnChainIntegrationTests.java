package dev.spaauth.chains;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import dev.spaauth.testapp.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with a full chain of its own (roles, open paths, the rest authenticated) and a second
 * chain for actuator keeps every row of spa-auth's contract, on both chains.
 */
@SpringBootTest(classes = OwnChainApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:spa-auth-chains-own;DB_CLOSE_DELAY=-1",
				"management.endpoints.web.exposure.include=health,info", "management.health.mail.enabled=false" })
class OwnChainIntegrationTests extends ChainContractTests {

	@Test
	void actuatorChainHasSpaAuthsCsrfAndOriginChecks() {
		Response withoutToken = this.browser.post("/actuator/info").send();
		Response fromElsewhere = this.browser.post("/actuator/info")
			.csrf(this.browser.csrf())
			.header("Origin", "https://evil.example.test")
			.send();

		assertThat(withoutToken.json().get("code").asString()).isEqualTo("csrf_failed");
		assertThat(fromElsewhere.json().get("code").asString()).isEqualTo("origin_forbidden");
	}

}
