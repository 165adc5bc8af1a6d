package dev.spaauth.account;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordChangeIntegrationTests extends AccountProtectionSupport {

	private static final String NEW_PASSWORD = "violet lantern drifts over quiet harbour 9";

	@Test
	void passwordChangeRenewsThisSessionEndsTheOthersAndTellsTheUser() {
		String username = newUser(this.browser);
		ApiClient otherDevice = new ApiClient(this.port);
		assertThat(otherDevice.login(username, PASSWORD).status()).isEqualTo(200);
		String sessionBefore = this.browser.cookies().get("__Host-SESSION");

		Response response = this.browser.post("/api/auth/password")
			.csrf(this.browser.csrf())
			.json(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.browser.cookies().get("__Host-SESSION")).isNotEqualTo(sessionBefore);
		assertThat(sessionStored(sessionBefore)).isFalse();
		assertThat(this.browser.post("/api/things").csrf(response.json().get("csrfToken").asString()).json(Map.of())
			.send()
			.status()).isEqualTo(200);
		assertThat(otherDevice.get("/api/things").send().status()).isEqualTo(401);
		assertThat(textOf(mailTo(username + "@example.com", "Your password was changed"))).contains("#/forgot-password");
		assertThat(new ApiClient(this.port).login(username, PASSWORD).status()).isEqualTo(400);
		assertThat(new ApiClient(this.port).login(username, NEW_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void passwordChangeWithWrongCurrentPasswordThenInvalidCredentialsAndNothingChanges() {
		String username = newUser(this.browser);

		Response response = this.browser.post("/api/auth/password")
			.csrf(this.browser.csrf())
			.json(Map.of("currentPassword", "a guess of the attacker", "newPassword", NEW_PASSWORD))
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("invalid_credentials");
		assertThat(new ApiClient(this.port).login(username, PASSWORD).status()).isEqualTo(200);
		assertThat(mailsTo(username + "@example.com")).isEmpty();
	}

	@Test
	void passwordChangeWithMissingOrWeakPasswordsThenFieldErrors() {
		newUser(this.browser);

		Response missing = this.browser.post("/api/auth/password").csrf(this.browser.csrf()).json(Map.of()).send();
		Response weak = this.browser.post("/api/auth/password")
			.csrf(this.browser.csrf())
			.json(Map.of("currentPassword", PASSWORD, "newPassword", "password1"))
			.send();

		assertThat(missing.json().get("errors").propertyNames()).containsExactly("currentPassword", "newPassword");
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().get("errors").get("newPassword").asString()).contains("too easy to guess");
	}

	@Test
	void passwordChangeEndsAPendingEmailChangeSoAnAttackerWhoKnewThePasswordCannotFinishIt() {
		// Regression (new-user trial): an attacker's pending email change survived the victim's new password.
		String username = newUser(this.browser);
		ApiClient attacker = new ApiClient(this.port);
		attacker.login(username, PASSWORD);
		String attackerAddress = "attacker-" + username + "@example.com";
		attacker.post("/api/auth/email").csrf(reauthenticate(attacker)).json(Map.of("newEmail", attackerAddress)).send();
		String link = tokenIn(mailTo(attackerAddress, "Confirm your new email address"));

		this.browser.post("/api/auth/password")
			.csrf(this.browser.csrf())
			.json(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
			.send();
		ApiClient anyone = new ApiClient(this.port);
		Response confirm = anyone.post("/api/auth/email/confirm").csrf(anyone.csrf()).json(Map.of("token", link)).send();

		assertThat(confirm.status()).isEqualTo(400);
		assertThat(confirm.json().get("code").asString()).isEqualTo("invalid_token");
		assertThat(this.browser.get("/api/auth/session").send().json().get("user").get("email").asString())
			.isEqualTo(username + "@example.com");
	}

	@Test
	void twoConcurrentPasswordChangesThenOnlyTheFirstWinsAndTheSecondIsTold() throws Exception {
		String username = newUser(this.browser);
		ApiClient other = new ApiClient(this.port);
		other.login(username, PASSWORD);
		String tokenA = this.browser.csrf();
		String tokenB = other.csrf();

		java.util.concurrent.CompletableFuture<Response> a = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> this.browser.post("/api/auth/password")
				.csrf(tokenA)
				.json(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
				.send());
		java.util.concurrent.CompletableFuture<Response> b = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> other.post("/api/auth/password")
				.csrf(tokenB)
				.json(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD + " other"))
				.send());

		java.util.List<Integer> statuses = java.util.List.of(a.get().status(), b.get().status());
		assertThat(statuses).containsExactlyInAnyOrder(200, 400);
		ApiClient winner = (a.get().status() == 200) ? this.browser : other;
		assertThat(winner.get("/api/things").send().status()).isEqualTo(200);
	}

	@Test
	void newPasswordEqualToTheCurrentOneIsRefused() {
		newUser(this.browser);

		Response response = this.browser.post("/api/auth/password")
			.csrf(this.browser.csrf())
			.json(Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD))
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get("newPassword").asString())
			.isEqualTo("Choose a password different from the current one.");
	}

	@Test
	void passwordChangeNeedsASession() {
		ApiClient anonymous = new ApiClient(this.port);

		Response response = anonymous.post("/api/auth/password")
			.csrf(anonymous.csrf())
			.json(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
			.send();

		assertThat(response.status()).isEqualTo(401);
	}

}
