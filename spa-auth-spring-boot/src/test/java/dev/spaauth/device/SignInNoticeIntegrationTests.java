package dev.spaauth.device;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.spaauth.account.AccountProtectionSupport;
import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.SoftwarePasskey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** New-device sign-in notices and their "this wasn't me" link, with a real SMTP server. */
class SignInNoticeIntegrationTests extends AccountProtectionSupport {

	private static final String NEW_SIGN_IN = "New sign-in to your account";

	@Test
	void aSignInFromANewBrowserIsMailedOnceAndTheBrowserOfTheSignUpIsKnown() {
		String username = newUser(this.browser);
		String address = username + "@example.com";
		assertThat(this.browser.post("/api/auth/logout").csrf(this.browser.csrf()).send().status()).isEqualTo(200);
		assertThat(this.browser.login(username, PASSWORD).status()).isEqualTo(200);
		ApiClient phone = new ApiClient(this.port);

		Response login = phone.login(username, PASSWORD);

		assertThat(login.status()).isEqualTo(200);
		ApiClient.SetCookie device = login.setCookie("__Host-DEVICE").orElseThrow();
		assertThat(device.has("HttpOnly")).isTrue();
		assertThat(device.has("Secure")).isTrue();
		assertThat(device.attribute("Path")).isEqualTo("/");
		assertThat(Long.parseLong(device.attribute("Max-Age"))).isEqualTo(Duration.ofDays(400).toSeconds());
		assertThat(textOf(mailTo(address, NEW_SIGN_IN))).contains("/#/not-me?token=").contains("Java-http-client");
		phone.post("/api/auth/logout").csrf(phone.csrf()).send();
		assertThat(phone.login(username, PASSWORD).status()).isEqualTo(200);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
			.until(() -> mailsTo(address).stream().filter((m) -> subject(m).equals(NEW_SIGN_IN)).count() == 1);
	}

	@Test
	void thisWasntMeEndsEverySessionLocksThePasswordRemovesPasskeysAndLinkedIdentitiesAndWorksOnce() {
		String username = newUser(this.browser);
		String address = username + "@example.com";
		verifyEmail(address);
		String fresh = reauthenticate(this.browser);
		tools.jackson.databind.JsonNode options = this.browser.post("/api/auth/passkeys/registration-options")
			.csrf(fresh)
			.send()
			.json();
		assertThat(this.browser.post("/api/auth/passkeys")
			.csrf(fresh)
			.json(Map.of("credential", new SoftwarePasskey().create(options, "http://localhost:" + this.port)))
			.send()
			.status()).isEqualTo(201);
		ApiClient intruder = new ApiClient(this.port);
		assertThat(intruder.login(username, PASSWORD).status()).isEqualTo(200);
		String token = tokenIn(mailTo(address, NEW_SIGN_IN));
		// The intruder connects a provider account of their own, to come back later.
		String intrudersIdentity = "intruder" + uniqueUsername();
		dev.spaauth.testapp.LocalProvider.addUser(intrudersIdentity, intrudersIdentity + "@provider.test", true);
		dev.spaauth.devprovider.DevProvider.allowRedirectUri("http://localhost:" + this.port + "/api/auth/oauth2/callback/local");
		reauthenticate(intruder);
		assertThat(dev.spaauth.testapp.LocalProvider.finishFlow(intruder, this.port, "local", "link", intrudersIdentity)
			.status()).isEqualTo(200);
		ApiClient owner = new ApiClient(this.port);

		Response reported = owner.post("/api/auth/sign-in-report").csrf(owner.csrf()).json(Map.of("token", token)).send();

		assertThat(reported.status()).as(reported.body()).isEqualTo(200);
		assertThat(reported.json().get("detail").asString()).contains("Forgot password?");
		assertThat(intruder.get("/api/things").send().status()).isEqualTo(401);
		assertThat(this.browser.get("/api/things").send().status()).isEqualTo(401);
		assertProblem(new ApiClient(this.port).login(username, PASSWORD), 400, "invalid_credentials");
		assertThat(textOf(mailTo(address, "Your account was secured"))).contains("#/forgot-password");
		assertProblem(owner.post("/api/auth/sign-in-report").csrf(owner.csrf()).json(Map.of("token", token)).send(), 400,
				"invalid_token");
		for (String table : new String[] { "known_devices", "passkeys", "linked_identities" }) {
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth." + table + " t JOIN spa_auth.users u ON u.id = t.user_id "
					+ "WHERE u.username = ?").param(username).query(Long.class).single()).as(table).isZero();
		}

		owner.post("/api/auth/password-reset").csrf(owner.csrf()).json(Map.of("email", address)).send();
		String reset = tokenIn(mailTo(address, "Reset your password"));
		assertThat(owner.post("/api/auth/password-reset/confirm")
			.csrf(owner.csrf())
			.json(Map.of("token", reset, "newPassword", "a brand new passphrase 64"))
			.send()
			.status()).isEqualTo(204);
		assertThat(new ApiClient(this.port).login(username, "a brand new passphrase 64").status()).isEqualTo(200);
	}

	@Test
	void aMadeUpOrMissingTokenChangesNothing() {
		String username = newUser(this.browser);
		ApiClient stranger = new ApiClient(this.port);

		assertProblem(stranger.post("/api/auth/sign-in-report").csrf(stranger.csrf())
			.json(Map.of("token", "A".repeat(43))).send(), 400, "invalid_token");
		assertProblem(stranger.post("/api/auth/sign-in-report").csrf(stranger.csrf()).json(Map.of()).send(), 400,
				"validation_failed");
		assertThat(this.browser.get("/api/things").send().status()).isEqualTo(200);
		assertThat(new ApiClient(this.port).login(username, PASSWORD).status()).isEqualTo(200);
	}

	private static String subject(jakarta.mail.Message message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
