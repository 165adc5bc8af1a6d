package dev.spaauth.account;

import java.util.Map;

import jakarta.mail.Message;
import org.junit.jupiter.api.Test;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordResetIntegrationTests extends AccountProtectionSupport {

	private static final String NEW_PASSWORD = "copper kites circle the old mill at dawn 3";

	@Test
	void resetRequestAnswersTheSameForKnownAndUnknownAddressesAndMailsOnlyTheKnownOne() {
		String username = newUser(new ApiClient(this.port));

		Response known = requestReset(username + "@example.com");
		Response unknown = requestReset("nobody-" + username + "@example.com");
		Response otherCase = requestReset(username.toUpperCase() + "@EXAMPLE.COM");

		for (Response response : new Response[] { known, unknown, otherCase }) {
			assertThat(response.status()).isEqualTo(202);
			assertThat(response.body()).isEqualTo(known.body());
		}
		Message link = mailTo(username + "@example.com", "Reset your password");
		assertThat(textOf(link)).contains("http://localhost:5173/#/reset-password?token=");
		assertThat(mailsTo("nobody-" + username + "@example.com")).isEmpty();
	}

	@Test
	void resetLinkSetsThePasswordEndsEverySessionAndWorksOnce() {
		String username = newUser(this.browser);
		String email = username + "@example.com";
		requestReset(email);
		String token = tokenIn(mailTo(email, "Reset your password"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.one_time_tokens WHERE token_hash = ?")
			.param(token)
			.query(Long.class)
			.single()).as("the token itself is never stored").isZero();

		Response confirmed = confirm(token, NEW_PASSWORD);
		Response reused = confirm(token, NEW_PASSWORD + "x");

		assertThat(confirmed.status()).isEqualTo(204);
		assertThat(confirmed.setCookie("__Host-SESSION")).isEmpty();
		assertThat(this.browser.get("/api/things").send().status()).isEqualTo(401);
		assertThat(new ApiClient(this.port).login(username, PASSWORD).status()).isEqualTo(400);
		assertThat(new ApiClient(this.port).login(username, NEW_PASSWORD).status()).isEqualTo(200);
		assertThat(reused.status()).isEqualTo(400);
		assertThat(reused.json().get("code").asString()).isEqualTo("invalid_token");
		assertThat(mailTo(email, "Your password was reset")).isNotNull();
	}

	@Test
	void expiredOrSupersededOrMadeUpTokensAreInvalid() {
		String username = newUser(new ApiClient(this.port));
		String email = username + "@example.com";
		requestReset(email);
		String first = tokenIn(mailTo(email, "Reset your password"));
		mail.reset();
		requestReset(email);
		String second = tokenIn(mailTo(email, "Reset your password"));
		this.jdbc.sql("UPDATE spa_auth.one_time_tokens SET expires_at = expires_at - INTERVAL '31' MINUTE "
				+ "WHERE used_at IS NULL AND user_id = (SELECT id FROM spa_auth.users WHERE username = ?)")
			.param(username)
			.update();

		for (String token : new String[] { first, second, "A".repeat(43), "../../etc" }) {
			Response response = confirm(token, NEW_PASSWORD);
			assertThat(response.status()).as(token).isEqualTo(400);
			assertThat(response.json().get("code").asString()).isEqualTo("invalid_token");
		}
	}

	@Test
	void resetEndsAPendingEmailChange() {
		String username = newUser(this.browser);
		String attackerAddress = "attacker-" + username + "@example.com";
		this.browser.post("/api/auth/email")
			.csrf(reauthenticate(this.browser))
			.json(Map.of("newEmail", attackerAddress))
			.send();
		String emailLink = tokenIn(mailTo(attackerAddress, "Confirm your new email address"));
		requestReset(username + "@example.com");

		confirm(tokenIn(mailTo(username + "@example.com", "Reset your password")), NEW_PASSWORD);
		ApiClient anyone = new ApiClient(this.port);
		Response confirmEmail = anyone.post("/api/auth/email/confirm")
			.csrf(anyone.csrf())
			.json(Map.of("token", emailLink))
			.send();

		assertThat(confirmEmail.status()).isEqualTo(400);
		assertThat(textOf(mailTo(username + "@example.com", "Your password was reset"))).contains("every session");
	}

	@Test
	void weakNewPasswordIsRefusedAndTheLinkStaysUsable() {
		String username = newUser(new ApiClient(this.port));
		requestReset(username + "@example.com");
		String token = tokenIn(mailTo(username + "@example.com", "Reset your password"));

		Response weak = confirm(token, "password1");

		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().get("errors").has("newPassword")).isTrue();
		assertThat(confirm(token, NEW_PASSWORD).status()).isEqualTo(204);
	}

	private Response requestReset(String email) {
		ApiClient client = new ApiClient(this.port);
		return client.post("/api/auth/password-reset").csrf(client.csrf()).json(Map.of("email", email)).send();
	}

	private Response confirm(String token, String newPassword) {
		ApiClient client = new ApiClient(this.port);
		return client.post("/api/auth/password-reset/confirm")
			.csrf(client.csrf())
			.json(Map.of("token", token, "newPassword", newPassword))
			.send();
	}

}
