package dev.spaauth.deployment;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trusted-origin check in a same-origin deployment: only pages of the API's own origin may make
 * unsafe requests, even with a valid session and CSRF token.
 */
class OriginCheckIntegrationTests extends IntegrationTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "https://attacker.example", "null", "https://localhost:{port}", "http://localhost:{port+1}",
			"https://[", "http://evil.localhost:{port}" })
	void unsafeRequestWithValidTokenFromUntrustedOriginsThenOriginForbidden(String origin) {
		String token = signedUpToken(this.browser);
		Response response = post(token).header("Origin", withPort(origin)).send();
		assertOriginForbidden(response, withPort(origin));
		assertThat(this.browser.authenticated()).isTrue();
	}

	@Test
	void unsafeRequestWithValidTokenFromOwnOriginThenAllowed() {
		String token = signedUpToken(this.browser);

		assertThat(post(token).header("Origin", "http://localhost:" + this.port).send().status()).isEqualTo(200);
	}

	/**
	 * Regression: the Origin and the Referer's origin were normalised before the comparison, so these
	 * spellings of the API's own origin, which no browser sends, passed.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "HTTP://LOCALHOST:{port}", "http://LOCALHOST:{port}", "http://localhost:{port}/",
			"http://localhost:0{port}" })
	void ownOriginSpelledOtherwiseThanBrowsersSendItThenOriginForbidden(String spelling) {
		String token = signedUpToken(this.browser);

		assertOriginForbidden(post(token).header("Origin", withPort(spelling)).send(), withPort(spelling));
		if (!spelling.endsWith("/")) {
			// In a Referer the "/" starts the path: only the scheme and authority are the origin.
			assertOriginForbidden(post(token).header("Referer", withPort(spelling) + "/x").send(), withPort(spelling));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://attacker.example/x", "https://localhost:{port}/", "", "https://", "//localhost/",
			"http://évil.example/" })
	void withoutOriginTheRefererDecides(String referer) {
		String token = signedUpToken(this.browser);

		assertThat(post(token).header("Referer", "http://localhost:" + this.port + "/notes?x=1").send().status())
			.isEqualTo(200);
		assertOriginForbidden(post(token).header("Referer", withPort(referer)).send(), withPort(referer));
	}

	@Test
	void crossSiteOrSameSiteFetchMetadataWithoutOriginOrRefererThenForbidden() {
		String token = signedUpToken(this.browser);

		assertOriginForbidden(post(token).header("Sec-Fetch-Site", "cross-site").send(), "Sec-Fetch-Site");
		// A sibling subdomain is same-site: it gets the Lax cookies, so it must say which origin it is.
		assertOriginForbidden(post(token).header("Sec-Fetch-Site", "same-site").send(), "Sec-Fetch-Site");
		assertThat(post(token).header("Sec-Fetch-Site", "same-origin").send().status()).isEqualTo(200);
		assertThat(post(token).header("Sec-Fetch-Site", "none").send().status()).isEqualTo(200);
	}

	@Test
	void forwardedHeadersAreIgnoredUnlessConfigured() {
		// Without server.forward-headers-strategy a client cannot make its own origin look trusted.
		String token = signedUpToken(this.browser);

		Response response = post(token).header("Origin", "https://attacker.example")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "attacker.example")
			.header("X-Forwarded-Port", "443")
			.send();

		assertOriginForbidden(response, "forwarded headers");
	}

	@Test
	void twoOriginHeadersThenForbidden() {
		String token = signedUpToken(this.browser);

		Response response = post(token).header("Origin", "http://localhost:" + this.port)
			.header("Origin", "https://attacker.example")
			.send();

		assertOriginForbidden(response, "two Origin headers");
	}

	@Test
	void missingBrowserHeadersNeverReplaceTheToken() {
		String token = signedUpToken(this.browser);

		assertThat(post(token).send().status()).isEqualTo(200);
		Response noToken = this.browser.post("/api/things").json(Map.of()).send();
		assertThat(noToken.status()).isEqualTo(403);
		assertThat(noToken.json().get("code").asString()).isEqualTo("csrf_failed");
	}

	@Test
	void loginFromUntrustedOriginWithValidAnonymousTokenThenForbiddenAndNoSession() {
		// Login CSRF: the victim's own pre-session token, replayed from an attacker's page.
		String username = signedUp(new ApiClient(this.port));
		String token = this.browser.csrf();

		Response response = this.browser.post("/api/auth/login")
			.csrf(token)
			.header("Origin", "https://attacker.example")
			.json(Map.of("username", username, "password", PASSWORD))
			.send();

		assertOriginForbidden(response, "login");
		assertThat(response.setCookie("__Host-SESSION")).isEmpty();
		assertThat(this.browser.authenticated()).isFalse();
	}

	@Test
	void safeRequestsFromAnyOriginAreNotRefusedButGetNoCorsHeaders() {
		signedUp(this.browser);

		Response response = this.browser.get("/api/things").header("Origin", "https://attacker.example").send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
		assertThat(response.header("Access-Control-Allow-Credentials")).isEmpty();
	}

	/** Puts this server's port, or the one after it, into a value written with {@code {port}} or {@code {port+1}}. */
	private String withPort(String value) {
		return value.replace("{port+1}", Integer.toString(this.port + 1)).replace("{port}", Integer.toString(this.port));
	}

	private ApiClient.Request post(String token) {
		return this.browser.post("/api/things").csrf(token).json(Map.of("a", 1));
	}

	private static void assertOriginForbidden(Response response, String what) {
		assertThat(response.status()).as(what).isEqualTo(403);
		assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).as(what).isEqualTo("origin_forbidden");
	}

}
