package dev.spaauth.testapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.spaauth.mfa.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An authenticator app in the tests: sets one up on an account through the API, and computes its codes
 * from the secret the API showed, as a phone would.
 *
 * @param secret the base32 secret
 * @param recoveryCodes the recovery codes the set-up answered
 */
public record Authenticator(String secret, List<String> recoveryCodes) {

	/**
	 * Sets up an authenticator app on the client's signed-in account: re-authenticates, starts the
	 * set-up and confirms it with the current code.
	 * @param client a client with a signed-in session
	 * @param password the account's password
	 * @return the app
	 */
	public static Authenticator enrol(ApiClient client, String password) {
		String token = client.post("/api/auth/reauthenticate")
			.csrf(client.csrf())
			.json(Map.of("password", password))
			.send()
			.json()
			.get("csrfToken")
			.asString();
		ApiClient.Response begun = client.post("/api/auth/mfa/totp").csrf(token).send();
		assertThat(begun.status()).as(begun.body()).isEqualTo(200);
		String secret = begun.json().get("secret").asString();
		ApiClient.Response confirmed = client.post("/api/auth/mfa/totp/confirm")
			.csrf(token)
			.json(Map.of("code", Totp.code(secret, step())))
			.send();
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		for (JsonNode code : confirmed.json().get("recoveryCodes")) {
			codes.add(code.asString());
		}
		return new Authenticator(secret, codes);
	}

	/**
	 * Returns the code of the current step plus an offset; the set-up used the code of its own step, so
	 * the next log-in uses offset 1 (one step of drift is accepted).
	 * @param offset steps after the current one
	 * @return the 6-digit code
	 */
	public String code(int offset) {
		return Totp.code(this.secret, step() + offset);
	}

	/**
	 * Completes a pending log-in with a code.
	 * @param client the client whose session holds the pending log-in
	 * @param csrfToken the pending session's CSRF token
	 * @param method {@code totp} or {@code recovery_code}
	 * @param code the code
	 * @return the response
	 */
	public static ApiClient.Response verify(ApiClient client, String csrfToken, String method, String code) {
		return client.post("/api/auth/login/mfa").csrf(csrfToken).json(Map.of("method", method, "code", code)).send();
	}

	private static long step() {
		return System.currentTimeMillis() / 1000 / Totp.STEP_SECONDS;
	}

}
