package dev.spaauth.signup;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

class SignupIntegrationTests extends IntegrationTestSupport {

	@Test
	void signupThenCreatedLoggedInWithArgon2idHash() {
		String username = uniqueUsername();

		Response response = this.browser.signup(username, username + "@example.com", PASSWORD);

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("user").get("username").asString()).isEqualTo(username);
		assertThat(response.json().get("csrfToken").asString()).hasSize(43);
		assertThat(response.setCookie("__Host-SESSION")).isPresent();
		assertThat(this.browser.authenticated()).isTrue();
		String hash = this.jdbc.sql("SELECT password_hash FROM spa_auth.users WHERE username = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(hash).doesNotContain(PASSWORD);
	}

	@Test
	void signupWhenUsernameTakenInAnyCaseThenFieldError() {
		String username = signedUp(this.browser);

		Response response = this.browser.signup(username.toUpperCase(), "other-" + username + "@example.com",
				PASSWORD);

		assertValidationProblem(response, "username", "This username is taken. Choose another.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "no-at-sign", "a@b", "two@@example.com", "sp ace@example.com" })
	void signupWhenEmailMalformedThenFieldError(String email) {
		Response response = this.browser.signup(uniqueUsername(), email, PASSWORD);
		assertValidationProblem(response, "email", "Enter an email address such as name@example.com.");
	}

	static Stream<String> weakPasswords() {
		return Stream.of("short1!", "password1", "Password123!", "qwertyuiop", "{username}2026", "x".repeat(129));
	}

	@ParameterizedTest
	@MethodSource("weakPasswords")
	void signupWhenPasswordWeakThenFieldErrorThatNeverRepeatsIt(String password) {
		String username = uniqueUsername();
		String weak = password.replace("{username}", username);
		Response response = this.browser.signup(username, username + "@example.com", weak);
		assertThat(response.status()).as(weak).isEqualTo(400);
		assertThat(response.json().get("errors").has("password")).as(weak).isTrue();
		assertThat(response.body()).doesNotContain(weak);
	}

	@Test
	void signupAcceptsLongPassphraseWithSpacesAndNonAscii() {
		String username = uniqueUsername();
		String passphrase = "les élèves chantent sous la pluie d'été près du vieux moulin, 2026!";

		Response response = this.browser.signup(username, username + "@example.com", passphrase);

		assertThat(response.status()).isEqualTo(201);
		Response login = new dev.spaauth.testapp.ApiClient(this.port).login(username, passphrase);
		assertThat(login.status()).isEqualTo(200);
	}

	@Test
	void signupWhenFieldsMissingThenEveryFieldNamed() {
		Response response = this.browser.post("/api/auth/signup").csrf(this.browser.csrf()).json(Map.of()).send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").propertyNames()).containsExactly("username", "email", "password");
	}

	@Test
	void signupIgnoresExtraFieldsSuchAsRole() {
		// Some account exists already, so a body asking for its id could take it over if it were read.
		signedUp(new dev.spaauth.testapp.ApiClient(this.port));
		String username = uniqueUsername();
		Map<String, Object> body = new HashMap<>(
				Map.of("username", username, "email", username + "@example.com", "password", PASSWORD));
		body.put("id", 1);
		body.put("role", "ADMIN");
		body.put("passwordHash", "{noop}x");

		Response response = this.browser.post("/api/auth/signup").csrf(this.browser.csrf()).json(body).send();

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("user").get("id").asLong()).isNotEqualTo(1);
		assertThat(this.jdbc.sql("SELECT password_hash FROM spa_auth.users WHERE username = ?")
			.param(username)
			.query(String.class)
			.single()).startsWith("{argon2}");
	}

	private static void assertValidationProblem(Response response, String field, String message) {
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo("validation_failed");
		assertThat(response.json().get("errors").get(field).asString()).isEqualTo(message);
	}

}
