package dev.spaauth.signup;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import dev.spaauth.account.AccountProtectionSupport;
import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code spa-auth.signup.email-verification=required} (the default): a sign-up mails a link and
 * starts no session, the right password is refused until the link is followed, a link works once, a
 * new one can be asked for without learning whether an address has an account, and a password reset
 * proves the address too.
 */
@TestPropertySource(properties = "spa-auth.signup.email-verification=required")
class EmailVerificationIntegrationTests extends AccountProtectionSupport {

	private static final Pattern LINK = Pattern.compile("http://localhost:5173/#/verify-email\\?token=([A-Za-z0-9_-]{43})");

	@Test
	void aSignUpMailsALinkAndLogsInOnlyOnceTheLinkIsFollowed() {
		String username = uniqueUsername();
		String email = username + "@example.com";

		Response signup = this.browser.signup(username, email, PASSWORD);

		assertThat(signup.status()).as(signup.body()).isEqualTo(201);
		assertThat(signup.json().toString()).isEqualTo("{\"verificationRequired\":true,\"email\":\"" + email + "\"}");
		assertThat(this.browser.authenticated()).isFalse();
		String token = linkToken(mailTo(email, "Confirm your email address"));
		assertProblem(new ApiClient(this.port).login(username, "not the password 1234"), 400, "invalid_credentials");
		Response refused = new ApiClient(this.port).login(username, PASSWORD);
		assertProblem(refused, 403, "email_not_verified");
		assertThat(refused.header("Set-Cookie")).as("no session for a refused log-in").isEmpty();

		Response verified = this.browser.post("/api/auth/email-verification")
			.csrf(this.browser.csrf())
			.json(Map.of("token", token))
			.send();
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		ApiClient other = new ApiClient(this.port);
		assertProblem(other.post("/api/auth/email-verification").csrf(other.csrf()).json(Map.of("token", token)).send(), 400,
				"invalid_token");
		Response login = this.browser.login(username, PASSWORD);
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		assertThat(login.json().get("user").get("emailVerified").asBoolean()).isTrue();
		assertThat(this.browser.get("/api/auth/session").send().json().get("user").get("emailVerified").asBoolean()).isTrue();
	}

	@Test
	void followingTheLinkAnswersTheUsernameAndSignsNobodyIn() {
		String username = uniqueUsername();
		this.browser.signup(username, username + "@example.com", PASSWORD);
		String token = linkToken(mailTo(username + "@example.com", "Confirm your email address"));

		ApiClient phone = new ApiClient(this.port);
		Response verified = phone.post("/api/auth/email-verification").csrf(phone.csrf()).json(Map.of("token", token)).send();

		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		assertThat(verified.json().get("username").asString()).isEqualTo(username);
		assertThat(verified.json().get("user").isNull()).isTrue();
		assertThat(phone.authenticated()).isFalse();
		assertProblem(phone.post("/api/auth/email-verification").csrf(phone.csrf()).json(Map.of("token", token)).send(),
				400, "invalid_token");
	}

	@Test
	void aNewLinkCanBeAskedForAndTheAnswerTellsNothingAboutTheAddress() {
		String username = uniqueUsername();
		String email = username + "@example.com";
		this.browser.signup(username, email, PASSWORD);
		String first = linkToken(mailTo(email, "Confirm your email address"));

		Response known = resend(email);
		Response unknown = resend("nobody-" + username + "@example.com");

		assertThat(known.status()).isEqualTo(202);
		assertThat(unknown.status()).isEqualTo(202);
		assertThat(known.body()).isEqualTo(unknown.body());
		await().until(() -> mailsTo(email).size() == 2);
		String second = linkToken(mailsTo(email).get(1));
		assertThat(second).isNotEqualTo(first);
		ApiClient client = new ApiClient(this.port);
		assertProblem(client.post("/api/auth/email-verification").csrf(client.csrf()).json(Map.of("token", first)).send(),
				400, "invalid_token");
		assertThat(client.post("/api/auth/email-verification").csrf(client.csrf()).json(Map.of("token", second)).send().status())
			.isEqualTo(200);
		assertThat(resend(email).status()).as("verified: the same answer, and no mail").isEqualTo(202);
		assertThat(mailsTo(email)).hasSize(2);
	}

	@Test
	void aPasswordResetLinkProvesTheAddressToo() {
		String username = uniqueUsername();
		String email = username + "@example.com";
		this.browser.signup(username, email, PASSWORD);
		this.browser.post("/api/auth/password-reset").csrf(this.browser.csrf()).json(Map.of("email", email)).send();
		String reset = tokenIn(mailTo(email, "Reset your password"));

		Response confirmed = this.browser.post("/api/auth/password-reset/confirm")
			.csrf(this.browser.csrf())
			.json(Map.of("token", reset, "newPassword", PASSWORD + " again"))
			.send();

		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
		assertThat(this.browser.login(username, PASSWORD + " again").status()).isEqualTo(200);
	}

	private Response resend(String email) {
		ApiClient client = new ApiClient(this.port);
		return client.post("/api/auth/email-verification/resend").csrf(client.csrf()).json(Map.of("email", email)).send();
	}

	private static String linkToken(Message message) {
		Matcher matcher = LINK.matcher(textOf(message));
		assertThat(matcher.find()).as(textOf(message)).isTrue();
		return matcher.group(1);
	}

}
