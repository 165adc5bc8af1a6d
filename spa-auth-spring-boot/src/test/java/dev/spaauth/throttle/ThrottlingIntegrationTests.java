package dev.spaauth.throttle;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.context.TestPropertySource;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.Authenticator;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Per-account throttling of log-in: 3 failures, then 429 until the allowance refills (1 a second). */
@TestPropertySource(properties = { "spa-auth.throttle.account-attempts=3", "spa-auth.throttle.account-period=3s",
		"spring.datasource.url=jdbc:h2:mem:spa-auth-throttle;DB_CLOSE_DELAY=-1" })
class ThrottlingIntegrationTests extends IntegrationTestSupport {

	@Test
	void loginAfterTooManyFailuresThenRateLimitedEvenWithTheRightPasswordUntilTheWindowPasses() {
		String username = signedUp(new ApiClient(this.port));
		for (int i = 0; i < 3; i++) {
			assertThat(this.browser.login(username, "wrong password " + i).status()).isEqualTo(400);
		}

		Response throttled = this.browser.login(username, PASSWORD);

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(throttled.json().get("code").asString()).isEqualTo("rate_limited");
		assertThat(Long.parseLong(throttled.header("Retry-After").orElseThrow())).isBetween(1L, 3L);
		assertThat(throttled.setCookie("__Host-SESSION")).isEmpty();
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> this.browser.login(username, PASSWORD).status() == 200);
	}

	@Test
	void secondFactorCodesAreThrottledPerAccountSoSixDigitsCannotBeGuessed() {
		ApiClient owner = new ApiClient(this.port);
		String username = signedUp(owner);
		Authenticator app = Authenticator.enrol(owner, PASSWORD);
		String token = this.browser.login(username, PASSWORD).json().get("csrfToken").asString();
		String right = app.code(1);
		String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
		for (int i = 0; i < 3; i++) {
			assertThat(Authenticator.verify(this.browser, token, "totp", wrong).status()).isEqualTo(400);
		}

		Response throttled = Authenticator.verify(this.browser, token, "totp", right);

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.json().get("code").asString()).isEqualTo("rate_limited");
		ApiClient other = new ApiClient(this.port);
		String otherToken = other.login(username, PASSWORD).json().get("csrfToken").asString();
		assertThat(Authenticator.verify(other, otherToken, "totp", wrong).status())
			.as("a new pending log-in does not get a new allowance")
			.isEqualTo(429);
	}

	@Test
	void unknownAccountIsThrottledAtTheSameAttemptWithTheSameAnswer() {
		String unknown = "nobody-" + uniqueUsername();
		String known = signedUp(new ApiClient(this.port));

		// One account after the other: the allowance refills a token a second, so each account's four
		// attempts must come close together even on a busy machine.
		Response unknownThrottled = fourthAttempt(unknown);
		Response knownThrottled = fourthAttempt(known);

		assertThat(unknownThrottled.status()).isEqualTo(429);
		assertThat(knownThrottled.status()).isEqualTo(429);
		assertThat(unknownThrottled.json().get("detail").asString().replaceAll("\\d+", "N"))
			.isEqualTo(knownThrottled.json().get("detail").asString().replaceAll("\\d+", "N"));
	}

	private Response fourthAttempt(String username) {
		for (int i = 0; i < 3; i++) {
			this.browser.login(username, "wrong password " + i);
		}
		return this.browser.login(username, PASSWORD);
	}

	@Test
	void throttleKeyIgnoresCase() {
		String username = signedUp(new ApiClient(this.port));
		for (int i = 0; i < 3; i++) {
			this.browser.login((i % 2 == 0) ? username.toUpperCase() : username, "wrong password " + i);
		}

		assertThat(this.browser.login(username, PASSWORD).status()).isEqualTo(429);
	}

	@Test
	void successfulLoginsDoNotCountAgainstTheLimit() {
		String username = signedUp(new ApiClient(this.port));
		for (int i = 0; i < 6; i++) {
			assertThat(new ApiClient(this.port).login(username, PASSWORD).status()).isEqualTo(200);
		}
	}

	@Test
	void reauthenticationSharesTheLoginThrottle() {
		// SEC-49: a stolen session cannot guess the password faster through re-authentication.
		ApiClient thief = new ApiClient(this.port);
		String username = signedUp(thief);
		for (int i = 0; i < 3; i++) {
			Response guess = thief.post("/api/auth/reauthenticate")
				.csrf(thief.csrf())
				.json(Map.of("password", "guess " + i))
				.send();
			assertThat(guess.status()).isEqualTo(400);
		}

		Response fourth = thief.post("/api/auth/reauthenticate").csrf(thief.csrf()).json(Map.of("password", PASSWORD)).send();

		assertThat(fourth.status()).isEqualTo(429);
		assertThat(this.browser.login(username, PASSWORD).status()).isEqualTo(429);
	}

	@ParameterizedTest(name = "an account uses the address: {0}")
	@ValueSource(booleans = { true, false })
	void passwordResetRequestsAreThrottledPerAddressWhetherOrNotAnAccountUsesIt(boolean known) {
		// SEC-39: the 429 comes at the same count for a known and an unknown address.
		String email = known ? signedUp(new ApiClient(this.port)) + "@example.com"
				: "nobody-" + uniqueUsername() + "@example.com";
		for (int i = 0; i < 3; i++) {
			assertThat(resetRequest(email).status()).isEqualTo(202);
		}
		Response throttled = resetRequest(email);
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.header("Retry-After")).isPresent();
	}

	private Response resetRequest(String email) {
		ApiClient client = new ApiClient(this.port);
		return client.post("/api/auth/password-reset").csrf(client.csrf()).json(Map.of("email", email)).send();
	}

	@Test
	void lockoutLeavesExistingSessionsAlone() {
		ApiClient victim = new ApiClient(this.port);
		String username = signedUp(victim);
		for (int i = 0; i < 4; i++) {
			this.browser.login(username, "attacker guess " + i);
		}

		assertThat(victim.get("/api/things").send().status()).isEqualTo(200);
		assertThat(victim.post("/api/things").csrf(victim.csrf()).json(Map.of()).send().status()).isEqualTo(200);
	}

}
