package dev.spaauth.csrf;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.ApiClient.SetCookie;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfIntegrationTests extends IntegrationTestSupport {

	@Test
	void primingWhenAnonymousThenAnswersTokenAndHeaderNameAndSetsReadableCookie() {
		Response response = this.browser.get("/api/auth/csrf").send();

		assertThat(response.status()).isEqualTo(200);
		String token = response.json().get("csrfToken").asString();
		assertThat(token).hasSize(43);
		assertThat(response.json().get("headerName").asString()).isEqualTo("X-XSRF-TOKEN");
		SetCookie cookie = response.setCookie("XSRF-TOKEN").orElseThrow();
		assertThat(cookie.value()).isEqualTo(token);
		assertThat(cookie.has("HttpOnly")).isFalse();
		assertThat(cookie.has("Secure")).isTrue();
		assertThat(cookie.attribute("Path")).isEqualTo("/");
		assertThat(cookie.attribute("SameSite")).isEqualTo("Lax");
		assertThat(cookie.has("Domain")).isFalse();
		assertThat(response.header("Cache-Control").orElseThrow()).contains("no-store");
	}

	@Test
	void primingWhenAnonymousThenCreatesNoSession() {
		long before = sessionCount();

		Response response = this.browser.get("/api/auth/csrf").send();

		assertThat(response.setCookie("__Host-SESSION")).isEmpty();
		assertThat(sessionCount()).isEqualTo(before);
	}

	@Test
	void primingTwiceThenSameTokenSoTabsDoNotInvalidateEachOther() {
		String first = this.browser.csrf();
		String second = this.browser.csrf();

		assertThat(second).isEqualTo(first);
		assertThat(this.browser.post("/api/auth/logout").csrf(first).send().status()).isEqualTo(200);
	}

	@Test
	void loginWhenNoTokenThenForbiddenCsrfProblemAndNoSession() {
		signedUpUser();
		ApiClient attacker = new ApiClient(this.port);

		Response response = attacker.post("/api/auth/login")
			.json(Map.of("username", this.username, "password", PASSWORD))
			.send();

		assertCsrfProblem(response);
		assertThat(response.setCookie("__Host-SESSION")).isEmpty();
	}

	@Test
	void unsafeRequestWhenCookieAndHeaderPairMadeUpByClientThenForbidden() {
		// Cookie tossing: a sibling subdomain plants a cookie and sends the same value in the header.
		signedUpUser();
		ApiClient attacker = new ApiClient(this.port);
		attacker.cookies().put("XSRF-TOKEN", "attacker-chosen-value-attacker-chosen-value");

		Response response = attacker.post("/api/auth/login")
			.csrf("attacker-chosen-value-attacker-chosen-value")
			.json(Map.of("username", this.username, "password", PASSWORD))
			.send();

		assertCsrfProblem(response);
	}

	@Test
	void authenticatedRequestWhenTokenIssuedToAnotherSessionThenForbidden() {
		ApiClient other = new ApiClient(this.port);
		signedUp(other);
		String othersToken = other.csrf();
		signedUpUser();

		Response response = this.browser.post("/api/things").csrf(othersToken).json(Map.of("a", 1)).send();

		assertCsrfProblem(response);
	}

	@Test
	void authenticatedRequestWhenTokenPlantedAsCookieAndHeaderThenForbidden() {
		// A valid anonymous token obtained elsewhere is no good once the client has a session.
		String anonymousToken = new ApiClient(this.port).csrf();
		signedUpUser();
		this.browser.cookies().put("XSRF-TOKEN", anonymousToken);

		Response response = this.browser.post("/api/things").csrf(anonymousToken).json(Map.of("a", 1)).send();

		assertCsrfProblem(response);
	}

	@Test
	void validTokenWithoutAnyCookieThenDetailSaysTheBrowserSentNoCookies() {
		// What an SPA on another site sees when the browser blocks third-party cookies.
		String token = this.browser.csrf();
		this.browser.cookies().clear();

		Response response = this.browser.post("/api/auth/login")
			.csrf(token)
			.json(Map.of("username", "someone", "password", PASSWORD))
			.send();

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("code").asString()).isEqualTo("csrf_failed");
		assertThat(response.json().get("detail").asString()).contains("did not send the API's cookies")
			.contains("third-party cookies");
		assertThat(response.json().get("missingCookies").asString()).isEqualTo("none");
	}

	@Test
	void otherCsrfFailuresThenNoMissingCookiesProperty() {
		this.browser.csrf();

		Response response = this.browser.post("/api/auth/login")
			.json(Map.of("username", "someone", "password", PASSWORD))
			.send();

		assertThat(response.json().get("code").asString()).isEqualTo("csrf_failed");
		assertThat(response.json().has("missingCookies")).isFalse();
	}

	@Test
	void tokenFromJsonBodyIsAcceptedAsItIsInTheHeader() {
		// Trap 1: with csrf.spa() the token a controller exposes is XOR-masked and refused in the header.
		String token = signedUpUser().json().get("csrfToken").asString();
		this.browser.cookies().remove("XSRF-TOKEN");

		Response response = this.browser.post("/api/things").csrf(token).json(Map.of("a", 1)).send();

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void tokenInQueryParameterOnlyThenForbidden() {
		String token = signedUpUser().json().get("csrfToken").asString();

		Response response = this.browser.post("/api/things?_csrf=" + token).json(Map.of("a", 1)).send();

		assertCsrfProblem(response);
	}

	@Test
	void tokenHeaderSentTwiceThenForbiddenEvenIfOneIsValid() {
		String token = signedUpUser().json().get("csrfToken").asString();

		Response response = this.browser.post("/api/things")
			.csrf(token)
			.header("X-XSRF-TOKEN", "wrong")
			.json(Map.of("a", 1))
			.send();

		assertCsrfProblem(response);
	}

	static Stream<String> malformedTokenValues() {
		return Stream.of("", " ", "a", "x".repeat(16), "x".repeat(4_000), "*".repeat(64), "é",
				"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%00");
	}

	@ParameterizedTest
	@MethodSource("malformedTokenValues")
	void malformedTokenValuesThenForbiddenNeverServerError(String value) {
		signedUpUser();
		Response response = this.browser.post("/api/things").csrf(value).json(Map.of("a", 1)).send();
		assertThat(response.status()).as("token %s", value.length() > 20 ? value.length() + " chars" : value)
			.isEqualTo(403);
	}

	@Test
	void tokenLargerThanTheServersHeaderLimitThenBadRequestNeverServerError() {
		signedUpUser();

		Response response = this.browser.post("/api/things").csrf("x".repeat(10_000)).json(Map.of("a", 1)).send();

		assertThat(response.status()).isEqualTo(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
	void unsafeMethodsWithoutTokenThenForbidden(String method) {
		signedUpUser();
		Response response = this.browser.method(method, "/api/things").json(Map.of("a", 1)).send();
		assertThat(response.status()).as(method).isEqualTo(403);
	}

	@Test
	void responsesOtherThanPrimingLoginAndLogoutNeverSetTheCsrfCookie() {
		// Trap 2: csrf.spa() loads the token on every request, so every response set XSRF-TOKEN.
		Response ping = this.browser.get("/public/ping").send();
		Response status = this.browser.get("/api/auth/session").send();
		Response unauthorized = this.browser.get("/api/things").send();
		Response rejected = this.browser.post("/api/things").json(Map.of("a", 1)).send();

		assertThat(ping.setCookie("XSRF-TOKEN")).isEmpty();
		assertThat(status.setCookie("XSRF-TOKEN")).isEmpty();
		assertThat(unauthorized.setCookie("XSRF-TOKEN")).isEmpty();
		assertThat(rejected.setCookie("XSRF-TOKEN")).isEmpty();
	}

	@Test
	void csrfRejectionLeavesTheSessionValid() {
		signedUpUser();
		String sessionCookie = this.browser.cookies().get("__Host-SESSION");

		Response rejected = this.browser.post("/api/things").csrf("wrong").json(Map.of("a", 1)).send();

		assertThat(rejected.status()).isEqualTo(403);
		assertThat(rejected.setCookie("__Host-SESSION")).isEmpty();
		assertThat(this.browser.cookies().get("__Host-SESSION")).isEqualTo(sessionCookie);
		assertThat(this.browser.authenticated()).isTrue();
	}

	private String username;

	private Response signedUpUser() {
		this.username = uniqueUsername();
		Response response = this.browser.signup(this.username, this.username + "@example.com", PASSWORD);
		assertThat(response.status()).isEqualTo(201);
		return response;
	}

	static void assertCsrfProblem(Response response) {
		assertCsrfFailed(response);
		assertThat(response.json().get("detail").asString()).contains("CSRF token is missing or invalid");
	}

}
