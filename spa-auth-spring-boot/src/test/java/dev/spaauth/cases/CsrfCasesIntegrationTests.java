package dev.spaauth.cases;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;
import dev.spaauth.testapp.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSRF cases of {@code cases/attack-cases.md} (SEC-01, SEC-03, SEC-04, SEC-07, SEC-16, SEC-61) and
 * {@code cases/field-reports.md} (BUG-01, BUG-04, BUG-13) that no other test covered. Contract
 * mapping: log-out answers 200 with a token (not 204); the CSRF cookie is {@code XSRF-TOKEN}, not
 * {@code __Host-XSRF-TOKEN}.
 */
class CsrfCasesIntegrationTests extends IntegrationTestSupport {

	private static final String SESSION = "__Host-SESSION";

	@Test
	void unsafeRequestWhenTokenFromAnEarlierLoggedOutSessionOfTheSameUserThenForbidden() {
		// SEC-01 (c): a token of a session that has ended is dead, even for the same user.
		String username = signedUp(this.browser);
		String earlierToken = this.browser.csrf();
		String fresh = this.browser.post("/api/auth/logout").csrf(earlierToken).send().json().get("csrfToken").asString();
		this.browser.post("/api/auth/login")
			.csrf(fresh)
			.json(Map.of("username", username, "password", PASSWORD))
			.send();
		String session = this.browser.cookies().get(SESSION);

		Response response = this.browser.post("/api/things").csrf(earlierToken).json(Map.of("a", 1)).send();

		assertCsrfFailed(response);
		assertThat(response.setCookie(SESSION)).isEmpty();
		assertThat(this.browser.cookies().get(SESSION)).isEqualTo(session);
		assertThat(this.browser.authenticated()).isTrue();
	}

