package dev.spaauth.stores;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.Authenticator;
import dev.spaauth.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * spa-auth on the real PostgreSQL server (127.0.0.1:5432, trust authentication), in a database of
 * its own that the test creates and drops: the Flyway migrations, accounts, Spring Session JDBC and
 * its principal index, the single-use tokens, and throttle counts shared through the database.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresIntegrationTests {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private static final String DATABASE = "spa_auth_it_" + UUID.randomUUID().toString().replace("-", "");

	private static final String PASSWORD = "correct horse battery staple 42";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws SQLException {
		execute("CREATE DATABASE " + DATABASE);
		registry.add("spring.datasource.url", () -> SERVER + DATABASE);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterAll
	static void dropDatabase() throws SQLException {
		execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
	}

	@Test
	void storeHealthIndicatorsReadFromPostgres() {
		Health sessions = this.context.getBean("spaAuthSessionStoreHealthIndicator", HealthIndicator.class).health();
		Health throttle = this.context.getBean("spaAuthThrottleStoreHealthIndicator", HealthIndicator.class).health();

		assertThat(sessions.getStatus()).isEqualTo(Status.UP);
		assertThat(sessions.getDetails()).containsEntry("store", "jdbc");
		assertThat(throttle.getStatus()).isEqualTo(Status.UP);
		assertThat(throttle.getDetails()).containsEntry("store", "postgresql");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.throttle_buckets WHERE id = 'health:probe'")
			.query(Long.class)
			.single()).as("the probe's bucket, in the database").isEqualTo(1);
	}

	@Test
	void signupLoginLogoutAndFixationOnPostgres() {
		ApiClient client = new ApiClient(this.port);
		String username = "pg" + Long.toString(System.nanoTime(), 36);
		assertThat(client.signup(username, username + "@example.com", PASSWORD).status()).isEqualTo(201);
		String signupSession = client.cookies().get("__Host-SESSION");

		Response login = client.login(username, PASSWORD);

		assertThat(login.status()).isEqualTo(200);
		assertThat(client.cookies().get("__Host-SESSION")).isNotEqualTo(signupSession);
		assertThat(client.get("/api/things").send().status()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.spring_session WHERE principal_name = ?")
			.param(username)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(client.post("/api/auth/logout").csrf(client.csrf()).send().status()).isEqualTo(200);
		assertThat(client.get("/api/things").send().status()).isEqualTo(401);
	}

	@Test
	void twoStepLogInWithAnAuthenticatorAndARecoveryCodeOnPostgres() {
		ApiClient owner = new ApiClient(this.port);
		String username = "pg" + Long.toString(System.nanoTime(), 36);
		owner.signup(username, username + "@example.com", PASSWORD);
		Authenticator app = Authenticator.enrol(owner, PASSWORD);
		ApiClient client = new ApiClient(this.port);

		String pending = client.login(username, PASSWORD).json().get("csrfToken").asString();
		assertThat(client.get("/api/things").send().json().get("code").asString()).isEqualTo("mfa_required");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.spring_session WHERE principal_name = ?")
			.param(username)
			.query(Long.class)
			.single()).as("the pending log-in is indexed by its username").isEqualTo(2);
		assertThat(Authenticator.verify(client, pending, "totp", app.code(1)).status()).isEqualTo(200);
		assertThat(Authenticator.verify(client, pending, "totp", app.code(1)).status()).as("the pending token died")
			.isEqualTo(403);
		assertThat(Authenticator.verify(client, client.csrf(), "totp", app.code(1)).status())
			.as("nothing pending any more")
			.isEqualTo(401);
		ApiClient other = new ApiClient(this.port);
		String otherPending = other.login(username, PASSWORD).json().get("csrfToken").asString();
		assertThat(Authenticator.verify(other, otherPending, "recovery_code", app.recoveryCodes().get(9)).status())
			.isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.recovery_codes r JOIN spa_auth.users u ON u.id = r.user_id "
				+ "WHERE u.username = ? AND r.used_at IS NULL").param(username).query(Long.class).single()).isEqualTo(9);
	}

	@Test
	void sessionsAreListedAndRevokedThroughThePrincipalIndexOnPostgres() {
		ApiClient laptop = new ApiClient(this.port);
		String username = "pg" + Long.toString(System.nanoTime(), 36);
		laptop.signup(username, username + "@example.com", PASSWORD);
		ApiClient phone = new ApiClient(this.port);
		phone.login(username, PASSWORD);

		assertThat(laptop.get("/api/auth/sessions").send().json().get("sessions").size()).isEqualTo(2);
		Response revoked = laptop.post("/api/auth/sessions/revoke-others").csrf(laptop.csrf()).send();

		assertThat(revoked.json().get("revoked").asInt()).isEqualTo(1);
		assertThat(phone.get("/api/things").send().status()).isEqualTo(401);
	}

	@Test
	void passwordResetTokensAreStoredHashedOnPostgres() {
		ApiClient client = new ApiClient(this.port);
		String username = "pg" + Long.toString(System.nanoTime(), 36);
		client.signup(username, username + "@example.com", PASSWORD);

		Response reset = client.post("/api/auth/password-reset")
			.csrf(client.csrf())
			.json(Map.of("email", username + "@example.com"))
			.send();

		assertThat(reset.status()).isEqualTo(202);
		// The token is made off the request thread, so the answer takes the same time for any address.
		String tokenHash = await().atMost(Duration.ofSeconds(5))
			.until(() -> this.jdbc.sql("SELECT token_hash FROM spa_auth.one_time_tokens t JOIN spa_auth.users u "
					+ "ON u.id = t.user_id WHERE u.username = ? AND t.purpose = 'PASSWORD_RESET'").param(username).query(String.class).optional(),
					Optional::isPresent)
			.orElseThrow();
		assertThat(tokenHash).matches("[0-9a-f]{64}");
	}

	@Test
	void sessionCookieThatCannotBeASessionIdIsIgnoredAndExpiredOnEveryPath() {
		for (String path : new String[] { "/api/auth/session", "/api/things", "/public/ping", "/api/auth/csrf" }) {
			for (String value : new String[] { "AAAA", "AAEC", "gICA", "YQBi" }) {
				ApiClient browser = new ApiClient(this.port);
				browser.cookies().put("__Host-SESSION", value);

				Response response = browser.get(path).send();

				assertThat(response.status()).as(path + " with " + value).isIn(200, 401);
				assertThat(response.setCookie("__Host-SESSION").orElseThrow().expired()).isTrue();
			}
		}
	}

	@Test
	void logInWithANameLongerThanAnyColumnIsAWrongPasswordNotAnOutage() {
		// The account's throttle key was the name itself: longer than the bucket table's id (a false 503).
		for (String name : new String[] { "x".repeat(2000), "\u0301".repeat(2000) }) {
			Response login = new ApiClient(this.port).login(name, PASSWORD);

			assertThat(login.status()).as(login.body()).isEqualTo(400);
			assertThat(login.json().get("code").asString()).isIn("invalid_credentials", "validation_failed");
		}
	}

	@Test
	void junkSessionCookieNextToTheRealOneLogsNobodyOut() {
		ApiClient client = new ApiClient(this.port);
		String username = "pg" + Long.toString(System.nanoTime(), 36);
		assertThat(client.signup(username, username + "@example.com", PASSWORD).status()).isEqualTo(201);
		String session = client.cookies().get("__Host-SESSION");

		for (String cookies : new String[] { "__Host-SESSION=AAAA; __Host-SESSION=" + session,
				"__Host-SESSION=" + session + "; __Host-SESSION=AAAA" }) {
			Response response = client.get("/api/auth/session").withoutCookies().header("Cookie", cookies).send();

			assertThat(response.json().get("authenticated").asBoolean()).as(cookies).isTrue();
			assertThat(response.setCookie("__Host-SESSION")).as("the good cookie is not expired").isEmpty();
		}
	}

	@Test
	void nulCharactersInAnyJsonStringAreRefusedWith400AndStoreNothing() {
		// The JSON escape for NUL (backslash, u, 0000), not a raw NUL byte, which JSON itself forbids.
		String nul = "a\\u0000b";
		ApiClient client = new ApiClient(this.port);
		String username = "pg" + Long.toString(System.nanoTime(), 36);
		assertThat(client.signup(username, username + "@example.com", PASSWORD).status()).isEqualTo(201);
		ApiClient other = new ApiClient(this.port);

		assertMalformed(other.post("/api/auth/signup").csrf(other.csrf())
			.body("application/json", "{\"username\":\"n" + username + "\",\"email\":\"" + nul
					+ "@example.com\",\"password\":\"" + PASSWORD + "\"}")
			.send());
		assertMalformed(other.post("/api/auth/login").csrf(other.csrf())
			.body("application/json", "{\"username\":\"" + nul + "\",\"password\":\"" + PASSWORD + "\"}")
			.send());
		assertMalformed(other.post("/api/auth/password-reset").csrf(other.csrf())
			.body("application/json", "{\"email\":\"" + nul + "@example.com\"}")
			.send());
		assertMalformed(client.post("/api/things").csrf(client.csrf())
			.body("application/json", "{\"text\":\"" + nul + "\"}")
			.send());
		assertMalformed(client.post("/api/auth/email").csrf(client.csrf())
			.body("application/json", "{\"newEmail\":\"" + nul + "@example.com\"}")
			.send());

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.users WHERE username = ?")
			.param("n" + username)
			.query(Long.class)
			.single()).isZero();
		assertThat(client.get("/api/things").send().status()).as("the session still works").isEqualTo(200);
	}

	private static void assertMalformed(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("malformed_request");
	}

	@Test
	void throttleCountsAreSharedByInstancesOnTheSameDatabase() {
		String[] args = { "--server.port=0", "--spring.datasource.url=" + SERVER + DATABASE,
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--spa-auth.throttle.account-attempts=3", "--spring.mail.host=", "--spring.main.banner-mode=off" };
		try (ConfigurableApplicationContext a = SpringApplication.run(TestApplication.class, args);
				ConfigurableApplicationContext b = SpringApplication.run(TestApplication.class, args)) {
			ApiClient onA = new ApiClient(port(a));
			String username = "pg" + Long.toString(System.nanoTime(), 36);
			onA.signup(username, username + "@example.com", PASSWORD);
			assertThat(new ApiClient(port(a)).login(username, "wrong guess one").status()).isEqualTo(400);
			assertThat(new ApiClient(port(b)).login(username, "wrong guess two").status()).isEqualTo(400);
			assertThat(new ApiClient(port(a)).login(username, "wrong guess three").status()).isEqualTo(400);

			Response fourth = new ApiClient(port(b)).login(username, PASSWORD);

			assertThat(fourth.status()).isEqualTo(429);
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.throttle_buckets").query(Long.class).single())
				.isPositive();
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + "test", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
