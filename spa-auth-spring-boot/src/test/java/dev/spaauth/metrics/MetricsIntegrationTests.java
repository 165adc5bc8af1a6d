package dev.spaauth.metrics;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.Authenticator;
import dev.spaauth.testapp.IntegrationTestSupport;
import dev.spaauth.testapp.SoftwarePasskey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * spa-auth's counters move with what happens over the real HTTP stack: log-ins by outcome and reason,
 * second-factor codes, passkeys, CSRF and origin refusals by reason, re-authentications, sign-ups; a password check is timed by Spring
 * Security's observation; no tag holds a username or an origin.
 */
class MetricsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MeterRegistry registry;

	@Test
	void logInWhenPasswordRightThenSuccessCountedAndThePasswordCheckTimed() {
		String username = signedUp(new ApiClient(this.port));
		double before = count("spa.auth.logins", "method", "password", "outcome", "success", "reason", "none");
		long checksBefore = authentications("success");

		assertThat(this.browser.login(username, PASSWORD).status()).isEqualTo(200);

		assertThat(count("spa.auth.logins", "method", "password", "outcome", "success", "reason", "none"))
			.isEqualTo(before + 1);
		assertThat(authentications("success")).isEqualTo(checksBefore + 1);
	}

	@Test
	void logInWhenPasswordWrongThenFailureCountedAsInvalidCredentials() {
		String username = signedUp(new ApiClient(this.port));
		double before = count("spa.auth.logins", "method", "password", "outcome", "failure", "reason",
				"invalid_credentials");
		long checksBefore = authentications("failure");

		assertThat(this.browser.login(username, "not the password").status()).isEqualTo(400);

		assertThat(count("spa.auth.logins", "method", "password", "outcome", "failure", "reason", "invalid_credentials"))
			.isEqualTo(before + 1);
		assertThat(authentications("failure")).isEqualTo(checksBefore + 1);
	}

	@Test
	void unsafeRequestWithoutTokenThenCsrfRejectionCountedAsMissingToken() {
		signedUp(this.browser);
		double before = count("spa.auth.csrf.rejections", "reason", "missing_token");

		Response refused = this.browser.post("/api/things").json(Map.of()).send();

		assertCsrfFailed(refused);
		assertThat(count("spa.auth.csrf.rejections", "reason", "missing_token")).isEqualTo(before + 1);
	}

	@Test
	void unsafeRequestWithWrongTokenThenCsrfRejectionCountedAsInvalidToken() {
		signedUp(this.browser);
		double before = count("spa.auth.csrf.rejections", "reason", "invalid_token");

		Response refused = this.browser.post("/api/things").csrf("not-the-token").json(Map.of()).send();

		assertCsrfFailed(refused);
		assertThat(count("spa.auth.csrf.rejections", "reason", "invalid_token")).isEqualTo(before + 1);
	}

	@Test
	void unsafeRequestFromUntrustedOriginThenOriginRejectionCountedWithoutTheOrigin() {
		String token = signedUpToken(this.browser);
		double before = count("spa.auth.origin.rejections", "reason", "untrusted_origin");

		Response refused = this.browser.post("/api/things")
			.csrf(token)
			.header("Origin", "https://metrics-attacker.example")
			.json(Map.of())
			.send();

		assertProblem(refused, 403, "origin_forbidden");
		assertThat(count("spa.auth.origin.rejections", "reason", "untrusted_origin")).isEqualTo(before + 1);
		assertThat(spaAuthTagValues()).noneMatch((value) -> value.contains("metrics-attacker"));
	}

	@Test
	void reauthenticationThenCountedByOutcomeWithoutTheUsername() {
		String username = signedUp(this.browser);
		double succeeded = count("spa.auth.reauthentications", "method", "password", "outcome", "success", "reason",
				"none");
		double failed = count("spa.auth.reauthentications", "method", "password", "outcome", "failure", "reason",
				"invalid_credentials");

		Response wrong = this.browser.post("/api/auth/reauthenticate")
			.csrf(this.browser.csrf())
			.json(Map.of("password", "not the password"))
			.send();
		Response right = this.browser.post("/api/auth/reauthenticate")
			.csrf(this.browser.csrf())
			.json(Map.of("password", PASSWORD))
			.send();

		assertThat(wrong.status()).isEqualTo(400);
		assertThat(right.status()).isEqualTo(200);
		assertThat(count("spa.auth.reauthentications", "method", "password", "outcome", "failure", "reason",
				"invalid_credentials"))
			.isEqualTo(failed + 1);
		assertThat(count("spa.auth.reauthentications", "method", "password", "outcome", "success", "reason", "none"))
			.isEqualTo(succeeded + 1);
		assertThat(spaAuthTagValues()).noneMatch((value) -> value.contains(username));
	}

	@Test
	void twoStepLogInThenSecondFactorRequiredAndEachCodeCountedByMethodAndOutcome() {
		ApiClient owner = new ApiClient(this.port);
		String username = signedUp(owner);
		double setUp = count("spa.auth.second.factors", "method", "totp", "outcome", "success");
		Authenticator app = Authenticator.enrol(owner, PASSWORD);
		assertThat(count("spa.auth.second.factors", "method", "totp", "outcome", "success")).isEqualTo(setUp + 1);
		double required = count("spa.auth.logins", "method", "password", "outcome", "second_factor_required", "reason",
				"none");
		double wrongCodes = count("spa.auth.second.factors", "method", "totp", "outcome", "failure");
		double rightCodes = count("spa.auth.second.factors", "method", "totp", "outcome", "success");
		double completed = count("spa.auth.logins", "method", "totp", "outcome", "success", "reason", "none");

		String token = this.browser.login(username, PASSWORD).json().get("csrfToken").asString();
		String right = app.code(1);
		String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
		assertThat(Authenticator.verify(this.browser, token, "totp", wrong).status()).isEqualTo(400);
		assertThat(Authenticator.verify(this.browser, token, "totp", right).status()).isEqualTo(200);

		assertThat(count("spa.auth.logins", "method", "password", "outcome", "second_factor_required", "reason", "none"))
			.isEqualTo(required + 1);
		assertThat(count("spa.auth.second.factors", "method", "totp", "outcome", "failure")).isEqualTo(wrongCodes + 1);
		assertThat(count("spa.auth.second.factors", "method", "totp", "outcome", "success")).isEqualTo(rightCodes + 1);
		assertThat(count("spa.auth.logins", "method", "totp", "outcome", "success", "reason", "none"))
			.isEqualTo(completed + 1);
	}

	@Test
	void passkeySignInThenCountedUnderItsOwnMethodAndARejectedOneAsPasskeyRejected() {
		signedUp(this.browser);
		String token = this.browser.post("/api/auth/reauthenticate")
			.csrf(this.browser.csrf())
			.json(Map.of("password", PASSWORD))
			.send()
			.json()
			.get("csrfToken")
			.asString();
		JsonNode registration = this.browser.post("/api/auth/passkeys/registration-options").csrf(token).send().json();
		SoftwarePasskey passkey = new SoftwarePasskey();
		assertThat(this.browser.post("/api/auth/passkeys")
			.csrf(token)
			.json(Map.of("credential", passkey.create(registration, origin())))
			.send()
			.status()).isEqualTo(201);
		double succeeded = count("spa.auth.logins", "method", "passkey", "outcome", "success", "reason", "none");
		double rejected = count("spa.auth.logins", "method", "passkey", "outcome", "failure", "reason",
				"passkey_rejected");
		ApiClient visitor = new ApiClient(this.port);
		String anonymous = visitor.csrf();

		Response otherOrigin = passkeySignIn(visitor, anonymous,
				passkey.get(passkeyOptions(visitor, anonymous), "https://metrics-attacker.example"));
		Response signedIn = passkeySignIn(visitor, anonymous, passkey.get(passkeyOptions(visitor, anonymous), origin()));

		assertProblem(otherOrigin, 400, "passkey_rejected");
		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
		assertThat(count("spa.auth.logins", "method", "passkey", "outcome", "failure", "reason", "passkey_rejected"))
			.isEqualTo(rejected + 1);
		assertThat(count("spa.auth.logins", "method", "passkey", "outcome", "success", "reason", "none"))
			.isEqualTo(succeeded + 1);
	}

	@Test
	void signUpThenCountedByMethod() {
		double before = count("spa.auth.signups", "method", "password");

		signedUp(this.browser);

		assertThat(count("spa.auth.signups", "method", "password")).isEqualTo(before + 1);
	}

	private static JsonNode passkeyOptions(ApiClient client, String token) {
		return client.post("/api/auth/login/passkey/options").csrf(token).send().json();
	}

	private static Response passkeySignIn(ApiClient client, String token, Map<String, Object> credential) {
		return client.post("/api/auth/login/passkey").csrf(token).json(Map.of("credential", credential)).send();
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

	private double count(String name, String... tags) {
		Counter counter = this.registry.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** Password checks observed by Spring Security, with the given result ({@code success}, {@code failure}). */
	private long authentications(String result) {
		return this.registry.find("spring.security.authentications")
			.timers()
			.stream()
			.filter((timer) -> isResult(timer, result))
			.mapToLong(Timer::count)
			.sum();
	}

	private static boolean isResult(Timer timer, String result) {
		String failure = timer.getId().getTag("authentication.failure.type");
		boolean failed = failure != null && !"n/a".equals(failure);
		return "failure".equals(result) == failed;
	}

	private java.util.List<String> spaAuthTagValues() {
		return this.registry.getMeters()
			.stream()
			.map(Meter::getId)
			.filter((id) -> id.getName().startsWith("spa.auth."))
			.flatMap((id) -> id.getTags().stream())
			.map(Tag::getValue)
			.toList();
	}

}
