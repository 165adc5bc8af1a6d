package dev.spaauth.mfa;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.spaauth.account.AccountProtectionSupport;
import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.Authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The two-step log-in of an account with an authenticator app, against the real HTTP stack and H2. */
class TwoStepLogInIntegrationTests extends AccountProtectionSupport {

	@Test
	void passwordOfAnAccountWithAnAuthenticatorStartsAPendingLogInOnANewSessionWithANewToken() {
		String username = newUser(this.browser);
		Authenticator.enrol(this.browser, PASSWORD);
		ApiClient client = new ApiClient(this.port);
		String anonymousToken = client.csrf();
		String sessionBefore = client.cookies().get("__Host-SESSION");

		Response login = client.post("/api/auth/login")
			.csrf(anonymousToken)
			.json(Map.of("username", username, "password", PASSWORD))
			.send();

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("mfaRequired").asBoolean()).isTrue();
		assertThat(login.json().has("user")).isFalse();
		assertThat(texts(login, "methods")).containsExactly("totp", "recovery_code");
		assertThat(Instant.parse(login.json().get("expiresAt").asString()))
			.isCloseTo(Instant.now().plusSeconds(4), within(2, ChronoUnit.SECONDS));
		assertThat(login.json().get("csrfToken").asString()).isNotEqualTo(anonymousToken);
		assertThat(client.cookies().get("__Host-SESSION")).isNotNull().isNotEqualTo(sessionBefore);
		Response status = client.get("/api/auth/session").send();
		assertThat(status.json().get("authenticated").asBoolean()).isFalse();
		assertThat(status.json().get("mfaRequired").asBoolean()).isTrue();
		assertThat(texts(status, "factors")).containsExactly("password");
		assertThat(texts(status, "missing")).containsExactly("second_factor");
		assertThat(texts(status, "methods")).containsExactly("totp", "recovery_code");
		assertThat(status.json().has("user")).isFalse();
	}

	@Test
	void pendingLogInIsRefusedOnEveryProtectedPathWithMfaRequiredNeverARedirect() {
		String username = newUser(this.browser);
		Authenticator.enrol(this.browser, PASSWORD);
		ApiClient client = new ApiClient(this.port);
		String token = client.login(username, PASSWORD).json().get("csrfToken").asString();

		assertProblem(client.get("/api/things").send(), 401, "mfa_required");
		assertProblem(client.post("/api/things").csrf(token).json(Map.of()).send(), 401, "mfa_required");
		assertProblem(client.get("/api/auth/sessions").send(), 401, "mfa_required");
		assertProblem(client.get("/api/auth/mfa").send(), 401, "mfa_required");
		assertProblem(client.post("/api/auth/reauthenticate").csrf(token).json(Map.of("password", PASSWORD)).send(),
				401, "mfa_required");
		assertProblem(client.post("/api/auth/mfa/totp").csrf(token).send(), 401, "mfa_required");
		Response refused = client.get("/api/things").send();
		assertThat(refused.header("Location")).isEmpty();
		assertThat(refused.json().get("detail").asString()).contains("/api/auth/login/mfa");
	}

	@Test
	void authenticatorCodeCompletesTheLogInWithANewSessionIdAndANewToken() {
		String username = newUser(this.browser);
		Authenticator app = Authenticator.enrol(this.browser, PASSWORD);
		ApiClient client = new ApiClient(this.port);
		String pendingToken = client.login(username, PASSWORD).json().get("csrfToken").asString();
		String pendingSession = client.cookies().get("__Host-SESSION");

		Response verified = Authenticator.verify(client, pendingToken, "totp", app.code(1));

		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		assertThat(verified.json().get("user").get("username").asString()).isEqualTo(username);
		String token = verified.json().get("csrfToken").asString();
		assertThat(token).isNotEqualTo(pendingToken);
		assertThat(client.cookies().get("__Host-SESSION")).isNotEqualTo(pendingSession);
		assertThat(sessionStored(pendingSession)).isFalse();
		assertThat(client.post("/api/things").csrf(pendingToken).json(Map.of()).send().status()).isEqualTo(403);
		assertThat(client.post("/api/things").csrf(token).json(Map.of()).send().status()).isEqualTo(200);
		Response status = client.get("/api/auth/session").send();
		assertThat(status.json().get("authenticated").asBoolean()).isTrue();
		assertThat(texts(status, "factors")).containsExactly("password", "totp");
		assertThat(texts(status, "methods")).containsExactly("totp", "recovery_code");
		assertThat(status.json().has("mfaRequired")).isFalse();
		assertThat(Instant.parse(status.json().get("idleExpiresAt").asString()))
			.as("the normal idle timeout again, not the pending one")
			.isAfter(Instant.now().plus(Duration.ofMinutes(20)));
	}

	@Test
	void aCodeWorksOnceAndAWrongCodeLeavesTheLogInPending() {
		String username = newUser(this.browser);
		Authenticator app = Authenticator.enrol(this.browser, PASSWORD);
		ApiClient first = new ApiClient(this.port);
		String code = app.code(1);
		assertThat(Authenticator.verify(first, first.login(username, PASSWORD).json().get("csrfToken").asString(),
				"totp", code)
			.status()).isEqualTo(200);
		ApiClient attacker = new ApiClient(this.port);
		String token = attacker.login(username, PASSWORD).json().get("csrfToken").asString();

		Response replayed = Authenticator.verify(attacker, token, "totp", code);
		Response wrong = Authenticator.verify(attacker, token, "totp", "000000".equals(code) ? "111111" : "000000");

		assertProblem(replayed, 400, "invalid_code");
		assertProblem(wrong, 400, "invalid_code");
		assertThat(replayed.body()).doesNotContain(code);
		assertThat(attacker.get("/api/auth/session").send().json().get("mfaRequired").asBoolean()).isTrue();
		assertProblem(attacker.get("/api/things").send(), 401, "mfa_required");
	}

	@Test
	void recoveryCodeCompletesTheLogInOnceAndMailsTheAccount() {
		String username = newUser(this.browser);
		Authenticator app = Authenticator.enrol(this.browser, PASSWORD);
		assertThat(app.recoveryCodes()).hasSize(10).doesNotHaveDuplicates().allMatch((c) -> c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){2}"));
		String recovery = app.recoveryCodes().get(3);
		ApiClient client = new ApiClient(this.port);
		String token = client.login(username, PASSWORD).json().get("csrfToken").asString();

		Response verified = Authenticator.verify(client, token, "recovery_code", " " + recovery.toUpperCase() + " ");

		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		assertThat(texts(client.get("/api/auth/session").send(), "factors")).containsExactly("password",
				"recovery_code");
		assertThat(textOf(mailTo(username + "@example.com", "A recovery code was used"))).contains("9 unused codes");
		ApiClient again = new ApiClient(this.port);
		String againToken = again.login(username, PASSWORD).json().get("csrfToken").asString();
		assertProblem(Authenticator.verify(again, againToken, "recovery_code", recovery), 400, "invalid_code");
		assertThat(this.jdbc.sql("SELECT code_hash FROM spa_auth.recovery_codes").query(String.class).list())
			.as("only hashes are stored")
			.allMatch((hash) -> hash.startsWith("{argon2}"))
			.noneMatch((hash) -> hash.contains(recovery.replace("-", "")));
	}

	@Test
	void afterTheLastRecoveryCodeTheOtherWaysThroughTheSecondStepRemain() {
		String username = newUser(this.browser);
		Authenticator app = Authenticator.enrol(this.browser, PASSWORD);
		String token = reauthenticate(this.browser);
		tools.jackson.databind.JsonNode options = this.browser.post("/api/auth/passkeys/registration-options")
			.csrf(token)
			.send()
			.json();
		assertThat(this.browser.post("/api/auth/passkeys")
			.csrf(token)
			.json(Map.of("credential",
					new dev.spaauth.testapp.SoftwarePasskey().create(options, "http://localhost:" + this.port)))
			.send()
			.status()).isEqualTo(201);
		ApiClient client = null;
		for (String code : app.recoveryCodes()) {
			client = new ApiClient(this.port);
			String pending = client.login(username, PASSWORD).json().get("csrfToken").asString();
			assertThat(Authenticator.verify(client, pending, "recovery_code", code).status()).isEqualTo(200);
		}

		assertThat(texts(client.get("/api/auth/session").send(), "methods")).containsExactly("totp", "webauthn");
		assertThat(texts(new ApiClient(this.port).login(username, PASSWORD), "methods")).containsExactly("totp", "webauthn");
	}

	@Test
	void pendingLogInEndsAfterItsTimeout() {
		String username = newUser(this.browser);
		Authenticator app = Authenticator.enrol(this.browser, PASSWORD);
		ApiClient client = new ApiClient(this.port);
		String token = client.login(username, PASSWORD).json().get("csrfToken").asString();

		await().atMost(Duration.ofSeconds(8))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> !client.get("/api/auth/session").send().json().has("mfaRequired"));

		assertProblem(Authenticator.verify(client, token, "totp", app.code(1)), 401, "unauthenticated");
		assertProblem(client.get("/api/things").send(), 401, "unauthenticated");
	}

	@Test
	void aSecondFactorIsNeverChosenByTheClient() {
		String username = newUser(this.browser);
		Authenticator app = Authenticator.enrol(this.browser, PASSWORD);
		ApiClient client = new ApiClient(this.port);

		Response withoutLogIn = Authenticator.verify(client, client.csrf(), "totp", app.code(1));
		String token = client.login(username, PASSWORD).json().get("csrfToken").asString();
		Response unknownMethod = Authenticator.verify(client, token, "sms", "123456");
		Response noToken = client.post("/api/auth/login/mfa").json(Map.of("method", "totp", "code", app.code(1))).send();

		assertProblem(withoutLogIn, 401, "unauthenticated");
		assertProblem(unknownMethod, 400, "validation_failed");
		assertThat(unknownMethod.json().get("errors").get("method").asString()).contains("totp");
		assertProblem(noToken, 403, "csrf_failed");
	}

	@Test
	void accountWithoutSecondFactorLogsInInOneStepHoldingThePasswordFactor() {
		String username = newUser(this.browser);
		ApiClient client = new ApiClient(this.port);

		Response login = client.login(username, PASSWORD);

		assertThat(login.json().has("user")).isTrue();
		assertThat(login.json().has("mfaRequired")).isFalse();
		Response status = client.get("/api/auth/session").send();
		assertThat(texts(status, "factors")).containsExactly("password");
		assertThat(texts(status, "methods")).isEmpty();
		assertThat(texts(this.browser.get("/api/auth/session").send(), "factors"))
			.as("a sign-up holds the password factor too")
			.containsExactly("password");
	}

	static List<String> texts(Response response, String field) {
		return response.json().get(field).valueStream().map((node) -> node.asString()).toList();
	}

}
