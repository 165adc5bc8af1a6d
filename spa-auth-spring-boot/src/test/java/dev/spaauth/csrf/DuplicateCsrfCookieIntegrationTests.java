package dev.spaauth.csrf;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of issue 15 (Partitioned cookies). A Chromium profile that kept the unpartitioned
 * {@code XSRF-TOKEN} of a cross-site deployment from before {@code Partitioned} was turned on (a
 * session cookie, kept as long as the browser session, or longer with "continue where you left off")
 * gets a partitioned copy at its next priming: the cookie jar keys cookies by partition too, so the
 * browser now holds two cookies of that name and sends both, with the same value. Such a request did
 * bring the API's cookies. Reporting it as {@code missingCookies: none} makes the client throw
 * {@code CookiesBlockedError} and skip its retry, and no retry would help: the user cannot log in
 * until the old cookie goes. These tests fail until duplicates are told apart from "no cookie".
 */
class DuplicateCsrfCookieIntegrationTests extends IntegrationTestSupport {

	@Test
	void loginWhenTheCsrfCookieComesTwiceWithOneValueThenNotRefusedAsNoCookies() {
		String token = this.browser.csrf();

		Response response = this.browser.post("/api/auth/login")
			.withoutCookies()
			.header("Cookie", "XSRF-TOKEN=" + token + "; XSRF-TOKEN=" + token)
			.csrf(token)
			.json(Map.of("username", "someone", "password", PASSWORD))
			.send();

		assertThat(response.json().has("missingCookies")).as(response.body()).isFalse();
	}

	/**
	 * A request that brought a session cookie (of a session that ended) but no CSRF cookie is answered
	 * {@code missingCookies: none}, "the browser sent none of the API's cookies", although it sent one:
	 * {@code isTokenWithoutCookies} looks at the live session, not at the cookie, unlike
	 * {@code GET /session}, which says {@code session_not_found} for the same cookies.
	 */
	@Test
	void loginWhenAStaleSessionCookieCameButNoCsrfCookieThenNotReportedAsNone() {
		String token = this.browser.csrf();
		String unknownId = java.util.Base64.getEncoder()
			.encodeToString(java.util.UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));

		Response response = this.browser.post("/api/auth/login")
			.withoutCookies()
			.header("Cookie", "__Host-SESSION=" + unknownId)
			.csrf(token)
			.json(Map.of("username", "someone", "password", PASSWORD))
			.send();

		assertThat(response.json().path("missingCookies").asString("")).as(response.body()).isNotEqualTo("none");
	}

	@Test
	void sessionWhenTheCsrfCookieComesTwiceThenNotReportedAsNone() {
		String token = this.browser.csrf();

		Response session = this.browser.get("/api/auth/session")
			.withoutCookies()
			.header("Cookie", "XSRF-TOKEN=" + token + "; XSRF-TOKEN=" + token)
			.send();

		assertThat(session.json().get("missingCookies").asString()).as(session.body()).isNotEqualTo("none");
	}

}
