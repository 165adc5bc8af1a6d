package dev.spaauth.account;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.Message;
import org.junit.jupiter.api.Test;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmailChangeIntegrationTests extends AccountProtectionSupport {

	@Test
	void emailChangeRightAfterLogInThenReauthenticationRequiredAndNoMail() {
		// A script injected into the SPA right after log-in cannot type the password.
		String username = newUser(this.browser);

		Response response = this.browser.post("/api/auth/email")
			.csrf(this.browser.csrf())
			.json(Map.of("newEmail", "new-" + username + "@example.com"))
			.send();

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("code").asString()).isEqualTo("reauthentication_required");
		assertThat(mailsTo("new-" + username + "@example.com")).isEmpty();
		assertThat(mailsTo(username + "@example.com")).isEmpty();
	}

	@Test
	void emailChangeWhenTheReauthenticationWindowHasPassedThenReauthenticationRequired() {
		String username = newUser(this.browser);
		String token = reauthenticate(this.browser);
		await().pollDelay(Duration.ofMillis(2200)).until(() -> true);

		Response response = this.browser.post("/api/auth/email")
			.csrf(token)
			.json(Map.of("newEmail", "late-" + username + "@example.com"))
			.send();

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("code").asString()).isEqualTo("reauthentication_required");
	}

	@Test
	void emailChangeSendsALinkToTheNewAddressAndANoticeToTheOldAndChangesNothingUntilConfirmed() {
		String username = newUser(this.browser);
		String oldEmail = username + "@example.com";
		String newEmail = "new-" + username + "@example.com";
		String token = reauthenticate(this.browser);

		Response requested = this.browser.post("/api/auth/email").csrf(token).json(Map.of("newEmail", newEmail)).send();

		assertThat(requested.status()).isEqualTo(202);
		assertThat(requested.json().get("pendingEmail").asString()).isEqualTo(newEmail);
		Message link = mailTo(newEmail, "Confirm your new email address");
		assertThat(textOf(link)).contains("http://localhost:5173/#/confirm-email?token=");
		Message notice = mailTo(oldEmail, "A change of your email address was requested");
		assertThat(textOf(notice)).contains(newEmail).contains("change your password").contains("#/account");
		assertThat(this.browser.get("/api/auth/session").send().json().get("user").get("email").asString())
			.isEqualTo(oldEmail);

		Response confirmed = this.browser.post("/api/auth/email/confirm")
			.csrf(token)
			.json(Map.of("token", tokenIn(link)))
			.send();

		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.json().get("user").get("email").asString()).isEqualTo(newEmail);
		assertThat(this.browser.get("/api/auth/session").send().json().get("user").get("email").asString())
			.isEqualTo(newEmail);
		assertThat(this.jdbc.sql("SELECT email FROM spa_auth.users WHERE username = ?")
			.param(username)
			.query(String.class)
			.single()).isEqualTo(newEmail);
		assertThat(textOf(mailTo(oldEmail, "Your email address was changed"))).contains(newEmail);
	}

	@Test
	void confirmationLinkWorksOnceAndNeverForAnotherUser() {
		String username = newUser(this.browser);
		String newEmail = "once-" + username + "@example.com";
		this.browser.post("/api/auth/email").csrf(reauthenticate(this.browser)).json(Map.of("newEmail", newEmail)).send();
		String linkToken = tokenIn(mailTo(newEmail, "Confirm"));
		ApiClient other = new ApiClient(this.port);
		newUser(other);

		Response asOther = other.post("/api/auth/email/confirm").csrf(other.csrf()).json(Map.of("token", linkToken)).send();
		ApiClient fresh = new ApiClient(this.port);
		Response first = fresh.post("/api/auth/email/confirm").csrf(fresh.csrf()).json(Map.of("token", linkToken)).send();
		Response second = fresh.post("/api/auth/email/confirm").csrf(fresh.csrf()).json(Map.of("token", linkToken)).send();

		assertThat(asOther.status()).isEqualTo(400);
		assertThat(asOther.json().get("code").asString()).isEqualTo("invalid_token");
		assertThat(asOther.json().get("detail").asString()).contains("belongs to another account");
		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(400);
		assertThat(second.json().get("code").asString()).isEqualTo("invalid_token");
	}

	@Test
	void confirmingTheChangeEndsTheOtherSessionsWhichHeldTheOldAddress() {
		// Regression (new-user trial): other sessions kept the old address and mails went there.
		String username = newUser(this.browser);
		ApiClient otherDevice = new ApiClient(this.port);
		otherDevice.login(username, PASSWORD);
		String newEmail = "moved-" + username + "@example.com";
		String token = reauthenticate(this.browser);
		this.browser.post("/api/auth/email").csrf(token).json(Map.of("newEmail", newEmail)).send();

		this.browser.post("/api/auth/email/confirm")
			.csrf(token)
			.json(Map.of("token", tokenIn(mailTo(newEmail, "Confirm"))))
			.send();

		assertThat(otherDevice.get("/api/things").send().status()).isEqualTo(401);
		assertThat(this.browser.get("/api/auth/session").send().json().get("user").get("email").asString())
			.isEqualTo(newEmail);
	}

	@Test
	void emailOfAnotherAccountGetsTheSameAnswerButNoLink() {
		String taken = newUser(new ApiClient(this.port)) + "@example.com";
		String username = newUser(this.browser);

		Response response = this.browser.post("/api/auth/email")
			.csrf(reauthenticate(this.browser))
			.json(Map.of("newEmail", taken))
			.send();

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.json().get("pendingEmail").asString()).isEqualTo(taken);
		mailTo(username + "@example.com", "A change of your email address was requested");
		assertThat(mailsTo(taken)).isEmpty();
	}

	@Test
	void malformedOrUnchangedEmailThenValidationProblem() {
		String username = newUser(this.browser);
		String token = reauthenticate(this.browser);

		Response malformed = this.browser.post("/api/auth/email").csrf(token).json(Map.of("newEmail", "nope")).send();
		Response same = this.browser.post("/api/auth/email")
			.csrf(token)
			.json(Map.of("newEmail", username.toUpperCase() + "@EXAMPLE.COM"))
			.send();

		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("errors").has("newEmail")).isTrue();
		assertThat(same.json().get("errors").get("newEmail").asString()).isEqualTo("This is already your email address.");
	}

}
