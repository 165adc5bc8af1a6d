package dev.spaauth.cases;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP method cases of {@code cases/attack-cases.md}: safe methods never change state and method
 * override is ignored (SEC-05); lowercase, unknown and TRACE methods never reach a handler (SEC-06).
 * The state-changing route built today is log-out; the session-revocation, email, password and
 * account routes of SEC-05 are not built yet.
 */
class MethodCasesIntegrationTests extends IntegrationTestSupport {

	private static final String[] OVERRIDE_HEADERS = { "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override" };

	static Stream<String> overrideHeaders() {
		return Stream.of(OVERRIDE_HEADERS);
	}

	@Test
	void logoutWhenGetOrHeadThenMethodNotAllowedAndSessionStillValid() {
		// SEC-05: GET and HEAD on log-out, also with _method and override headers asking for POST.
		signedUpToken(this.browser);
		String session = this.browser.cookies().get("__Host-SESSION");

		Response get = this.browser.get("/api/auth/logout").send();
		Response head = this.browser.method("HEAD", "/api/auth/logout").send();
		Response getWithParameter = this.browser.get("/api/auth/logout?_method=POST").send();
		for (Response response : new Response[] { get, head, getWithParameter }) {
			assertThat(response.status()).isEqualTo(405);
			assertThat(response.header("Allow").orElseThrow()).contains("POST");
			assertThat(response.setCookie("__Host-SESSION")).isEmpty();
		}
		assertThat(get.json().get("code").asString()).isEqualTo("method_not_allowed");
		for (String header : OVERRIDE_HEADERS) {
			Response response = this.browser.get("/api/auth/logout").header(header, "POST").send();
			assertThat(response.status()).as(header).isEqualTo(405);
		}

		assertThat(sessionStored(session)).isTrue();
		assertThat(this.browser.authenticated()).isTrue();
	}

	static Stream<Arguments> overrideHeadersAndMethods() {
		return Stream.of(OVERRIDE_HEADERS)
			.flatMap((header) -> Stream.of("DELETE", "PUT").map((method) -> Arguments.of(header, method)));
	}

	@ParameterizedTest
	@MethodSource("overrideHeadersAndMethods")
	void postWithMethodOverrideHeaderOrParameterThenHandledAsTheLiteralPost(String header, String method) {
		// SEC-05: an override to GET does not skip the CSRF check, and an override to DELETE or
		// PUT does not reach another handler: POST /api/things answers as POST.
		String token = signedUpToken(this.browser);
		assertCsrfFailed(this.browser.post("/api/things").header(header, "GET").json(Map.of("a", 1)).send());
		Response response = this.browser.post("/api/things")
			.csrf(token)
			.header(header, method)
			.json(Map.of("a", 1))
			.send();
		assertThat(response.status()).as(header + ": " + method).isEqualTo(200);
		assertThat(response.json().get("received").get("a").asInt()).isEqualTo(1);
		assertThat(this.browser.post("/api/things?_method=DELETE").csrf(token).json(Map.of("a", 1)).send().status())
			.isEqualTo(200);
	}

	@ParameterizedTest
	@MethodSource("overrideHeaders")
	void postToAGetOnlyEndpointWithOverrideToGetThenMethodNotAllowed(String header) {
		// SEC-05: with a valid token the override still does not turn a POST into the GET it names.
		String token = signedUpToken(this.browser);
		Response response = this.browser.post("/api/auth/session").csrf(token).header(header, "GET").send();
		assertThat(response.status()).as(header).isEqualTo(405);
		assertThat(response.header("Allow").orElseThrow()).as(header).contains("GET");
		Response form = this.browser.post("/api/auth/session")
			.csrf(token)
			.body("application/x-www-form-urlencoded", "_method=GET")
			.send();
		assertThat(form.status()).isEqualTo(405);
	}

	@Test
	void getWithMethodParameterThenHandledAsGetAndNothingCreatedOrLoggedOut() {
		// SEC-05: GET ?_method=POST reads; GET ?_method=DELETE on log-out does not log out.
		signedUpToken(this.browser);

		Response read = this.browser.get("/api/things?_method=POST").send();

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().has("received")).isFalse();
		assertThat(this.browser.get("/api/auth/logout?_method=DELETE").send().status()).isEqualTo(405);
		assertThat(this.browser.authenticated()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "post", "delete", "Post", "PROPFIND", "FOO" })
	void lowercaseAndExtensionMethodsWithValidSessionAndTokenThenRefusedAsProblemWithoutReachingAHandler(
			String method) {
		// SEC-06: the firewall allows the seven standard methods only, case-sensitively.
		String token = signedUpToken(this.browser);
		Response response = this.browser.method(method, "/api/things").csrf(token).json(Map.of("a", 1)).send();
		assertThat(response.status()).as(method).isIn(400, 405);
		assertThat(response.header("Content-Type").orElseThrow()).as(method).startsWith("application/problem+json");
		assertThat(response.header("X-Content-Type-Options")).as(method).hasValue("nosniff");
		assertThat(response.body()).as(method).doesNotContain("received").doesNotContain("owner");
		Response logout = this.browser.method("post", "/api/auth/logout").csrf(token).send();
		assertThat(logout.status()).isIn(400, 405);
		assertThat(this.browser.authenticated()).isTrue();
	}

	@Test
	void traceWithSessionCookieAndTokenThenRefusedWithoutEchoingHeadersOrCookies() {
		// SEC-06: TRACE never echoes the request (BadInputIntegrationTests covers a custom header).
		String token = signedUpToken(this.browser);
		String session = this.browser.cookies().get("__Host-SESSION");

		Response response = this.browser.method("TRACE", "/api/things").csrf(token).send();

		assertThat(response.status()).isIn(400, 405);
		assertThat(response.body()).doesNotContain(session).doesNotContain(token);
		assertThat(response.headers("Content-Type")).noneMatch((type) -> type.startsWith("message/http"));
	}

	@Test
	void traceThenMethodNotAllowedListingThePathsOwnMethodsWithTheSecurityHeaders() {
		// Tomcat refuses TRACE before any servlet, listing the servlet's methods; Allow names the path's.
		Response things = this.browser.method("TRACE", "/api/things").send();
		Response csrf = this.browser.method("TRACE", "/api/auth/csrf").send();
		Response page = this.browser.method("TRACE", "/index.html").send();

		assertThat(things.status()).isEqualTo(405);
		assertThat(things.json().get("code").asString()).isEqualTo("method_not_allowed");
		assertThat(things.header("Allow")).hasValue("GET, HEAD, POST, OPTIONS");
		assertThat(csrf.header("Allow")).hasValue("GET, HEAD, OPTIONS");
		assertThat(page.header("Allow")).hasValue("GET, HEAD, OPTIONS");
		for (Response response : new Response[] { things, csrf, page }) {
			assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.header("X-Frame-Options")).hasValue("DENY");
			assertThat(response.header("Content-Security-Policy")).isPresent();
		}
	}

}
