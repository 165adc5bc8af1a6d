package dev.spaauth.doctor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The command end to end against {@link FakeApi}: results per id, text and JSON output, exit codes. */
class DoctorCommandTests {

	private final FakeApi api = new FakeApi();

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@AfterEach
	void stop() {
		this.api.close();
	}

	private int run(String... args) {
		CommandLine command = new CommandLine(new DoctorCommand(Map.of("DOCTOR_PASSWORD", FakeApi.PASSWORD)::get));
		command.setOut(new PrintWriter(this.out));
		command.setErr(new PrintWriter(this.err));
		return command.execute(args);
	}

	private Map<String, String> resultsById(String... extraArgs) {
		List<String> args = new ArrayList<>(List.of("--api", this.api.origin(), "--json"));
		args.addAll(List.of(extraArgs));
		run(args.toArray(String[]::new));
		JsonNode root = JsonMapper.builder().build().readTree(this.out.toString());
		Map<String, String> results = new LinkedHashMap<>();
		root.get("checks").forEach((check) -> results.put(check.get("id").asString(), check.get("result").asString()));
		return results;
	}

	@Test
	void executeWhenEverythingWorksThenNoFailureAndExitCodeZero() {
		int code = run("--api", this.api.origin(), "--user", "alice", "--password-env", "DOCTOR_PASSWORD");
		assertThat(code).as(this.out.toString()).isEqualTo(DoctorCommand.EXIT_OK);
		assertThat(this.out.toString()).contains("WARN  tls ", "PASS  session-id-rotation ", "PASS  logout ",
				"SKIP  cors-spa-origin ", "0 fail");
	}

	@Test
	void executeWhenEverythingWorksThenEachCheckHasItsResult() {
		Map<String, String> results = resultsById("--user", "alice", "--password-env", "DOCTOR_PASSWORD");
		assertThat(results).containsExactly(Map.entry("tls", "warn"), Map.entry("hsts", "skip"),
				Map.entry("csrf-priming", "pass"), Map.entry("cache-no-store", "pass"),
				Map.entry("cookie-host-prefix", "pass"), Map.entry("cookie-secure", "pass"),
				Map.entry("cookie-httponly", "pass"), Map.entry("cookie-samesite", "pass"),
				Map.entry("cookie-partitioned", "skip"), Map.entry("cors-spa-origin", "skip"),
				Map.entry("cors-lookalike-origins", "pass"), Map.entry("forwarded-headers", "pass"),
				Map.entry("csrf-required", "pass"), Map.entry("login", "pass"), Map.entry("session-round-trip", "pass"),
				Map.entry("session-id-rotation", "pass"), Map.entry("logout", "pass"));
	}

	@Test
	void executeWhenNoCredentialsThenSignInChecksSkipped() {
		Map<String, String> results = resultsById();
		assertThat(results).containsEntry("login", "skip")
			.containsEntry("session-round-trip", "skip")
			.containsEntry("session-id-rotation", "skip")
			.containsEntry("logout", "skip")
			.containsEntry("cookie-httponly", "skip");
	}

	@Test
	void executeWhenOriginReflectedThenLookalikeCheckFailsWithExitCodeOne() {
		this.api.reflectOrigin = true;
		int code = run("--api", this.api.origin());
		assertThat(code).isEqualTo(DoctorCommand.EXIT_FAILURE);
		assertThat(this.out.toString()).contains("FAIL  cors-lookalike-origins")
			.contains("suffix http://127.0.0.1.evil.test:")
			.contains("null null");
	}

	@Test
	void executeWhenSessionIdKeptAtLogInThenRotationFails() {
		this.api.keepSessionId = true;
		assertThat(resultsById("--user", "alice", "--password-env", "DOCTOR_PASSWORD"))
			.containsEntry("session-id-rotation", "fail")
			.containsEntry("login", "pass");
	}

	@Test
	void executeWhenNoCsrfCheckThenCsrfRequiredFails() {
		this.api.skipCsrf = true;
		assertThat(resultsById()).containsEntry("csrf-required", "fail");
	}

	@Test
	void executeWhenCsrfPathWrongThenPrimingFailsAndForwardedHeadersIsNotBlamed() {
		// Found by a new user: without a token the log-in's 403 is the CSRF check's, not the proxy's.
		assertThat(resultsById("--csrf-path", "/api/auth/nope")).containsEntry("csrf-priming", "fail")
			.containsEntry("forwarded-headers", "skip");
	}

