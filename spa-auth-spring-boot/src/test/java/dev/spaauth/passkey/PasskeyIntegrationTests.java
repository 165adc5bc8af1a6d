package dev.spaauth.passkey;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.spaauth.account.AccountProtectionSupport;
import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.Authenticator;
import dev.spaauth.testapp.SoftwarePasskey;

import static org.assertj.core.api.Assertions.assertThat;

/** Passkeys over the real HTTP stack and H2, answered by a software authenticator. */
class PasskeyIntegrationTests extends AccountProtectionSupport {

	@Test
	void registerNeedsAFreshSessionThenThePasskeyAloneSignsInWithANewSessionAndToken() {
		String username = newUser(this.browser);
		assertProblem(this.browser.post("/api/auth/passkeys/registration-options").csrf(this.browser.csrf()).send(), 403,
				"reauthentication_required");
		String token = reauthenticate(this.browser);
		Response options = this.browser.post("/api/auth/passkeys/registration-options").csrf(token).send();
		assertThat(options.status()).isEqualTo(200);
		assertThat(options.json().get("rp").get("id").asString()).isEqualTo("localhost");
		assertThat(options.json().get("authenticatorSelection").get("userVerification").asString()).isEqualTo("required");
		assertThat(options.json().get("authenticatorSelection").get("residentKey").asString()).isEqualTo("required");
		assertThat(options.json().get("user").get("name").asString()).isEqualTo(username);
		SoftwarePasskey passkey = new SoftwarePasskey();

		Response registered = this.browser.post("/api/auth/passkeys")
			.csrf(token)
			.json(Map.of("credential", passkey.create(options.json(), origin()), "label", "Laptop"))
			.send();

		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		assertThat(registered.json().get("id").asString()).isEqualTo(passkey.id());
		assertThat(registered.json().get("label").asString()).isEqualTo("Laptop");
		assertThat(this.browser.get("/api/auth/passkeys").send().json().get("passkeys").size()).isEqualTo(1);
		assertThat(textOf(mailTo(username + "@example.com", "A passkey was added"))).contains("\"Laptop\"");

		ApiClient visitor = new ApiClient(this.port);
		String anonymousToken = visitor.csrf();
		Response signInOptions = visitor.post("/api/auth/login/passkey/options").csrf(anonymousToken).send();
		assertThat(signInOptions.setCookie("__Host-SESSION")).as("asking for options creates no session").isEmpty();
		assertThat(signInOptions.json().get("rpId").asString()).isEqualTo("localhost");
		assertThat(signInOptions.json().get("userVerification").asString()).isEqualTo("required");
		Response signedIn = signIn(visitor, anonymousToken, passkey.get(signInOptions.json(), origin()));

		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
		assertThat(signedIn.json().get("user").get("username").asString()).isEqualTo(username);
		assertThat(signedIn.json().get("csrfToken").asString()).isNotEqualTo(anonymousToken);
		assertThat(signedIn.setCookie("__Host-SESSION")).isPresent();
		assertThat(visitor.get("/api/auth/session").send().json().get("factors").toString()).isEqualTo("[\"webauthn\"]");
		assertThat(visitor.get("/api/things").send().status()).isEqualTo(200);
	}

	@Test
	void anAssertionWorksOnceAndOnlyForItsOriginWithUserVerification() {
		newUser(this.browser);
		SoftwarePasskey passkey = register(this.browser);
		ApiClient attacker = new ApiClient(this.port);
		String token = attacker.csrf();

		Map<String, Object> otherOrigin = passkey.get(options(attacker, token), "https://evil.example");
		Map<String, Object> otherRp = passkey.get(options(attacker, token).get("challenge").asString(), "evil.example",
				origin());
		Map<String, Object> unverified = new SoftwarePasskey().withoutUserVerification().get(options(attacker, token),
				origin());
		Map<String, Object> madeUpChallenge = passkey.get("bm90LWEtY2hhbGxlbmdlLW9mLW91cnM", "localhost", origin());
		Map<String, Object> good = passkey.get(options(attacker, token), origin());

		assertProblem(signIn(attacker, token, otherOrigin), 400, "passkey_rejected");
		assertProblem(signIn(attacker, token, otherRp), 400, "passkey_rejected");
		assertProblem(signIn(attacker, token, unverified), 400, "passkey_rejected");
		assertProblem(signIn(attacker, token, madeUpChallenge), 400, "passkey_rejected");
		assertThat(signIn(attacker, token, good).status()).isEqualTo(200);
		ApiClient replayer = new ApiClient(this.port);
		assertProblem(signIn(replayer, replayer.csrf(), good), 400, "passkey_rejected");
		assertThat(replayer.authenticated()).isFalse();
	}

	@Test
	void aPasskeyWithoutUserVerificationCannotBeRegistered() {
		newUser(this.browser);
		String token = reauthenticate(this.browser);
		JsonNode options = this.browser.post("/api/auth/passkeys/registration-options").csrf(token).send().json();

		Response refused = this.browser.post("/api/auth/passkeys")
			.csrf(token)
			.json(Map.of("credential", new SoftwarePasskey().withoutUserVerification().create(options, origin())))
			.send();

		assertProblem(refused, 400, "passkey_rejected");
		assertThat(this.browser.get("/api/auth/passkeys").send().json().get("passkeys").size()).isZero();
	}

