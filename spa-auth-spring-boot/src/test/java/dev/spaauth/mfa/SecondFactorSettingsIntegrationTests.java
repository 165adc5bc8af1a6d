package dev.spaauth.mfa;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.spaauth.account.AccountProtectionSupport;
import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.Authenticator;

import static dev.spaauth.mfa.TwoStepLogInIntegrationTests.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Setting up, removing and renewing second factors from a signed-in session. */
class SecondFactorSettingsIntegrationTests extends AccountProtectionSupport {

	@Test
	void settingUpAnAuthenticatorNeedsAFreshSessionShowsTheSecretOnceAndIsConfirmedByACode() {
		String username = newUser(this.browser);
		assertProblem(this.browser.post("/api/auth/mfa/totp").csrf(this.browser.csrf()).send(), 403,
				"reauthentication_required");
		String token = reauthenticate(this.browser);

		Response first = this.browser.post("/api/auth/mfa/totp").csrf(token).send();
		Response second = this.browser.post("/api/auth/mfa/totp").csrf(token).send();

		assertThat(first.status()).isEqualTo(200);
		String secret = second.json().get("secret").asString();
		assertThat(secret).matches("[A-Z2-7]{32}").isNotEqualTo(first.json().get("secret").asString());
		assertThat(second.json().get("otpauthUri").asString()).isEqualTo("otpauth://totp/Example%20Notes:" + username
				+ "?secret=" + secret + "&issuer=Example%20Notes&algorithm=SHA1&digits=6&period=30");
		assertThat(second.header("Cache-Control").orElseThrow()).contains("no-store");
		String oldSecretCode = dev.spaauth.mfa.Totp.code(first.json().get("secret").asString(), step());
		if (!oldSecretCode.equals(dev.spaauth.mfa.Totp.code(secret, step()))) {
			assertProblem(confirm(token, oldSecretCode), 400, "invalid_code");
		}
		assertThat(texts(this.browser.get("/api/auth/session").send(), "methods")).isEmpty();

		Response confirmed = confirm(token, dev.spaauth.mfa.Totp.code(secret, step()));

		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.json().get("recoveryCodes").size()).isEqualTo(10);
		assertThat(texts(this.browser.get("/api/auth/session").send(), "methods")).containsExactly("totp",
				"recovery_code");
		Response status = this.browser.get("/api/auth/mfa").send();
		assertThat(texts(status, "methods")).containsExactly("totp", "recovery_code");
		assertThat(status.json().get("recoveryCodesLeft").asInt()).isEqualTo(10);
		assertThat(status.json().has("totpEnabledAt")).isTrue();
		assertThat(textOf(mailTo(username + "@example.com", "An authenticator app was added"))).contains("/#/security");
		assertProblem(this.browser.post("/api/auth/mfa/totp").csrf(token).send(), 409, "mfa_already_enabled");
	}

	@Test
	void removingTheAuthenticatorNeedsAFreshSessionMailsAndLetsThePasswordAloneLogIn() {
		String username = newUser(this.browser);
		Authenticator app = Authenticator.enrol(this.browser, PASSWORD);
		await().until(() -> this.browser.get("/api/auth/session").send().json().has("reauthenticatedUntil") == false);
		assertProblem(this.browser.method("DELETE", "/api/auth/mfa/totp").csrf(this.browser.csrf()).send(), 403,
				"reauthentication_required");
		String token = reauthenticate(this.browser);

		Response removed = this.browser.method("DELETE", "/api/auth/mfa/totp").csrf(token).send();

		assertThat(removed.status()).isEqualTo(200);
		assertThat(texts(removed, "methods")).isEmpty();
		assertThat(removed.json().get("recoveryCodesLeft").asInt()).isZero();
		assertThat(textOf(mailTo(username + "@example.com", "The authenticator app was removed"))).isNotEmpty();
		assertProblem(this.browser.method("DELETE", "/api/auth/mfa/totp").csrf(token).send(), 409, "mfa_not_enabled");
		Response login = new ApiClient(this.port).login(username, PASSWORD);
		assertThat(login.json().has("user")).isTrue();
		assertThat(app.recoveryCodes()).isNotEmpty();
	}

	@Test
	void newRecoveryCodesReplaceTheOldOnes() {
		String username = newUser(this.browser);
		Authenticator app = Authenticator.enrol(this.browser, PASSWORD);
		String token = reauthenticate(this.browser);

		Response renewed = this.browser.post("/api/auth/mfa/recovery-codes").csrf(token).send();

		assertThat(renewed.status()).isEqualTo(200);
		String fresh = renewed.json().get("recoveryCodes").get(0).asString();
		assertThat(textOf(mailTo(username + "@example.com", "New recovery codes"))).isNotEmpty();
		ApiClient client = new ApiClient(this.port);
		String pending = client.login(username, PASSWORD).json().get("csrfToken").asString();
		assertProblem(Authenticator.verify(client, pending, "recovery_code", app.recoveryCodes().get(0)), 400,
				"invalid_code");
		assertThat(Authenticator.verify(client, pending, "recovery_code", fresh).status()).isEqualTo(200);
	}

	@Test
	void newRecoveryCodesNeedAnAuthenticator() {
		newUser(this.browser);
		String token = reauthenticate(this.browser);

		assertProblem(this.browser.post("/api/auth/mfa/recovery-codes").csrf(token).send(), 409, "mfa_not_enabled");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.recovery_codes r JOIN spa_auth.users u ON u.id = r.user_id "
				+ "WHERE u.username = ?").param(this.browser.get("/api/auth/session").send().json().get("user").get("username").asString())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aPasswordChangeEndsLogInsWaitingForTheirSecondFactor() {
		String username = newUser(this.browser);
		Authenticator app = Authenticator.enrol(this.browser, PASSWORD);
		ApiClient attacker = new ApiClient(this.port);
		String pending = attacker.login(username, PASSWORD).json().get("csrfToken").asString();

		Response changed = this.browser.post("/api/auth/password")
			.csrf(this.browser.csrf())
			.json(Map.of("currentPassword", PASSWORD, "newPassword", "a brand new passphrase 77"))
			.send();

		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertProblem(Authenticator.verify(attacker, pending, "totp", app.code(1)), 401, "unauthenticated");
	}

	@Test
	void aPasswordResetKeepsTheSecondFactor() {
		String username = newUser(this.browser);
		Authenticator app = Authenticator.enrol(this.browser, PASSWORD);
		ApiClient forgetful = new ApiClient(this.port);
		assertThat(forgetful.post("/api/auth/password-reset")
			.csrf(forgetful.csrf())
			.json(Map.of("email", username + "@example.com"))
			.send()
			.status()).isEqualTo(202);
		String resetToken = tokenIn(mailTo(username + "@example.com", "Reset your password"));
		String newPassword = "a brand new passphrase 91";
		assertThat(forgetful.post("/api/auth/password-reset/confirm")
			.csrf(forgetful.csrf())
			.json(Map.of("token", resetToken, "newPassword", newPassword))
			.send()
			.status()).isEqualTo(204);

		Response login = forgetful.login(username, newPassword);

		assertThat(login.json().get("mfaRequired").asBoolean()).isTrue();
		assertProblem(forgetful.get("/api/things").send(), 401, "mfa_required");
		assertThat(Authenticator.verify(forgetful, login.json().get("csrfToken").asString(), "totp", app.code(1))
			.status()).isEqualTo(200);
	}

	private Response confirm(String token, String code) {
		return this.browser.post("/api/auth/mfa/totp/confirm").csrf(token).json(Map.of("code", code)).send();
	}

	private static long step() {
		return System.currentTimeMillis() / 1000 / 30;
	}

}