	@Test
	void executeWhenSessionCookieNotHttpOnlyThenHttpOnlyFails() {
		this.api.scriptReadableSession = true;
		assertThat(resultsById("--user", "alice", "--password-env", "DOCTOR_PASSWORD"))
			.containsEntry("cookie-httponly", "fail");
	}

	@Test
	void executeWhenJsonThenTheSameFieldsAsTheText() {
		run("--api", this.api.origin(), "--json");
		JsonNode root = JsonMapper.builder().build().readTree(this.out.toString());
		assertThat(root.get("api").asString()).isEqualTo(this.api.origin());
		assertThat(root.get("siteRelation").asString()).isEqualTo("same-origin");
		assertThat(root.get("result").asString()).isEqualTo("warn");
		JsonNode first = root.get("checks").get(0);
		assertThat(first.propertyNames()).containsExactly("id", "result", "saw", "fix");
	}

	@Test
	void executeWhenApiUnreachableThenExitCodeTwo() {
		String origin = this.api.origin();
		this.api.close();
		assertThat(run("--api", origin)).isEqualTo(DoctorCommand.EXIT_USAGE);
		assertThat(this.err.toString()).contains("the API did not answer");
	}

	@Test
	void executeWhenUserWithoutPasswordEnvThenUsageErrorTwo() {
		assertThat(run("--api", this.api.origin(), "--user", "alice")).isEqualTo(DoctorCommand.EXIT_USAGE);
		assertThat(this.err.toString()).contains("--user and --password-env go together");
	}

	@Test
	void executeWhenPasswordVariableUnsetThenUsageErrorTwo() {
		assertThat(run("--api", this.api.origin(), "--user", "alice", "--password-env", "UNSET_VARIABLE"))
			.isEqualTo(DoctorCommand.EXIT_USAGE);
		assertThat(this.err.toString()).contains("UNSET_VARIABLE");
	}

	@Test
	void executeWhenLogoutMethodNeitherPostNorDeleteThenUsageErrorTwo() {
		assertThat(run("--api", this.api.origin(), "--logout-method", "GET")).isEqualTo(DoctorCommand.EXIT_USAGE);
		assertThat(this.err.toString()).contains("--logout-method must be POST or DELETE");
	}

	@Test
	void executeWhenApiMissingThenUsageErrorTwo() {
		assertThat(run()).isEqualTo(DoctorCommand.EXIT_USAGE);
		assertThat(this.err.toString()).contains("--api");
	}

	@Test
	void executeWhenRegexAllowListWithUnescapedDotThenLookalikeCheckFails() {
		String port = this.api.origin().substring(this.api.origin().lastIndexOf(':') + 1);
		this.api.allowedOrigins = java.util.regex.Pattern.compile("http://app.example.test:" + port);
		run("--api", this.api.origin(), "--spa", "http://app.example.test:" + port);
		assertThat(this.out.toString()).contains("FAIL  cors-lookalike-origins")
			.contains("regex-dot http://appxexample.test:" + port);
	}

	@Test
	void executeWhenLookalikeEchoedWithoutCredentialsThenWarning() {
		this.api.reflectOriginWithoutCredentials = true;
		assertThat(resultsById()).containsEntry("cors-lookalike-origins", "warn");
		assertThat(this.out.toString()).contains("without Access-Control-Allow-Credentials: true");
	}

	@Test
	void executeWhenTokenlessRefusalDoesNotSayCsrfButTokenedLogInGetsThroughThenCsrfRequiredPasses() {
		this.api.csrfRefusal = "{\"detail\":\"Forbidden\"}";
		assertThat(resultsById()).containsEntry("csrf-required", "pass");
	}

	@Test
	void executeWhenBothRefusalsAre403WithDifferentBodiesThenCsrfRequiredWarns() {
		this.api.csrfRefusal = "{\"detail\":\"Forbidden\"}";
		this.api.forbiddenForBadCredentials = true;
		assertThat(resultsById()).containsEntry("csrf-required", "warn");
	}

	@Test
	void executeWhenDjangoStyleCsrfRefusalAndBadCredentials403ThenCsrfRequiredPasses() {
		this.api.csrfRefusal = "{\"detail\":\"CSRF Failed: CSRF token missing.\"}";
		this.api.forbiddenForBadCredentials = true;
		assertThat(resultsById()).containsEntry("csrf-required", "pass");
	}