	@Test
	void aPasskeySignInCountsAsBothFactorsAndCompletesAWaitingLogIn() {
		String username = newUser(this.browser);
		Authenticator.enrol(this.browser, PASSWORD);
		SoftwarePasskey passkey = register(this.browser);
		ApiClient laptop = new ApiClient(this.port);
		Response pending = laptop.login(username, PASSWORD);
		assertThat(pending.json().get("methods").toString()).isEqualTo("[\"totp\",\"webauthn\",\"recovery_code\"]");
		String pendingSession = laptop.cookies().get("__Host-SESSION");
		String token = pending.json().get("csrfToken").asString();

		Response signedIn = signIn(laptop, token, passkey.get(options(laptop, token), origin()));

		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
		assertThat(signedIn.json().has("mfaRequired")).isFalse();
		assertThat(laptop.cookies().get("__Host-SESSION")).isNotEqualTo(pendingSession);
		assertThat(sessionStored(pendingSession)).isFalse();
		assertThat(laptop.get("/api/things").send().status()).isEqualTo(200);
		assertThat(laptop.get("/api/auth/session").send().json().get("factors").toString()).isEqualTo("[\"webauthn\"]");
	}

	@Test
	void passkeysAreRenamedAndDeletedOnlyByTheirOwnerAndDeletingNeedsAFreshSession() {
		String owner = newUser(this.browser);
		SoftwarePasskey passkey = register(this.browser);
		ApiClient other = new ApiClient(this.port);
		newUser(other);
		String otherToken = reauthenticate(other);

		assertProblem(other.method("DELETE", "/api/auth/passkeys/" + passkey.id()).csrf(otherToken).send(), 404, "not_found");
		assertProblem(other.method("PATCH", "/api/auth/passkeys/" + passkey.id()).csrf(otherToken)
			.json(Map.of("label", "mine now")).send(), 404, "not_found");
		Response renamed = this.browser.method("PATCH", "/api/auth/passkeys/" + passkey.id())
			.csrf(this.browser.csrf())
			.json(Map.of("label", "  Phone  "))
			.send();
		assertThat(renamed.json().get("label").asString()).isEqualTo("Phone");
		org.awaitility.Awaitility.await()
			.until(() -> !this.browser.get("/api/auth/session").send().json().has("reauthenticatedUntil"));
		assertProblem(this.browser.method("DELETE", "/api/auth/passkeys/" + passkey.id()).csrf(this.browser.csrf()).send(),
				403, "reauthentication_required");
		String token = reauthenticate(this.browser);

		assertThat(this.browser.method("DELETE", "/api/auth/passkeys/" + passkey.id()).csrf(token).send().status())
			.isEqualTo(204);

		assertThat(textOf(mailTo(owner + "@example.com", "A passkey was removed"))).contains("\"Phone\"");
		ApiClient visitor = new ApiClient(this.port);
		String visitorToken = visitor.csrf();
		assertProblem(signIn(visitor, visitorToken, passkey.get(options(visitor, visitorToken), origin())), 400,
				"passkey_rejected");
	}

	@Test
	void reauthenticationWithAPasskeyMakesTheSessionFreshButNeverWithAnotherAccountsPasskey() {
		newUser(this.browser);
		SoftwarePasskey mine = register(this.browser);
		ApiClient other = new ApiClient(this.port);
		newUser(other);
		SoftwarePasskey theirs = register(other);
		org.awaitility.Awaitility.await()
			.until(() -> !this.browser.get("/api/auth/session").send().json().has("reauthenticatedUntil"));
		String token = this.browser.csrf();

		JsonNode options = this.browser.post("/api/auth/reauthenticate/passkey/options").csrf(token).send().json();
		assertThat(options.get("allowCredentials").get(0).get("id").asString()).isEqualTo(mine.id());
		Response withTheirs = this.browser.post("/api/auth/reauthenticate/passkey")
			.csrf(token)
			.json(Map.of("credential", theirs.get(options, origin())))
			.send();
		JsonNode again = this.browser.post("/api/auth/reauthenticate/passkey/options").csrf(token).send().json();
		Response withMine = this.browser.post("/api/auth/reauthenticate/passkey")
			.csrf(token)
			.json(Map.of("credential", mine.get(again, origin())))
			.send();

		assertProblem(withTheirs, 400, "passkey_rejected");
		assertThat(withMine.status()).as(withMine.body()).isEqualTo(200);
		assertThat(withMine.json().get("csrfToken").asString()).isNotEqualTo(token);
		assertThat(this.browser.get("/api/auth/session").send().json().has("reauthenticatedUntil")).isTrue();
	}

	@Test
	void malformedCredentialsAreAClearFourHundred() {
		ApiClient visitor = new ApiClient(this.port);
		String token = visitor.csrf();

		assertProblem(visitor.post("/api/auth/login/passkey").csrf(token).json(Map.of()).send(), 400, "validation_failed");
		assertProblem(visitor.post("/api/auth/login/passkey").csrf(token).json(Map.of("credential", "x")).send(), 400,
				"validation_failed");
		assertProblem(visitor.post("/api/auth/login/passkey")
			.csrf(token)
			.json(Map.of("credential", Map.of("id", "x", "response", Map.of("clientDataJSON", "!!"))))
			.send(), 400, "passkey_rejected");
	}

	private SoftwarePasskey register(ApiClient client) {
		String token = reauthenticate(client);
		JsonNode options = client.post("/api/auth/passkeys/registration-options").csrf(token).send().json();
		SoftwarePasskey passkey = new SoftwarePasskey();
		Response registered = client.post("/api/auth/passkeys")
			.csrf(token)
			.json(Map.of("credential", passkey.create(options, origin())))
			.send();
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return passkey;
	}

	private static JsonNode options(ApiClient client, String token) {
		return client.post("/api/auth/login/passkey/options").csrf(token).send().json();
	}

	private static Response signIn(ApiClient client, String token, Map<String, Object> credential) {
		return client.post("/api/auth/login/passkey").csrf(token).json(Map.of("credential", credential)).send();
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

}
