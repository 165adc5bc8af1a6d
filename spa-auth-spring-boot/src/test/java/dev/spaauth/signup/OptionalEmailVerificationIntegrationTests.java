package dev.spaauth.signup;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import dev.spaauth.account.AccountProtectionSupport;
import dev.spaauth.testapp.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spa-auth.signup.email-verification=optional}: the sign-up signs in at once with
 * {@code emailVerified: false} and mails the link; following it in the same browser turns the
 * session's user verified at once. ({@code off}, the shared test context's, mails nothing.)
 */
@TestPropertySource(properties = "spa-auth.signup.email-verification=optional")
class OptionalEmailVerificationIntegrationTests extends AccountProtectionSupport {

	private static final Pattern TOKEN = Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]{43})");

	@Test
	void theAccountWorksAtOnceAndTheLinkMarksItVerifiedInThisSession() {
		String username = uniqueUsername();
		String email = username + "@example.com";

		Response signup = this.browser.signup(username, email, PASSWORD);

		assertThat(signup.status()).as(signup.body()).isEqualTo(201);
		assertThat(signup.json().get("user").get("emailVerified").asBoolean()).isFalse();
		assertThat(this.browser.authenticated()).isTrue();
		Matcher token = TOKEN.matcher(textOf(mailTo(email, "Confirm your email address")));
		assertThat(token.find()).isTrue();
		assertThat(mailsTo(email)).hasSize(1);

		Response verified = this.browser.post("/api/auth/email-verification")
			.csrf(signup.json().get("csrfToken").asString())
			.json(Map.of("token", token.group(1)))
			.send();

		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		assertThat(verified.json().get("user").get("emailVerified").asBoolean()).isTrue();
		assertThat(this.browser.get("/api/auth/session").send().json().get("user").get("emailVerified").asBoolean())
			.isTrue();
	}

}
