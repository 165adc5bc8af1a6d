package dev.spaauth.chains;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import dev.spaauth.testapp.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application with chains of its own, deployed with its SPA on a sibling subdomain: every contract
 * row holds, and CORS is answered from spa-auth's deployment on the application's chains too.
 */
@SpringBootTest(classes = OwnChainApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:spa-auth-chains-cross-origin;DB_CLOSE_DELAY=-1",
				"spa-auth.allowed-origins=https://app.example.test", "spa-auth.public-origin=https://api.example.test",
				"server.forward-headers-strategy=native", "spa-auth.cors.allowed-headers=Authorization",
				"management.endpoints.web.exposure.include=health,info", "management.health.mail.enabled=false" })
class OwnChainCrossOriginIntegrationTests extends ChainContractTests {

	private static final String SPA = "https://app.example.test";

	@Test
	void preflightFromTheSpaIsAnsweredWithTheExactOriginAndCredentials() {
		Response response = this.browser.preflight(SPA, "/api/hello", "POST", "content-type, x-xsrf-token");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).hasValue(SPA);
		assertThat(response.header("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(String.join(",", response.headers("Vary"))).contains("Origin");
		assertThat(response.setCookies()).isEmpty();
	}

	@Test
	void configuredExtraRequestHeaderIsAllowedInPreflights() {
		Response response = this.browser.preflight(SPA, "/api/public/echo", "POST", "authorization, content-type");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Headers").orElseThrow().toLowerCase()).contains("authorization");
	}

	@Test
	void preflightFromAnotherOriginIsRefusedWithoutAllowHeaders() {
		Response response = this.browser.preflight("https://evil.example.test", "/api/hello", "POST", "content-type");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("code").asString()).isEqualTo("origin_forbidden");
		assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void spaOriginMayMakeUnsafeRequestsWithItsToken() {
		newUser();

		Response response = this.browser.post("/api/public/echo")
			.csrf(this.browser.csrf())
			.header("Origin", SPA)
			.json(Map.of("from", "spa"))
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).hasValue(SPA);
	}

	@Override
	String expectedResourcePolicy() {
		return "same-site";
	}

}
