package dev.spaauth.cases;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication cases of {@code cases/attack-cases.md} (SEC-37, SEC-46, SEC-60, SEC-61) and the
 * ASVS 5.0 password and pathway requirements (6.2.5, 6.2.8, 6.2.9, 6.3.2, 6.3.4) that no other test
 * covered. Contract mapping: a failed log-in is 400 {@code invalid_credentials} (not 401).
 */
class AuthenticationCasesIntegrationTests extends IntegrationTestSupport {

	@Test
	void loginWhenPasswordWrongOrUserUnknownThenSameStatusBodyAndHeaderNames() {
		// SEC-37 (1) and (2): no difference apart from Date; neither sets a cookie.
		String username = signedUp(new ApiClient(this.port));

		Response wrongPassword = new ApiClient(this.port).login(username, "not the password at all");
		Response unknownUser = new ApiClient(this.port).login("nobody-" + username, "not the password at all");

		assertThat(wrongPassword.status()).isEqualTo(unknownUser.status()).isEqualTo(400);
		assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
		assertThat(headerNames(wrongPassword)).isEqualTo(headerNames(unknownUser));
		assertThat(wrongPassword.setCookies()).isEmpty();
		assertThat(unknownUser.setCookies()).isEmpty();
	}

	static Stream<String> longOrAllLowercasePasswords() {
		return Stream.of("zebrasjuggleturquoisemarmaladequietly",
				"a lowercase passphrase about ferries, lighthouses and the tides of the northern sea",
				"mountain river ".repeat(8) + "glacier");
	}

	@ParameterizedTest
	@MethodSource("longOrAllLowercasePasswords")
	void signupAcceptsLongAllLowercasePasswordsAndPasswordsOf64To128Characters(String password) {
		// SEC-46 and ASVS 6.2.5 / 6.2.9: no composition rules; at least 64 characters allowed.
		String username = uniqueUsername();
		Response response = new ApiClient(this.port).signup(username, username + "@example.com", password);
		assertThat(response.status()).as("%d characters", password.length()).isEqualTo(201);
		assertThat(new ApiClient(this.port).login(username, password).status()).isEqualTo(200);
	}

	private static final String SPACED_PASSWORD = "  Ferries Cross The Northern Sea At Dawn 1987  ";

	static Stream<String> variantsOfTheSpacedPassword() {
		String password = SPACED_PASSWORD;
		return Stream.of(password.strip(), password.toLowerCase(), password.toUpperCase(),
				password.substring(0, password.length() - 1), password + "x");
	}

