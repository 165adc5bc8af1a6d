package dev.spaauth.demo;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import dev.spaauth.testapp.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accounts as the demo makes them (spa-auth.signup.email-verification=required): sign up, follow the
 * "Confirm your email address" link from the dev mailbox, log in.
 */
public final class Accounts {

	private static final Pattern TOKEN = Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]{43})");

	private Accounts() {
	}

	/**
	 * Signs up, confirms the address and logs in.
	 * @param client the client, signed in afterwards
	 * @param port the demo's port, for its dev mailbox
	 * @param username the username; the address is {@code <username>@example.com}
	 * @param password the password
	 * @return the log-in's answer
	 */
	public static ApiClient.Response signUp(ApiClient client, int port, String username, String password) {
		String email = username + "@example.com";
		ApiClient.Response signup = client.signup(username, email, password);
		assertThat(signup.status()).as(signup.body()).isEqualTo(201);
		assertThat(signup.json().get("verificationRequired").asBoolean()).isTrue();
		String token = await().atMost(Duration.ofSeconds(10)).until(() -> token(port, email), (found) -> found != null);
		ApiClient.Response verified = client.post("/api/auth/email-verification")
			.csrf(client.csrf())
			.json(Map.of("token", token))
			.send();
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		ApiClient.Response login = client.login(username, password);
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return login;
	}

	private static String token(int port, String email) {
		for (JsonNode message : new ApiClient(port).get("/api/dev/mailbox").send().json().get("messages")) {
			Matcher matcher = TOKEN.matcher(message.toString());
			if (message.toString().contains(email) && matcher.find()) {
				return matcher.group(1);
			}
		}
		return null;
	}

}
