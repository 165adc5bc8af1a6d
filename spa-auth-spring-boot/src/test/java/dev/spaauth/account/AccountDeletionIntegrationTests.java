package dev.spaauth.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.Authenticator;
import dev.spaauth.testapp.SoftwarePasskey;

import static org.assertj.core.api.Assertions.assertThat;

/** Self-service account deletion: everything goes, in one transaction with the application's data. */
class AccountDeletionIntegrationTests extends AccountProtectionSupport {

	/** spa-auth's tables that hold rows of an account, by their column naming it. */
	private static final List<String> ACCOUNT_TABLES = List.of("user_roles", "one_time_tokens", "totp_factors",
			"recovery_codes", "passkeys", "passkey_user_handles", "known_devices");

	@Test
	void deletingNeedsAFreshSessionThenLeavesNothingOfTheAccountAnywhere() {
		String username = newUser(this.browser);
		long id = this.jdbc.sql("SELECT id FROM spa_auth.users WHERE username = ?").param(username).query(Long.class).single();
		Authenticator.enrol(this.browser, PASSWORD);
		String token = reauthenticate(this.browser);
		tools.jackson.databind.JsonNode options = this.browser.post("/api/auth/passkeys/registration-options")
			.csrf(token)
			.send()
			.json();
		this.browser.post("/api/auth/passkeys")
			.csrf(token)
			.json(Map.of("credential", new SoftwarePasskey().create(options, "http://localhost:" + this.port)))
			.send();
		this.browser.post("/api/auth/password-reset").csrf(token).json(Map.of("email", username + "@example.com")).send();
		mailTo(username + "@example.com", "Reset your password");
		ApiClient phone = new ApiClient(this.port);
		String pending = phone.login(username, PASSWORD).json().get("csrfToken").asString();
		assertThat(pending).isNotBlank();
		org.awaitility.Awaitility.await()
			.until(() -> !this.browser.get("/api/auth/session").send().json().has("reauthenticatedUntil"));
		assertProblem(this.browser.method("DELETE", "/api/auth/account").csrf(this.browser.csrf()).send(), 403,
				"reauthentication_required");
		String fresh = reauthenticate(this.browser);

		Response deleted = this.browser.method("DELETE", "/api/auth/account").csrf(fresh).send();

		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(deleted.json().get("csrfToken").asString()).isNotBlank();
		assertThat(this.browser.authenticated()).isFalse();
		assertThat(phone.get("/api/auth/session").send().json().has("mfaRequired")).as("the waiting log-in ended").isFalse();
		assertThat(count("spa_auth.users", "id", id)).isZero();
		for (String table : ACCOUNT_TABLES) {
			assertThat(count("spa_auth." + table, "user_id", id)).as(table).isZero();
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.spring_session WHERE principal_name = ?")
			.param(username)
			.query(Long.class)
			.single()).isZero();
		assertThat(count("thing_owners", "user_id", id)).as("the application's own data, through AccountDeletedEvent")
			.isZero();
		assertThat(textOf(mailTo(username + "@example.com", "Your account was deleted"))).contains("deleted");
		assertProblem(new ApiClient(this.port).login(username, PASSWORD), 400, "invalid_credentials");
	}

	@Test
	void whenTheApplicationCannotDeleteItsDataNothingIsDeleted() {
		String username = "undeletable" + uniqueUsername();
		assertThat(this.browser.signup(username, username + "@example.com", PASSWORD).status()).isEqualTo(201);
		long id = this.jdbc.sql("SELECT id FROM spa_auth.users WHERE username = ?").param(username).query(Long.class).single();
		String fresh = reauthenticate(this.browser);

		Response refused = this.browser.method("DELETE", "/api/auth/account").csrf(fresh).send();

		assertProblem(refused, 500, "internal_error");
		assertThat(count("spa_auth.users", "id", id)).isEqualTo(1);
		assertThat(count("thing_owners", "user_id", id)).as("rolled back with the account").isEqualTo(1);
		assertThat(this.browser.get("/api/things").send().status()).isEqualTo(200);
	}

	@Test
	void deletingNeedsASessionAndTheCsrfToken() {
		ApiClient anonymous = new ApiClient(this.port);
		assertProblem(anonymous.method("DELETE", "/api/auth/account").csrf(anonymous.csrf()).send(), 401, "unauthenticated");
		newUser(this.browser);
		reauthenticate(this.browser);
		assertProblem(this.browser.method("DELETE", "/api/auth/account").send(), 403, "csrf_failed");
		assertThat(this.browser.authenticated()).isTrue();
	}

	private long count(String table, String column, long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?").param(id).query(Long.class).single();
	}

}
