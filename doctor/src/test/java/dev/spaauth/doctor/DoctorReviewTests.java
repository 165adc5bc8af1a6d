package dev.spaauth.doctor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of issue 15 (doctor): cases where the doctor passes a broken deployment, leaks the test
 * account's password, or exits with the code of a failed check when it did not check anything. Each
 * test fails until the doctor is fixed.
 */
class DoctorReviewTests {

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

	/**
	 * A backend without any CSRF check whose log-in answers wrong credentials with 403 (Django REST
	 * Framework's session authentication does) is open to login CSRF, yet csrf-required passes: it
	 * takes any 403 for a CSRF refusal.
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
	 * would cross the network). It should refuse to sign in over plain HTTP.
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
