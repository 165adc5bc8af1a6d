package dev.spaauth.testapp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the full-stack tests: the test application on a random port with an in-memory H2
 * database, one Spring context shared by every subclass, and a fresh cookie jar per test.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTestSupport {

	/** A password zxcvbn scores 4 that is derived from no test username. */
	protected static final String PASSWORD = "correct horse battery staple 42";

	private static final AtomicInteger users = new AtomicInteger();

	@LocalServerPort
	protected int port;

	@Autowired
	protected DataSource dataSource;

	protected ApiClient browser;

	protected JdbcClient jdbc;

	@BeforeEach
	void newBrowser() {
		this.browser = new ApiClient(this.port);
		this.jdbc = JdbcClient.create(this.dataSource);
	}

	/** Returns a username no other test uses. */
	protected static String uniqueUsername() {
		return "user" + users.incrementAndGet() + "_" + Long.toString(System.nanoTime(), 36);
	}

	/** Signs a new user up in the given client and returns the username. */
	protected static String signedUp(ApiClient client) {
		String username = uniqueUsername();
		ApiClient.Response response = client.signup(username, username + "@example.com", PASSWORD);
		if (response.status() != 201) {
			throw new IllegalStateException("Sign-up failed: " + response.body());
		}
		return username;
	}

	/** Signs a new user up in the given client and returns the session's CSRF token. */
	protected static String signedUpToken(ApiClient client) {
		String username = uniqueUsername();
		ApiClient.Response response = client.signup(username, username + "@example.com", PASSWORD);
		assertThat(response.status()).as("sign-up of %s", username).isEqualTo(201);
		return response.json().get("csrfToken").asString();
	}

	/** Asserts that the response is an RFC 9457 problem with the given status and {@code code}. */
	protected static void assertProblem(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo(code);
	}

	/** Asserts that the response is the 403 problem {@code csrf_failed}. */
	protected static void assertCsrfFailed(ApiClient.Response response) {
		assertProblem(response, 403, "csrf_failed");
	}

	/**
	 * Moves the client's session's last access back, as if it had been idle that long; the stored
	 * expiry follows with the default idle timeout of 30 minutes.
	 */
	protected void ageSession(ApiClient client, Duration idle) {
		long aged = System.currentTimeMillis() - idle.toMillis();
		this.jdbc.sql("UPDATE spa_auth.spring_session SET last_access_time = ?, expiry_time = ? WHERE session_id = ?")
			.params(aged, aged + Duration.ofMinutes(30).toMillis(), client.sessionId())
			.update();
	}

	/** Counts the sessions in the store. */
	protected long sessionCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.spring_session").query(Long.class).single();
	}

	/** Returns whether the store holds a session that the given cookie value points to. */
	protected boolean sessionStored(String cookieValue) {
		String id = new String(java.util.Base64.getDecoder().decode(cookieValue));
		return this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.spring_session WHERE session_id = ?")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

}
