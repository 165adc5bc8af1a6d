package dev.spaauth.account;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReauthenticationIntegrationTests extends AccountProtectionSupport {

	@Test
	void reauthenticateWhenPasswordRightThenFreshForTheWindowWithNewSessionIdAndCsrfToken() {
		newUser(this.browser);
		String sessionBefore = this.browser.cookies().get("__Host-SESSION");
		String tokenBefore = this.browser.csrf();

		Response response = this.browser.post("/api/auth/reauthenticate")
			.csrf(tokenBefore)
			.json(Map.of("password", PASSWORD))
			.send();

		assertThat(response.status()).isEqualTo(200);
		Instant until = Instant.parse(response.json().get("reauthenticatedUntil").asString());
		assertThat(until).isCloseTo(Instant.now().plusSeconds(2), within(2, java.time.temporal.ChronoUnit.SECONDS));
		String tokenAfter = response.json().get("csrfToken").asString();
		assertThat(tokenAfter).isNotEqualTo(tokenBefore);
		assertThat(this.browser.cookies().get("__Host-SESSION")).isNotEqualTo(sessionBefore);
		assertThat(sessionStored(sessionBefore)).isFalse();
		assertThat(this.browser.post("/api/things").csrf(tokenBefore).json(Map.of()).send().status()).isEqualTo(403);
		assertThat(this.browser.post("/api/things").csrf(tokenAfter).json(Map.of()).send().status()).isEqualTo(200);
		assertThat(response.header("Cache-Control").orElseThrow()).contains("no-store");
	}

	@Test
	void reauthenticateWhenPasswordWrongThenInvalidCredentialsAndNotFresh() {
		newUser(this.browser);

		Response response = this.browser.post("/api/auth/reauthenticate")
			.csrf(this.browser.csrf())
			.json(Map.of("password", "not my password at all"))
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("invalid_credentials");
		assertThat(response.json().get("detail").asString()).isEqualTo("That is not your current password.");
		assertThat(response.body()).doesNotContain("not my password at all");
	}

	@Test
	void reauthenticateWithoutSessionOrTokenOrPasswordThenTheMatchingProblem() {
		ApiClient anonymous = new ApiClient(this.port);
		Response noSession = anonymous.post("/api/auth/reauthenticate")
			.csrf(anonymous.csrf())
			.json(Map.of("password", PASSWORD))
			.send();
		newUser(this.browser);
		Response noToken = this.browser.post("/api/auth/reauthenticate").json(Map.of("password", PASSWORD)).send();
		Response noPassword = this.browser.post("/api/auth/reauthenticate").csrf(this.browser.csrf()).json(Map.of()).send();

		assertThat(noSession.status()).isEqualTo(401);
		assertThat(noSession.json().get("code").asString()).isEqualTo("unauthenticated");
		assertThat(noToken.status()).isEqualTo(403);
		assertThat(noToken.json().get("code").asString()).isEqualTo("csrf_failed");
		assertThat(noPassword.status()).isEqualTo(400);
		assertThat(noPassword.json().get("errors").get("password").asString()).isEqualTo("Password is required.");
	}

	@Test
	void sessionStatusLeavesOutTheWindowOnceItHasPassed() {
		newUser(this.browser);
		reauthenticate(this.browser);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(5))
			.until(() -> !this.browser.get("/api/auth/session").send().json().has("reauthenticatedUntil"));
	}

	@Test
	void reauthenticateNeverSwitchesTheUser() {
		String other = newUser(new ApiClient(this.port));
		String me = newUser(this.browser);

		Response response = this.browser.post("/api/auth/reauthenticate")
			.csrf(this.browser.csrf())
			.json(Map.of("username", other, "password", PASSWORD))
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.browser.get("/api/auth/session").send().json().get("user").get("username").asString())
			.isEqualTo(me);
	}

	@Test
	void sessionStatusTellsBothDeadlinesAndTheReauthenticationWindow() {
		newUser(this.browser);
		assertThat(this.browser.get("/api/auth/session").send().json().has("reauthenticatedUntil"))
			.as("a log-in alone does not make the session fresh")
			.isFalse();
		reauthenticate(this.browser);

		Response status = this.browser.get("/api/auth/session").send();

		Instant now = Instant.now();
		assertThat(Instant.parse(status.json().get("idleExpiresAt").asString()))
			.isCloseTo(now.plusSeconds(30 * 60), within(5, java.time.temporal.ChronoUnit.SECONDS));
		assertThat(Instant.parse(status.json().get("absoluteExpiresAt").asString()))
			.isCloseTo(now.plusSeconds(12 * 3600), within(5, java.time.temporal.ChronoUnit.SECONDS));
		assertThat(Instant.parse(status.json().get("reauthenticatedUntil").asString()))
			.isCloseTo(now.plusSeconds(2), within(3, java.time.temporal.ChronoUnit.SECONDS));
	}

}