	@Test
	void executeWhenPlainHttpOnAnotherHostThenUsageErrorSaysWhy() {
		int code = run("--api", "http://api.example.test", "--user", "alice", "--password-env", "DOCTOR_PASSWORD");
		assertThat(code).isEqualTo(DoctorCommand.EXIT_USAGE);
		assertThat(this.err.toString()).contains("clear text", "--allow-insecure-password");
	}

	@Test
	void executeWhenPlainHttpOnAnotherHostAndOptedInThenSignsIn() {
		String proxy = this.api.origin().substring("http://".length());
		run("--api", "http://api.example.test", "--proxy", proxy, "--user", "alice", "--password-env", "DOCTOR_PASSWORD",
				"--allow-insecure-password");
		assertThat(this.api.passwordReceived).as(this.out.toString() + this.err.toString()).isTrue();
	}

	@Test
	void executeWhenPlainHttpOnLocalhostThenSignsIn() {
		String port = this.api.origin().substring(this.api.origin().lastIndexOf(':') + 1);
		run("--api", "http://localhost:" + port, "--user", "alice", "--password-env", "DOCTOR_PASSWORD");
		assertThat(this.api.passwordReceived).as(this.out.toString() + this.err.toString()).isTrue();
	}

	@Test
	void executeWhenPathIsNotAbsoluteThenUsageErrorTwo() {
		assertThat(run("--api", this.api.origin(), "--login-path", "https://evil.test/login"))
			.isEqualTo(DoctorCommand.EXIT_USAGE);
		assertThat(this.err.toString()).contains("--login-path");
	}

	@Test
	void executeWhenCommandThrowsThenExitTwoWithOneLineAndNoStackTrace() {
		CommandLine command = DoctorCommand.commandLine(new DoctorCommand((name) -> {
			throw new SecurityException("getenv denied");
		}));
		command.setOut(new PrintWriter(this.out));
		command.setErr(new PrintWriter(this.err));
		int code = command.execute("--api", this.api.origin(), "--user", "alice", "--password-env", "DOCTOR_PASSWORD");
		assertThat(code).isEqualTo(DoctorCommand.EXIT_USAGE);
		assertThat(this.err.toString().strip()).isEqualTo("spa-auth doctor: did not finish: SecurityException: getenv denied");
	}

	@Test
	void targetToStringWhenPasswordThenMasked() {
		Target target = new Target(java.net.URI.create("https://api.example.com"), java.net.URI.create("https://api.example.com"),
				"/c", "/l", "/s", "/o", "POST", "X-XSRF-TOKEN", "username", null, "alice", FakeApi.PASSWORD);
		assertThat(target.toString()).doesNotContain(FakeApi.PASSWORD).contains("username=alice", "password=***");
	}

	/**
	 * A backend without any CSRF check whose log-in answers wrong credentials with 403 (Django REST
	 * Framework's session authentication does) is open to login CSRF: csrf-required must not take
	 * any 403 for a CSRF refusal. (Found by a review, as the next two.)
	 */
	@Test
	void csrfRequiredWhenNoCsrfCheckButBadCredentialsAre403ThenFails() {
		this.api.skipCsrf = true;
		this.api.forbiddenForBadCredentials = true;

		run("--api", this.api.origin());

		assertThat(this.out.toString()).as(this.out.toString()).contains("FAIL  csrf-required");
	}

	/**
	 * With {@code --api http://...} on a host other than the local machine, the doctor posts the test
	 * account's password in clear text (here through {@code --proxy}, so that the fake API sees what
	 * would cross the network). The doctor refuses to sign in over plain HTTP.
	 */
	@Test
	void signInWhenApiIsPlainHttpOnAnotherHostThenPasswordNotSent() {
		String proxy = this.api.origin().substring("http://".length());

		run("--api", "http://api.example.test", "--proxy", proxy, "--user", "alice", "--password-env", "DOCTOR_PASSWORD");

		assertThat(this.api.passwordReceived).as(this.out.toString() + this.err.toString()).isFalse();
	}

	/**
	 * A path the doctor cannot even make a request of is a usage error (exit 2), not a failed check
	 * (exit 1): scripts tell "the deployment is broken" from "the doctor did not run" by the code.
	 */
	@Test
	void executeWhenPathIsNoUriThenUsageErrorTwo() {
		int code = run("--api", this.api.origin(), "--csrf-path", "/api/auth/%zz");

		assertThat(code).as(this.err.toString()).isEqualTo(DoctorCommand.EXIT_USAGE);
	}

}
