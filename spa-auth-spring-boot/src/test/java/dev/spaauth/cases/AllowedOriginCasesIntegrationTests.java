package dev.spaauth.cases;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;
import dev.spaauth.testapp.SiblingOriginDeployment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS cases of {@code cases/attack-cases.md} (SEC-17, SEC-20, SEC-22) and
 * {@code cases/field-reports.md} (BUG-10) with the SPA on a sibling origin, that
 * {@code SiblingOriginIntegrationTests} did not cover. Both carry {@link SiblingOriginDeployment},
 * so they share one Spring context. Contract mapping: a CORS request from an origin that is not
 * allowed gets 403 {@code origin_forbidden}, whatever status the same request would get from the
 * SPA.
 */
@SiblingOriginDeployment
class AllowedOriginCasesIntegrationTests extends IntegrationTestSupport {

	private static final String SPA = "https://app.example.test";

	private static final String EVIL = "https://evil.test";

	@Test
	void preflightAndActualRequestVaryOnOriginAndRequestMethodAndHeaders() {
		// SEC-17: caches must not serve one origin's CORS answer to another.
		Response preflight = this.browser.preflight(SPA, "/api/things", "POST", "content-type, x-xsrf-token");
		String token = signedUpToken();
		Response actual = this.browser.post("/api/things").header("Origin", SPA).csrf(token).json(Map.of()).send();

		assertThat(String.join(",", preflight.headers("Vary"))).contains("Origin")
			.contains("Access-Control-Request-Method")
			.contains("Access-Control-Request-Headers");
		assertThat(actual.status()).isEqualTo(200);
		assertThat(actual.header("Access-Control-Allow-Origin")).hasValue(SPA);
		assertThat(actual.header("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(String.join(",", actual.headers("Vary"))).contains("Origin");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "CONNECT | content-type", "POST | cookie", "POST | x-http-method-override, cookie" })
	void preflightAskingForConnectOrTheCookieHeaderThenRefusedWithoutAllowHeaders(String method, String headers) {
		// SEC-20: methods and headers outside the allow lists.
		Response response = this.browser.preflight(SPA, "/api/auth/login", method, headers);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
		assertThat(response.header("Access-Control-Allow-Methods")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/things", "/api/auth/logout" })
	void bareOptionsWithOriginButNoRequestMethodIsNotAPreflightAndBypassesNothing(String path) {
		// SEC-20 and BUG-10: an OPTIONS without Access-Control-Request-Method gets no preflight
		// answer, and reaches no protected resource without a session.
		Response response = new ApiClient(this.port).method("OPTIONS", path).header("Origin", SPA).send();
		assertThat(response.status()).as(path).isLessThan(500);
		assertThat(response.header("Access-Control-Allow-Methods")).as(path).isEmpty();
		assertThat(response.body()).as(path).doesNotContain("owner");
		assertThat(response.setCookies()).as(path).isEmpty();
	}

	@Test
	void preflightForDeleteOnAPathWithoutDeleteNeverReachesAHandler() {
		// SEC-20: the allow list is one for all paths, so this preflight is answered; the DELETE it
		// announces is then refused (405) and changes nothing.
		String token = signedUpToken();

		Response delete = this.browser.method("DELETE", "/api/auth/login").header("Origin", SPA).csrf(token).send();

		assertThat(delete.status()).isEqualTo(405);
		assertThat(delete.json().get("code").asString()).isEqualTo("method_not_allowed");
		assertThat(this.browser.authenticated()).isTrue();
	}

	@Test
	void errorsFromTheAllowedOriginAreReadableAndFromAnotherOriginAreNot() {
		// SEC-22 (a) and (b): an expired session and a missing token, from the SPA and from evil.test.
		signedUpToken();
		ageSession(this.browser, Duration.ofMinutes(31));

		Response expiredFromSpa = this.browser.get("/api/things").header("Origin", SPA).send();
		Response noTokenFromSpa = this.browser.post("/api/things").header("Origin", SPA).json(Map.of()).send();
		Response expiredFromEvil = this.browser.get("/api/things").header("Origin", EVIL).send();
		Response noTokenFromEvil = this.browser.post("/api/things").header("Origin", EVIL).json(Map.of()).send();

		assertThat(expiredFromSpa.status()).isEqualTo(401);
		assertThat(noTokenFromSpa.status()).isEqualTo(403);
		for (Response response : new Response[] { expiredFromSpa, noTokenFromSpa }) {
			assertThat(response.header("Access-Control-Allow-Origin")).hasValue(SPA);
			assertThat(response.header("Access-Control-Allow-Credentials")).hasValue("true");
			assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		}
		for (Response response : new Response[] { expiredFromEvil, noTokenFromEvil }) {
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.json().get("code").asString()).isEqualTo("origin_forbidden");
			assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
			assertThat(response.header("Access-Control-Allow-Credentials")).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/auth/logout", "/api/auth/session" })
	void preflightsForLogoutAndSessionFromTheSpaSucceedWithoutCookiesOrSession(String path) {
		// BUG-10: the preflight is answered before authentication and CSRF, and creates no session.
		long sessions = sessionCount();
		Response response = this.browser.preflight(SPA, path, "POST", "content-type, x-xsrf-token");
		assertThat(response.status()).as(path).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).as(path).hasValue(SPA);
		assertThat(response.header("Access-Control-Allow-Credentials")).as(path).hasValue("true");
		assertThat(response.header("Access-Control-Allow-Methods").orElseThrow()).as(path).contains("POST");
		assertThat(response.header("Access-Control-Allow-Headers").orElseThrow().toLowerCase()).as(path)
			.contains("content-type")
			.contains("x-xsrf-token");
		assertThat(response.setCookies()).as(path).isEmpty();
		assertThat(sessionCount()).isEqualTo(sessions);
	}

	private String signedUpToken() {
		String username = uniqueUsername();
		String token = this.browser.get("/api/auth/csrf").header("Origin", SPA).send().json().get("csrfToken").asString();
		Response signup = this.browser.post("/api/auth/signup")
			.header("Origin", SPA)
			.csrf(token)
			.json(Map.of("username", username, "email", username + "@example.com", "password", PASSWORD))
			.send();
		assertThat(signup.status()).isEqualTo(201);
		return signup.json().get("csrfToken").asString();
	}

}
