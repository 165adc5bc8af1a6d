package dev.spaauth.login;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/auth/session} says which of the API's cookies an anonymous request lacks, which the
 * client reads right after a sign-in to tell a browser that drops them ({@code CookiesBlockedError})
 * from other failures.
 */
class MissingCookiesIntegrationTests extends IntegrationTestSupport {

	@Test
	void neitherCookieThenNone() {
		Response session = this.browser.get("/api/auth/session").send();

		assertThat(session.json().get("authenticated").asBoolean()).isFalse();
		assertThat(session.json().get("missingCookies").asString()).isEqualTo("none");
	}

	@Test
	void csrfCookieButNoSessionCookieThenCsrfOnly() {
		String username = signedUp(this.browser);
		this.browser.cookies().remove("__Host-SESSION");

		Response session = this.browser.get("/api/auth/session").send();

		assertThat(username).isNotBlank();
		assertThat(this.browser.cookies()).containsKey("XSRF-TOKEN");
		assertThat(session.json().get("authenticated").asBoolean()).isFalse();
		assertThat(session.json().get("missingCookies").asString()).isEqualTo("csrf_only");
	}

	@Test
	void sessionCookieOfNoLiveSessionThenSessionNotFound() {
		// As after a sign-in on one instance when another, without a shared store, answers.
		signedUp(this.browser);
		String unknownId = UUID.randomUUID().toString();
		this.browser.cookies()
			.put("__Host-SESSION", Base64.getEncoder().encodeToString(unknownId.getBytes(StandardCharsets.US_ASCII)));

		Response session = this.browser.get("/api/auth/session").send();

		assertThat(session.json().get("authenticated").asBoolean()).isFalse();
		assertThat(session.json().get("missingCookies").asString()).isEqualTo("session_not_found");
	}

	@Test
	void signedInThenNoMissingCookies() {
		signedUp(this.browser);

		Response session = this.browser.get("/api/auth/session").send();

		assertThat(session.json().get("authenticated").asBoolean()).isTrue();
		assertThat(session.json().has("missingCookies")).isFalse();
	}

}
