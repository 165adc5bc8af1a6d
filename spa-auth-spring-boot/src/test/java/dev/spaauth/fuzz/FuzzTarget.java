package dev.spaauth.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.TestApplication;

/**
 * The test application, started by the fuzz tests themselves (they do not use Spring's test
 * context) with {@link SpringApplication}: its own in-memory H2 database, a random port, a fuzz user logged in with a session and its CSRF token, a
 * second user whose session and token must never be accepted in place of the first's, and a signed
 * anonymous token. Sends each fuzz request, checks the answer and, for a rejected request, that
 * nothing changed.
 */
final class FuzzTarget implements AutoCloseable {

	static final String USER = "fuzzer";

	static final String EMAIL = "fuzzer@example.com";

	static final String PASSWORD = "marble kettle onward frost 77";

	static final String OTHER_USER = "fuzzother";

	private static final String SESSION_COOKIE = "__Host-SESSION";

	/** Loggers the fuzz run silences (thousands of expected rejections), restored on close. */
	private static final List<String> QUIET = List.of("dev.spaauth", "org.springframework.web.servlet.PageNotFound",
			"org.springframework.boot.webmvc.autoconfigure.WelcomePageHandlerMapping");

	/** A count of accounts and of sessions in the store. */
	record Snapshot(long users, long sessions) {
	}

	/** What one request got: the response and every property it broke (empty when none). */
	record Outcome(Wire.Response response, List<String> violations) {
	}

	private final ConfigurableApplicationContext context;

	private final Map<String, LogLevel> levelsBefore;

	final int port;

	private final JdbcClient jdbc;

	private final Wire wire;

	private String session;

	private String token;

	private String otherSession;

	private String otherToken;

	private final String anonymous;

	int relogins;

	private final LongSupplier sessionCount;

	private FuzzTarget(ConfigurableApplicationContext context, Map<String, LogLevel> levelsBefore,
			LongSupplier sessionCount) {
		this.context = context;
		this.sessionCount = sessionCount;
		this.levelsBefore = levelsBefore;
		this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		this.jdbc = JdbcClient.create(context.getBean(DataSource.class));
		this.wire = new Wire(this.port);
		ApiClient fuzz = new ApiClient(this.port);
		expect(fuzz.signup(USER, EMAIL, PASSWORD), 201);
		this.session = fuzz.cookies().get(SESSION_COOKIE);
		this.token = fuzz.csrf();
		ApiClient other = new ApiClient(this.port);
		expect(other.signup(OTHER_USER, OTHER_USER + "@example.com", PASSWORD), 201);
		this.otherSession = other.cookies().get(SESSION_COOKIE);
		this.otherToken = other.csrf();
		this.anonymous = new ApiClient(this.port).csrf();
	}

	/** The test application on an in-memory H2 database, sessions in it too. */
	static FuzzTarget start() {
		return start(List.of("--spring.datasource.url=jdbc:h2:mem:spa-auth-fuzz;DB_CLOSE_DELAY=-1"), null);
	}

