package dev.spaauth.login;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.ApiClient.SetCookie;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

class LoginIntegrationTests extends IntegrationTestSupport {

	private static final String SESSION = "__Host-SESSION";

	@Test
	void loginWhenCredentialsValidThenUserNewCsrfTokenAndHardenedSessionCookie() {
		String username = signedUp(new ApiClient(this.port));
		String anonymousToken = this.browser.csrf();

		Response response = this.browser.post("/api/auth/login")
			.csrf(anonymousToken)
			.json(Map.of("username", username, "password", PASSWORD))
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("user").get("username").asString()).isEqualTo(username);
		assertThat(response.json().get("user").get("email").asString()).isEqualTo(username + "@example.com");
		assertThat(response.json().get("user").get("id").isNumber()).isTrue();
		assertThat(response.json().has("password")).isFalse();
		String newToken = response.json().get("csrfToken").asString();
		assertThat(newToken).isNotEqualTo(anonymousToken);
		assertThat(response.setCookie("XSRF-TOKEN").orElseThrow().value()).isEqualTo(newToken);
		SetCookie session = response.setCookie(SESSION).orElseThrow();
		assertThat(session.has("HttpOnly")).isTrue();
		assertThat(session.has("Secure")).isTrue();
		assertThat(session.attribute("SameSite")).isEqualTo("Lax");
		assertThat(session.attribute("Path")).isEqualTo("/");
		assertThat(session.has("Domain")).isFalse();
		assertThat(session.has("Max-Age")).isFalse();
		assertThat(session.has("Expires")).isFalse();
		assertThat(response.setCookies().stream().filter((c) -> c.name().equals(SESSION))).hasSize(1);
		assertThat(response.body()).doesNotContain(session.value());
		assertThat(response.header("Cache-Control").orElseThrow()).contains("no-store");
		// 27 bytes from a SecureRandom, base64url: 216 bits, not a UUID's 122 (ASVS 7.2.3).
		assertThat(new String(java.util.Base64.getDecoder().decode(session.value()))).matches("[A-Za-z0-9_-]{36}");
	}

	@Test
	void loginThenSessionIdChangesAndOldIdIsDeleted() {
		// Session fixation: a session the client had before log-in must not become authenticated.
		ApiClient other = new ApiClient(this.port);
		String username = signedUp(other);
		signedUp(this.browser);
		String before = this.browser.cookies().get(SESSION);

		Response response = this.browser.login(username, PASSWORD);

		assertThat(response.status()).isEqualTo(200);
		String after = this.browser.cookies().get(SESSION);
		assertThat(after).isNotEqualTo(before);
		assertThat(sessionStored(before)).isFalse();
		assertThat(sessionStored(after)).isTrue();
	}

	@Test
	void loginWhenClientChoseASessionIdThenItIsNotAdopted() {
		String username = signedUp(new ApiClient(this.port));
		String chosen = java.util.Base64.getEncoder()
			.encodeToString("00000000-0000-4000-8000-000000000001".getBytes());
		this.browser.cookies().put(SESSION, chosen);

		this.browser.login(username, PASSWORD);

		assertThat(this.browser.cookies().get(SESSION)).isNotEqualTo(chosen);
		assertThat(sessionStored(chosen)).isFalse();
	}

	@Test
	void loginThenTheTokenFromBeforeLoginIsRefused() {
		String username = signedUp(new ApiClient(this.port));
		String anonymousToken = this.browser.csrf();
		String newToken = this.browser.post("/api/auth/login")
			.csrf(anonymousToken)
			.json(Map.of("username", username, "password", PASSWORD))
			.send()
			.json()
			.get("csrfToken")
			.asString();

		assertThat(this.browser.post("/api/things").csrf(anonymousToken).json(Map.of()).send().status())
			.isEqualTo(403);
		assertThat(this.browser.post("/api/things").csrf(newToken).json(Map.of()).send().status()).isEqualTo(200);
		assertThat(this.browser.csrf()).isEqualTo(newToken);
	}

	@Test
	void loginWhenFieldsMissingOrBlankThenValidationProblemNamingThem() {
		Response response = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.json(Map.of("username", " "))
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo("validation_failed");
		assertThat(response.json().get("errors").get("username").asString()).isEqualTo("Username is required.");
		assertThat(response.json().get("errors").get("password").asString()).isEqualTo("Password is required.");
		assertThat(response.setCookie(SESSION)).isEmpty();
	}

	@Test
	void loginWhenPasswordWrongOrUserUnknownThenSameProblem() {
		String username = signedUp(new ApiClient(this.port));

		Response wrongPassword = this.browser.login(username, "not the password at all");
		Response unknownUser = this.browser.login("nobody-" + username, "not the password at all");

		for (Response response : new Response[] { wrongPassword, unknownUser }) {
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("code").asString()).isEqualTo("invalid_credentials");
			assertThat(response.json().get("detail").asString()).isEqualTo("Invalid username or password");
			assertThat(response.setCookie(SESSION)).isEmpty();
		}
		assertThat(wrongPassword.json().properties()).hasSameSizeAs(unknownUser.json().properties());
	}

	@Test
	void loginIgnoresUsernameCase() {
		String username = signedUp(new ApiClient(this.port));

		assertThat(this.browser.login(username.toUpperCase(), PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void logoutThenSessionDeletedCookieExpiredAndFreshTokenAnswered() {
		signedUp(this.browser);
		String sessionCookie = this.browser.cookies().get(SESSION);
		String token = this.browser.csrf();

		Response response = this.browser.post("/api/auth/logout").csrf(token).send();

		assertThat(response.status()).isEqualTo(200);
		String fresh = response.json().get("csrfToken").asString();
		assertThat(fresh).isNotEqualTo(token);
		SetCookie expired = response.setCookie(SESSION).orElseThrow();
		assertThat(expired.attribute("Max-Age")).isEqualTo("0");
		assertThat(expired.attribute("Path")).isEqualTo("/");
		assertThat(expired.has("Secure")).isTrue();
		assertThat(expired.has("HttpOnly")).isTrue();
		assertThat(expired.attribute("SameSite")).isEqualTo("Lax");
		assertThat(sessionStored(sessionCookie)).isFalse();
		assertThat(response.header("Cache-Control").orElseThrow()).contains("no-store");

		ApiClient replay = new ApiClient(this.port);
		replay.cookies().put(SESSION, sessionCookie);
		assertThat(replay.get("/api/things").send().status()).isEqualTo(401);
		assertThat(replay.authenticated()).isFalse();
	}

	@Test
	void logoutThenLoginAgainWithTheTokenFromLogoutWithoutReload() {
		String username = signedUp(this.browser);
		String fresh = this.browser.post("/api/auth/logout")
			.csrf(this.browser.csrf())
			.send()
			.json()
			.get("csrfToken")
			.asString();

		Response login = this.browser.post("/api/auth/login")
			.csrf(fresh)
			.json(Map.of("username", username, "password", PASSWORD))
			.send();

		assertThat(login.status()).isEqualTo(200);
	}

	@Test
	void logoutWhenSessionAlreadyGoneThenStillSucceeds() {
		signedUp(this.browser);
		String token = this.browser.csrf();
		this.jdbc.sql("DELETE FROM spa_auth.spring_session").update();

		Response response = this.browser.post("/api/auth/logout").csrf(token).send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.browser.authenticated()).isFalse();
		Response again = this.browser.post("/api/auth/logout").csrf(response.json().get("csrfToken").asString()).send();
		assertThat(again.status()).isEqualTo(200);
	}

	@Test
	void sessionStatusWhenAnonymousThenNotAuthenticatedAndNoSessionCreated() {
		long before = sessionCount();

		Response response = this.browser.get("/api/auth/session").send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"authenticated\":false,\"missingCookies\":\"none\"}");
		assertThat(response.setCookies()).isEmpty();
		assertThat(sessionCount()).isEqualTo(before);
	}

	@Test
	void sessionStatusWhenAuthenticatedThenUser() {
		String username = signedUp(this.browser);

		Response response = this.browser.get("/api/auth/session").send();

		assertThat(response.json().get("authenticated").asBoolean()).isTrue();
		assertThat(response.json().get("user").get("username").asString()).isEqualTo(username);
		assertThat(response.header("Cache-Control").orElseThrow()).contains("no-store");
	}

	@Test
	void protectedResourceWhenAnonymousThenUnauthorizedProblemWithoutChallengeOrRedirect() {
		Response response = this.browser.get("/api/things").header("Accept", "text/html").send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo("unauthenticated");
		assertThat(response.json().get("detail").asString()).contains("POST /api/auth/login");
		assertThat(response.header("WWW-Authenticate")).isEmpty();
		assertThat(response.header("Location")).isEmpty();
	}

	@Test
	void anonymousRequestAnswered401CreatesNoSession() {
		// Trap 4: the request cache stored a session for every anonymous 401 with Accept: */*.
		long before = sessionCount();

		Response response = this.browser.get("/api/things").header("Accept", "*/*").send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.setCookies()).isEmpty();
		assertThat(sessionCount()).isEqualTo(before);
	}

	@Test
	void sessionIsAcceptedOnlyInTheConfiguredCookie() {
		signedUp(this.browser);
		String value = this.browser.cookies().get(SESSION);

		ApiClient other = new ApiClient(this.port);
		other.cookies().put("SESSION", value);
		assertThat(other.get("/api/things").send().status()).isEqualTo(401);
		assertThat(new ApiClient(this.port).get("/api/things?SESSION=" + value).send().status()).isEqualTo(401);
		assertThat(new ApiClient(this.port).get("/api/things").header("X-Auth-Token", value).send().status())
			.isEqualTo(401);
	}


	@Test
	void loginWhenUserUnknownThenTakesAboutAsLongAsAWrongPassword() {
		// No user enumeration by timing: an unknown username costs an Argon2id hash too.
		String username = signedUp(new ApiClient(this.port));
		this.browser.login(username, "warm up the encoder");
		long wrongPassword = medianNanos(() -> this.browser.login(username, "not the password at all"));
		long unknownUser = medianNanos(() -> this.browser.login("nobody-" + username, "not the password at all"));

		assertThat((double) unknownUser / wrongPassword).isBetween(0.5, 2.0);
	}

	private static long medianNanos(Runnable attempt) {
		long[] samples = new long[7];
		for (int i = 0; i < samples.length; i++) {
			long start = System.nanoTime();
			attempt.run();
			samples[i] = System.nanoTime() - start;
		}
		java.util.Arrays.sort(samples);
		return samples[samples.length / 2];
	}

}
