package dev.spaauth.csrf;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** An SPA written for Django ({@code csrftoken} cookie, {@code X-CSRFToken} header) works by configuration alone. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spa-auth.csrf.cookie-name=csrftoken", "spa-auth.csrf.header-name=X-CSRFToken",
				"spring.datasource.url=jdbc:h2:mem:spa-auth-django-names;DB_CLOSE_DELAY=-1" })
class DjangoCompatibleNamesIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple 42";

	@LocalServerPort
	int port;

	@Test
	void djangoStyleClientReadsCsrftokenCookieAndSendsXCsrfTokenHeader() {
		ApiClient client = new ApiClient(this.port);
		Response primed = client.get("/api/auth/csrf").send();
		assertThat(primed.json().get("headerName").asString()).isEqualTo("X-CSRFToken");
		String cookieToken = primed.setCookie("csrftoken").orElseThrow().value();
		assertThat(primed.setCookie("XSRF-TOKEN")).isEmpty();
		String username = "django" + Long.toString(System.nanoTime(), 36);

		Response signup = client.post("/api/auth/signup")
			.header("X-CSRFToken", cookieToken)
			.json(Map.of("username", username, "email", username + "@example.com", "password", PASSWORD))
			.send();
		assertThat(signup.status()).isEqualTo(201);
		String sessionToken = client.cookies().get("csrftoken");

		assertThat(client.post("/api/things").header("X-CSRFToken", sessionToken).json(Map.of()).send().status())
			.isEqualTo(200);
		assertThat(client.post("/api/things").csrf(sessionToken).json(Map.of()).send().status()).isEqualTo(403);
		assertThat(client.post("/api/auth/logout").header("X-CSRFToken", sessionToken).send().status())
			.isEqualTo(200);
	}

}