	static Stream<Arguments> wellFormedButWrongTokens() {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		byte[] random = new byte[32];
		new java.security.SecureRandom().nextBytes(random);
		return Stream.of(tokenCase("16 zero bytes", (token) -> base64.encodeToString(new byte[16])),
				tokenCase("48 zero bytes", (token) -> base64.encodeToString(new byte[48])),
				tokenCase("32 zero bytes", (token) -> base64.encodeToString(new byte[32])),
				tokenCase("32 random bytes", (token) -> base64.encodeToString(random)),
				tokenCase("padded token", (token) -> token + "="),
				tokenCase("token without its first character", (token) -> token.substring(1)),
				tokenCase("token with a character more", (token) -> token + "A"),
				tokenCase("token in standard Base64",
						(token) -> Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(token))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wellFormedButWrongTokens")
	void unsafeRequestWhenTokenIsWellFormedBase64OfTheWrongLengthOrTheRightLengthButUnsignedThenForbidden(String name,
			UnaryOperator<String> fromToken) {
		// SEC-03: Base64 decoding to fewer or more bytes than a token, all-zero bytes, a padded
		// token, and 32 random bytes that carry no valid signature.
		signedUp(this.browser);
		String value = fromToken.apply(this.browser.csrf());
		Response response = this.browser.post("/api/things").csrf(value).json(Map.of("a", 1)).send();
		assertThat(response.status()).as(value).isEqualTo(403);
		assertThat(response.json().get("code").asString()).as(value).isEqualTo("csrf_failed");
		assertThat(this.browser.authenticated()).isTrue();
	}

	static Stream<Arguments> tokensWithRawBytes() {
		return Stream.of(tokenCase("NUL after the token", (token) -> token + "\u0000"),
				tokenCase("NUL before the token", (token) -> "\u0000" + token),
				tokenCase("carriage return after the token", (token) -> token + "\r"),
				tokenCase("raw UTF-8 before the token", (token) -> "é" + token),
				tokenCase("control character inside the token",
						(token) -> token.substring(0, 20) + "\u0001" + token.substring(21)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tokensWithRawBytes")
	void unsafeRequestWhenTokenHeaderCarriesNulCarriageReturnOrRawUtf8BytesThenRefusedAsAProblemNeverServerError(
			String name, UnaryOperator<String> fromToken) {
		// SEC-03: bytes java.net.http refuses to send. Tomcat or the firewall may refuse them (400
		// malformed_request) before the CSRF check (403); either way a problem, never a 500. (Trailing
		// spaces are not tested: HTTP strips them from every field value, RFC 9110 section 5.5.)
		signedUp(this.browser);
		String value = fromToken.apply(this.browser.csrf());
		String cookies = "Cookie: " + SESSION + "=" + this.browser.cookies().get(SESSION);
		RawHttp.Response response = RawHttp.send(this.port,
				RawHttp.bytes("POST /api/things HTTP/1.1\r\n", cookies, "\r\nX-XSRF-TOKEN: ", value,
						"\r\nContent-Type: application/json"),
				RawHttp.bytes("{\"a\":1}"));
		assertThat(response.status()).as(printable(value)).isIn(400, 403);
		assertThat(response.headers()).as(printable(value)).contains("content-type: application/problem+json");
		assertThat(response.body()).as(printable(value)).containsAnyOf("csrf_failed", "malformed_request");
		assertThat(this.browser.authenticated()).isTrue();
	}

	@Test
	void unsafeRequestWhenValidTokenOnlyInFormFieldJsonFieldOrCookieThenForbidden() {
		// SEC-04 (b), (c), (d): the header is the only channel the token is read from.
		String token = signedUpToken(this.browser);

		Response formField = this.browser.post("/api/things")
			.body("application/x-www-form-urlencoded", "_csrf=" + token + "&a=1")
			.send();
		Response jsonField = this.browser.post("/api/things").json(Map.of("_csrf", token, "a", 1)).send();
		Response cookieOnly = this.browser.post("/api/things").json(Map.of("a", 1)).send();

		assertThat(formField.status()).isIn(403, 415);
		assertCsrfFailed(jsonField);
		assertThat(this.browser.cookies().get("XSRF-TOKEN")).isEqualTo(token);
		assertCsrfFailed(cookieOnly);
		assertThat(this.browser.authenticated()).isTrue();
	}

	@Test
	void unsafeRequestWhenWrongHeaderAndCorrectParameterThenForbidden() {
		// SEC-04 (e): a correct token in the query string does not rescue a wrong header.
		String token = signedUpToken(this.browser);

		Response response = this.browser.post("/api/things?_csrf=" + token).csrf("wrong").json(Map.of("a", 1)).send();

		assertCsrfFailed(response);
	}

	@Test
	void tokenHeaderSentTwiceInEitherOrderThenForbidden() {
		// SEC-61: one valid and one invalid X-XSRF-TOKEN, both orders; also the valid one twice.
		String token = signedUpToken(this.browser);

		Response invalidFirst = this.browser.post("/api/things")
			.csrf("invalid")
			.csrf(token)
			.json(Map.of("a", 1))
			.send();
		Response validTwice = this.browser.post("/api/things").csrf(token).csrf(token).json(Map.of("a", 1)).send();

		assertCsrfFailed(invalidFirst);
		assertCsrfFailed(validTwice);
	}

	@Test
	void signupWithoutTokenThenForbiddenAndNoAccountOrSession() {
		// SEC-07: sign-up is CSRF-protected like log-in.
		String username = uniqueUsername();
		long sessions = sessionCount();

		Response response = this.browser.post("/api/auth/signup")
			.json(Map.of("username", username, "email", username + "@example.com", "password", PASSWORD))
			.send();

		assertCsrfFailed(response);
		assertThat(response.setCookie(SESSION)).isEmpty();
		assertThat(sessionCount()).isEqualTo(sessions);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.users WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void logoutWithoutTokenOrFromAForeignOriginThenForbiddenAndSessionStillValid() {
		// SEC-07: a forged log-out (no token, or a valid token from another origin) changes nothing.
		String token = signedUpToken(this.browser);
		String session = this.browser.cookies().get(SESSION);

		Response noToken = this.browser.post("/api/auth/logout").send();
		Response foreignOrigin = this.browser.post("/api/auth/logout")
			.csrf(token)
			.header("Origin", "https://attacker.example")
			.send();

		assertCsrfFailed(noToken);
		assertThat(foreignOrigin.status()).isEqualTo(403);
		assertThat(foreignOrigin.json().get("code").asString()).isEqualTo("origin_forbidden");
		for (Response response : new Response[] { noToken, foreignOrigin }) {
			assertThat(response.setCookie(SESSION)).isEmpty();
			assertThat(response.setCookie("XSRF-TOKEN")).isEmpty();
		}
		assertThat(sessionStored(session)).isTrue();
		assertThat(this.browser.authenticated()).isTrue();
		assertThat(this.browser.post("/api/things").csrf(token).json(Map.of()).send().status()).isEqualTo(200);
	}

	@Test
	void primingWhenAuthenticatedFromTwoTabsInParallelThenEveryAnswerIsTheSessionTokenAndValid() throws Exception {
		// SEC-16: three calls from each of two parallel request streams on one session; none
		// authenticates, rotates the session or invalidates another tab's token.
		String sessionToken = signedUpToken(this.browser);
		String session = this.browser.cookies().get(SESSION);
		List<CompletableFuture<Response>> calls = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			calls.add(CompletableFuture.supplyAsync(() -> {
				ApiClient client = tab(session, sessionToken);
				client.get("/api/auth/csrf").send();
				client.get("/api/auth/csrf").send();
				return client.get("/api/auth/csrf").send();
			}));
		}

		for (CompletableFuture<Response> call : calls) {
			Response response = call.get();
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
			assertThat(response.json().propertyNames()).containsExactlyInAnyOrder("csrfToken", "headerName");
			assertThat(response.json().get("csrfToken").asString()).isEqualTo(sessionToken);
			assertThat(response.setCookie("XSRF-TOKEN").orElseThrow().value()).isEqualTo(sessionToken);
			assertThat(response.setCookie(SESSION)).isEmpty();
			assertThat(response.header("Cache-Control").orElseThrow()).contains("no-store");
		}
		assertThat(sessionToken).isNotEqualTo(session)
			.isNotEqualTo(new String(Base64.getDecoder().decode(session)));
		assertThat(this.browser.post("/api/things").csrf(sessionToken).json(Map.of()).send().status()).isEqualTo(200);
	}

	@Test
	void primingWhenAnonymousDoesNotAuthenticateAndDoesNotTouchAnotherClientsSession() {
		// SEC-16: priming is read-only for everyone else.
		ApiClient other = new ApiClient(this.port);
		signedUp(other);
		String othersSession = other.cookies().get(SESSION);

		this.browser.csrf();
		this.browser.csrf();

		assertThat(this.browser.authenticated()).isFalse();
		assertThat(this.browser.get("/api/things").send().status()).isEqualTo(401);
		assertThat(sessionStored(othersSession)).isTrue();
		assertThat(other.authenticated()).isTrue();
	}

	@Test
	void loginWithCookieValueWithJsonTokenAndWithASecondPrimedTokenThenEachPassesAndGarbageIsForbidden() {
		// BUG-01: every form of the token the server gives out is accepted back in the header, and a
		// truncated or garbage token is a 403 problem with no state change (never 401 or 500).
		String username = signedUp(new ApiClient(this.port));

		ApiClient cookieClient = new ApiClient(this.port);
		Response primed = cookieClient.get("/api/auth/csrf").send();
		String cookieToken = primed.setCookie("XSRF-TOKEN").orElseThrow().value();
		ApiClient jsonClient = new ApiClient(this.port);
		String jsonToken = jsonClient.csrf();
		ApiClient secondCallClient = new ApiClient(this.port);
		secondCallClient.csrf();
		String secondToken = secondCallClient.csrf();
		ApiClient garbageClient = new ApiClient(this.port);
		garbageClient.csrf();

		assertThat(login(cookieClient, cookieToken, username).status()).isEqualTo(200);
		assertThat(login(jsonClient, jsonToken, username).status()).isEqualTo(200);
		assertThat(login(secondCallClient, secondToken, username).status()).isEqualTo(200);
		for (String garbage : new String[] { "abc", jsonToken.substring(0, 20) }) {
			Response response = login(garbageClient, garbage, username);
			assertCsrfFailed(response);
			assertThat(response.setCookie(SESSION)).isEmpty();
		}
		assertThat(garbageClient.authenticated()).isFalse();
	}

	@Test
	void loginWhenTokenOfTheSessionJustLoggedOutThenForbiddenAndTheLogoutTokenWorksWithoutReload() {
		// BUG-04 (a): the logged-out session's token T1 is dead; the token T2 from the log-out
		// response logs in again at once.
		String username = signedUp(this.browser);
		String t1 = this.browser.csrf();
		Response logout = this.browser.post("/api/auth/logout").csrf(t1).send();
		String t2 = logout.json().get("csrfToken").asString();

		Response withT1 = login(this.browser, t1, username);
		Response withT2 = login(this.browser, t2, username);

		assertThat(t2).isNotEqualTo(t1);
		assertCsrfFailed(withT1);
		assertThat(withT1.setCookie(SESSION)).isEmpty();
		assertThat(withT2.status()).isEqualTo(200);
	}

	@Test
	void loginWithoutTokenFromAForeignOriginThenForbiddenAndNoSession() {
		// BUG-13: no token and Origin https://evil.test (the no-Origin variant is
		// CsrfIntegrationTests#loginWhenNoTokenThenForbiddenCsrfProblemAndNoSession).
		String username = signedUp(new ApiClient(this.port));
		long sessions = sessionCount();

		Response response = this.browser.post("/api/auth/login")
			.header("Origin", "https://evil.test")
			.json(Map.of("username", username, "password", PASSWORD))
			.send();

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("code").asString()).isIn("origin_forbidden", "csrf_failed");
		assertThat(response.setCookies()).isEmpty();
		assertThat(sessionCount()).isEqualTo(sessions);
		assertThat(this.browser.authenticated()).isFalse();
	}

	private ApiClient tab(String session, String csrfToken) {
		ApiClient client = new ApiClient(this.port);
		client.cookies().put(SESSION, session);
		client.cookies().put("XSRF-TOKEN", csrfToken);
		return client;
	}

	private static Response login(ApiClient client, String token, String username) {
		return client.post("/api/auth/login")
			.csrf(token)
			.json(Map.of("username", username, "password", PASSWORD))
			.send();
	}

	/** A value derived from the client's valid token, with a name for the report. */
	private static Arguments tokenCase(String name, UnaryOperator<String> fromToken) {
		return Arguments.of(name, fromToken);
	}

	private static String printable(String value) {
		return value.chars()
			.mapToObj((c) -> (c < 0x20) ? String.format("\\u%04x", c) : String.valueOf((char) c))
			.reduce("", String::concat);
	}

}