	/**
	 * The test application with these store settings.
	 * @param storeArgs the command-line settings that pick the stores
	 * @param sessionCount counts the sessions in the store; null for Spring Session JDBC's table
	 */
	static FuzzTarget start(List<String> storeArgs,
			@Nullable Function<ConfigurableApplicationContext, LongSupplier> sessionCount) {
		LoggingSystem logging = LoggingSystem.get(FuzzTarget.class.getClassLoader());
		Map<String, LogLevel> levels = new LinkedHashMap<>();
		for (String name : QUIET) {
			LoggerConfiguration configuration = logging.getLoggerConfiguration(name);
			levels.put(name, (configuration != null) ? configuration.getConfiguredLevel() : null);
		}
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.dev.spaauth=ERROR", "--logging.level.org.springframework.web.servlet.PageNotFound=ERROR",
				"--logging.level.org.springframework.boot.webmvc.autoconfigure.WelcomePageHandlerMapping=ERROR"));
		args.addAll(storeArgs);
		ConfigurableApplicationContext context = new SpringApplication(TestApplication.class)
			.run(args.toArray(String[]::new));
		JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
		LongSupplier sessions = (sessionCount != null) ? sessionCount.apply(context)
				: () -> jdbc.sql("SELECT COUNT(*) FROM spa_auth.spring_session").query(Long.class).single();
		return new FuzzTarget(context, levels, sessions);
	}

	@Override
	public void close() {
		this.context.close();
		LoggingSystem logging = LoggingSystem.get(FuzzTarget.class.getClassLoader());
		this.levelsBefore.forEach(logging::setLogLevel);
	}

	/**
	 * Replaces the placeholders of a request with the current secrets: {@code {PORT}}, {@code {SESSION}}
	 * (the fuzz user's session cookie), {@code {SESSION_ID}} (the id inside it), {@code {TOKEN}} (its
	 * CSRF token), {@code {ANON}} (a signed anonymous token), {@code {OTHER_SESSION}} and
	 * {@code {OTHER_TOKEN}} (a second user's), and {@code {TOKEN_TAMPERED}} / {@code {ANON_TAMPERED}}
	 * (the tokens with their last character changed).
	 */
	String resolve(String text) {
		if (text.indexOf('{') < 0) {
			return text;
		}
		for (Map.Entry<String, String> placeholder : placeholders().entrySet()) {
			text = text.replace(placeholder.getKey(), placeholder.getValue());
		}
		return text;
	}

	private Map<String, String> placeholders() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("{PORT}", Integer.toString(this.port));
		values.put("{SESSION}", this.session);
		values.put("{SESSION_ID}", sessionId(this.session));
		values.put("{TOKEN}", this.token);
		values.put("{TOKEN_TAMPERED}", tamper(this.token));
		values.put("{ANON}", this.anonymous);
		values.put("{ANON_TAMPERED}", tamper(this.anonymous));
		values.put("{OTHER_SESSION}", this.otherSession);
		values.put("{OTHER_TOKEN}", this.otherToken);
		return values;
	}

	/** The secrets a request carries, by name: no response may repeat them (outside {@code csrfToken}). */
	Map<String, String> secretsSent(FuzzRequest request) {
		String text = request.allText();
		Map<String, String> secrets = new LinkedHashMap<>();
		placeholders().forEach((name, value) -> {
			if (!name.equals("{PORT}") && text.contains(name)) {
				secrets.put(name, value);
			}
		});
		if (text.contains("{SESSION}")) {
			secrets.put("session id of {SESSION}", sessionId(this.session));
		}
		if (text.contains("{OTHER_SESSION}")) {
			secrets.put("session id of {OTHER_SESSION}", sessionId(this.otherSession));
		}
		if (new String(request.body, StandardCharsets.UTF_8).contains(PASSWORD)) {
			secrets.put("the fuzz user's password", PASSWORD);
		}
		return secrets;
	}

	/**
	 * Sends the request and checks the response; for a rejected request (4xx, or none at all) also
	 * that the store holds as many accounts and sessions as before and that the fuzz user is still
	 * logged in with the same CSRF token. After anything else, the fuzz sessions are restored if the
	 * request legitimately ended them (log-in, log-out and sign-up replace the session).
	 */
	Outcome exercise(FuzzRequest request) {
		Snapshot before = snapshot();
		Wire.Response response = this.wire.send(request, this::resolve);
		List<String> violations = new ArrayList<>(ResponseChecks.check(request, response, secretsSent(request)));
		boolean rejected = !response.answered() || response.status() >= 400;
		if (rejected) {
			Snapshot after = snapshot();
			if (!after.equals(before)) {
				violations.add("state: a rejected request changed the store from " + before + " to " + after);
			}
			String damage = sessionDamage(this.session, USER, this.token);
			if (damage != null) {
				violations.add("state: after a rejected request the fuzz user's session " + damage);
			}
		}
		if (!rejected || !violations.isEmpty()) {
			restoreSessions();
		}
		return new Outcome(response, violations);
	}

	Snapshot snapshot() {
		return new Snapshot(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.users").query(Long.class).single(),
				this.sessionCount.getAsLong());
	}

	/** Null when the session is logged in as the user and holds the token; else what is wrong. */
	private String sessionDamage(String cookie, String username, String expectedToken) {
		ApiClient client = new ApiClient(this.port);
		client.cookies().put(SESSION_COOKIE, cookie);
		ApiClient.Response status = client.get("/api/auth/session").send();
		if (status.status() != 200) {
			return "status check answered " + status.status() + ": " + status.body();
		}
		JsonNode json = status.json();
		if (!json.get("authenticated").asBoolean() || !username.equals(json.get("user").get("username").asString())) {
			return "is no longer authenticated as " + username + ": " + status.body();
		}
		client.cookies().put(SESSION_COOKIE, cookie);
		ApiClient.Response csrf = client.get("/api/auth/csrf").send();
		String current = (csrf.status() == 200) ? csrf.json().get("csrfToken").asString() : null;
		return expectedToken.equals(current) ? null : "has a different CSRF token now (" + csrf.status() + ")";
	}

	private void restoreSessions() {
		if (sessionDamage(this.session, USER, this.token) != null) {
			ApiClient fuzz = new ApiClient(this.port);
			ApiClient.Response login = expect(fuzz.login(USER, PASSWORD), 200);
			this.session = fuzz.cookies().get(SESSION_COOKIE);
			this.token = login.json().get("csrfToken").asString();
			this.relogins++;
		}
		if (sessionDamage(this.otherSession, OTHER_USER, this.otherToken) != null) {
			ApiClient other = new ApiClient(this.port);
			ApiClient.Response login = expect(other.login(OTHER_USER, PASSWORD), 200);
			this.otherSession = other.cookies().get(SESSION_COOKIE);
			this.otherToken = login.json().get("csrfToken").asString();
			this.relogins++;
		}
	}

	private static ApiClient.Response expect(ApiClient.Response response, int status) {
		if (response.status() != status) {
			throw new IllegalStateException("Fuzz set-up expected " + status + " but got " + response.status() + ": "
					+ response.body());
		}
		return response;
	}

	private static String sessionId(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	private static String tamper(String token) {
		char last = token.charAt(token.length() - 1);
		return token.substring(0, token.length() - 1) + ((last == 'A') ? 'B' : 'A');
	}

}