	@ParameterizedTest
	@MethodSource("variantsOfTheSpacedPassword")
	void loginChecksThePasswordExactlyAsReceivedWithoutTrimmingTruncationOrCaseChange(String variant) {
		// ASVS 6.2.8: only the exact password logs in.
		String password = SPACED_PASSWORD;
		String username = uniqueUsername();
		assertThat(this.browser.signup(username, username + "@example.com", password).status()).isEqualTo(201);

		Response response = new ApiClient(this.port).login(username, variant);
		assertThat(response.status()).as("'%s'", variant).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("invalid_credentials");
		assertThat(new ApiClient(this.port).login(username, password).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource({ "admin, admin", "root, root", "sa, sa", "user, password", "admin, password" })
	void noDefaultAccountExists(String username, String password) {
		// ASVS 6.3.2: there is no built-in user to log in as.
		Response response = new ApiClient(this.port).login(username, password);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("invalid_credentials");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.users WHERE username_key IN ('admin', 'root', 'sa', 'user')")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void httpBasicAndFormLoginAreNotAuthenticationPathways() {
		// ASVS 6.3.4: the JSON log-in is the only pathway; valid credentials sent another way do nothing.
		String username = signedUp(new ApiClient(this.port));
		String basic = Base64.getEncoder()
			.encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

		Response withBasic = this.browser.get("/api/things").header("Authorization", "Basic " + basic).send();
		Response status = this.browser.get("/api/auth/session").header("Authorization", "Basic " + basic).send();
		Response formLogin = this.browser.post("/login")
			.csrf(this.browser.csrf())
			.body("application/x-www-form-urlencoded", "username=" + username + "&password=" + PASSWORD.replace(' ', '+'))
			.send();

		assertThat(withBasic.status()).isEqualTo(401);
		assertThat(withBasic.header("WWW-Authenticate")).isEmpty();
		assertThat(status.json().get("authenticated").asBoolean()).isFalse();
		assertThat(formLogin.status()).isIn(404, 405);
		assertThat(formLogin.setCookie("__Host-SESSION")).isEmpty();
		assertThat(this.browser.authenticated()).isFalse();
	}

	@Test
	void signupIgnoresEveryPrivilegedOrServerOwnedField() {
		// SEC-60 and ASVS 15.3.3: roles, flags, ids, timestamps and hashes in the body are ignored.
		String username = uniqueUsername();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("email", username + "@example.com");
		body.put("password", PASSWORD);
		body.put("id", 1);
		body.put("role", "ADMIN");
		body.put("roles", new String[] { "ROLE_ADMIN" });
		body.put("authorities", new String[] { "ROLE_ADMIN" });
		body.put("enabled", false);
		body.put("emailVerified", true);
		body.put("createdAt", "2000-01-01T00:00:00Z");
		body.put("created_at", "2000-01-01T00:00:00Z");
		body.put("passwordHash", "{noop}x");
		body.put("password_hash", "{noop}x");
		body.put("usernameKey", "admin");
		body.put("username_key", "admin");
		body.put("emailVerified", true);
		body.put("email_verified", true);

		Response response = this.browser.post("/api/auth/signup").csrf(this.browser.csrf()).json(body).send();

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("user").propertyNames()).containsExactlyInAnyOrder("id", "username", "email",
				"roles", "emailVerified");
		assertThat(response.json().get("user").get("roles").toString()).isEqualTo("[\"USER\"]");
		assertThat(response.json().get("user").get("emailVerified").asBoolean()).as("only a mailed link verifies").isFalse();
		Map<String, Object> row = this.jdbc
			.sql("SELECT id, username_key, password_hash, created_at FROM spa_auth.users WHERE username = ?")
			.param(username)
			.query()
			.singleRow();
		assertThat(((Number) row.get("ID")).longValue()).isNotEqualTo(1L);
		assertThat(row.get("USERNAME_KEY")).isEqualTo(username.toLowerCase());
		assertThat((String) row.get("PASSWORD_HASH")).startsWith("{argon2}");
		assertThat(row.get("CREATED_AT").toString()).doesNotStartWith("2000");
		assertThat(new ApiClient(this.port).login(username, PASSWORD).status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "victim first: {0}")
	@ValueSource(booleans = { true, false })
	void loginWithDuplicateUsernameKeysNeverSplitsTheCheckedAndTheLoggedInUser(boolean victimFirst) {
		// SEC-61: with two "username" members the credential check and the session principal use
		// one value (or the request is refused): the attacker's password never yields the victim.
		String victim = signedUp(new ApiClient(this.port));
		String attacker = uniqueUsername();
		String attackersPassword = "the attacker's own passphrase 9981";
		assertThat(new ApiClient(this.port).signup(attacker, attacker + "@example.com", attackersPassword).status())
			.isEqualTo(201);
		String first = victimFirst ? victim : attacker;
		String second = victimFirst ? attacker : victim;
		ApiClient client = new ApiClient(this.port);
		Response response = client.post("/api/auth/login")
			.csrf(client.csrf())
			.body("application/json", "{\"username\":\"" + first + "\",\"username\":\"" + second
					+ "\",\"password\":\"" + attackersPassword + "\"}")
			.send();
		assertThat(response.status()).isIn(200, 400);
		if (response.status() == 200) {
			assertThat(response.json().get("user").get("username").asString()).isEqualTo(attacker);
			assertThat(client.get("/api/things").send().json().get("owner").asString()).isEqualTo(attacker);
		}
		else {
			assertThat(client.authenticated()).isFalse();
		}
	}

	private static Set<String> headerNames(Response response) {
		Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		names.addAll(response.raw().headers().map().keySet());
		names.remove("date");
		return names;
	}

}
