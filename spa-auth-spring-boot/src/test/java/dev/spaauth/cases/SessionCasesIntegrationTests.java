package dev.spaauth.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
import dev.spaauth.testapp.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cookie and session cases of {@code cases/attack-cases.md} (SEC-27, SEC-30, SEC-32, SEC-36, SEC-59)
 * and {@code cases/field-reports.md} (BUG-12) that no other test covered. Contract mapping: the
 * session status answers 200 {@code {"authenticated": false, "missingCookies": ...}} rather than 401 for no session.
 */
class SessionCasesIntegrationTests extends IntegrationTestSupport {

	private static final String SESSION = "__Host-SESSION";

	@Test
	void signupWhileHoldingASessionThenNewSessionIdAndTheOldOneDeleted() {
		// SEC-27: sign-up logs in, so it renews the session id like log-in does.
		signedUp(this.browser);
		String before = this.browser.cookies().get(SESSION);

		String second = signedUp(this.browser);

		String after = this.browser.cookies().get(SESSION);
		assertThat(after).isNotEqualTo(before);
		assertThat(sessionStored(before)).isFalse();
		assertThat(sessionStored(after)).isTrue();
		assertThat(this.browser.get("/api/auth/session").send().json().get("user").get("username").asString())
			.isEqualTo(second);
		ApiClient replay = new ApiClient(this.port);
		replay.cookies().put(SESSION, before);
		assertThat(replay.get("/api/things").send().status()).isEqualTo(401);
	}

	@Test
	void signupWhenClientChoseASessionIdThenItIsNotAdopted() {
		// SEC-27 (4) for the sign-up path.
		String chosen = Base64.getEncoder()
			.encodeToString("00000000-0000-4000-8000-000000000002".getBytes(StandardCharsets.US_ASCII));
		this.browser.cookies().put(SESSION, chosen);

		signedUp(this.browser);

		assertThat(this.browser.cookies().get(SESSION)).isNotEqualTo(chosen);
		assertThat(sessionStored(chosen)).isFalse();
	}

	@Test
	void afterIdleExpiryThenStatusAnonymousStalePostRefusedAndReprimedPostUnauthenticated() {
		// SEC-30 steps 3 and 4: JSON answers, never a redirect or a 500, and no state change.
		String staleToken = signedUpToken(this.browser);
		ageSession(this.browser, Duration.ofMinutes(31));

		Response status = this.browser.get("/api/auth/session").send();
		Response stalePost = this.browser.post("/api/things").csrf(staleToken).json(Map.of("a", 1)).send();

		assertThat(status.status()).isEqualTo(200);
		assertThat(status.json().get("authenticated").asBoolean()).isFalse();
		assertThat(stalePost.status()).isIn(401, 403);
		assertThat(stalePost.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(stalePost.json().get("code").asString()).isIn("unauthenticated", "csrf_failed");
		assertThat(stalePost.header("Location")).isEmpty();

		String fresh = this.browser.csrf();
		Response retried = this.browser.post("/api/things").csrf(fresh).json(Map.of("a", 1)).send();

		assertThat(retried.status()).isEqualTo(401);
		assertThat(retried.json().get("code").asString()).isEqualTo("unauthenticated");
	}

	@Test
	void sessionStatusWhenGarbageOrExpiredCookieThenAnonymousLikeNoCookieAndNoSessionMinted() {
		// SEC-32 (3): at most a Set-Cookie that expires the dead cookie.
		ApiClient expired = new ApiClient(this.port);
		signedUp(expired);
		ageSession(expired, Duration.ofMinutes(31));
		long before = sessionCount();

		ApiClient garbage = new ApiClient(this.port);
		garbage.cookies().put(SESSION, "bm90LWEtc2Vzc2lvbg==");
		for (ApiClient client : new ApiClient[] { garbage, expired }) {
			Response response = client.get("/api/auth/session").send();
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"authenticated\":false,\"missingCookies\":\"session_not_found\"}");
			assertThat(response.header("WWW-Authenticate")).isEmpty();
			assertThat(response.setCookies()).allMatch(SetCookie::expired);
		}
		assertThat(sessionCount()).isLessThanOrEqualTo(before);
	}

	@Test
	void sessionStatusWhenAuthenticatedThenOnlyIdUsernameEmailRolesAndWhetherTheEmailIsVerified() {
		// SEC-32 (2) and ASVS 15.3.1: a minimal profile, no hash, no session id, no internals.
		String username = signedUp(this.browser);
		String session = this.browser.cookies().get(SESSION);

		Response response = this.browser.get("/api/auth/session").send();

		assertThat(response.json().propertyNames()).containsExactlyInAnyOrder("authenticated", "user", "idleExpiresAt",
				"absoluteExpiresAt", "factors", "methods");
		assertThat(response.json().get("factors").toString()).isEqualTo("[\"password\"]");
		assertThat(response.json().get("methods").toString()).isEqualTo("[]");
		assertThat(response.json().get("user").propertyNames()).containsExactlyInAnyOrder("id", "username", "email",
				"roles", "emailVerified");
		assertThat(response.json().get("user").get("username").asString()).isEqualTo(username);
		assertThat(response.json().get("user").get("roles").toString()).isEqualTo("[\"USER\"]");
		assertThat(response.body()).doesNotContain(session)
			.doesNotContain(new String(Base64.getDecoder().decode(session)))
			.doesNotContain("argon2")
			.doesNotContain(PASSWORD)
			.doesNotContainIgnoringCase("passwordHash");
		assertThat(response.header("Cache-Control").orElseThrow()).contains("no-store");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/things;jsessionid={id}", "/api/things;SESSION={cookie}",
			"/api/things;__Host-SESSION={cookie}" })
	void sessionIdInPathParameterThenNotAuthenticated(String template) {
		// SEC-36 (a); (b), (c) and (e) are LoginIntegrationTests#sessionIsAcceptedOnlyInTheConfiguredCookie.
		signedUp(this.browser);
		String path = withSessionOf(this.browser, template);

		Response response = new ApiClient(this.port).get(path).send();
		assertThat(response.status()).as(path).isIn(400, 401);
		assertThat(response.body()).as(path).doesNotContain("owner");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer {cookie}", "Bearer {id}" })
	void sessionIdInBearerHeaderThenNotAuthenticated(String template) {
		// SEC-36 (d).
		signedUp(this.browser);
		String credential = withSessionOf(this.browser, template);

		Response response = new ApiClient(this.port).get("/api/things").header("Authorization", credential).send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isEmpty();
	}

	static Stream<String> garbageSessionCookies() {
		// SEC-59: empty, %00, not Base64, quoted, with ';' or ',', Base64 of garbage, and 50
		// duplicates in one header.
		List<String> values = List.of("", "%00", "!!not-base64!!", "\"quoted\"", "\"bm90\"", "a;b", "a,b",
				Base64.getEncoder().encodeToString(new byte[200]), Base64.getEncoder().encodeToString("x".repeat(2_000).getBytes()));
		List<String> headers = new ArrayList<>();
		values.forEach((value) -> headers.add(SESSION + "=" + value));
		headers.add(String.join("; ", java.util.Collections.nCopies(50, SESSION + "=bm90LWEtc2Vzc2lvbg==")));
		return headers.stream();
	}

	@ParameterizedTest
	@MethodSource("garbageSessionCookies")
	void garbageSessionCookiesThenProtectedUnauthenticatedPublicServedNeverServerError(String cookie) {
		assertGarbageIsAnonymous(cookie);
	}

	@Test
	void sessionCookieOfRawUtf8OrOver8KbThenRefusedOrAnonymousNeverServerError() {
		// SEC-59: raw UTF-8 bytes (sent over a socket) and a 10 KB value, which passes Tomcat's
		// 8 KB header limit (contract: 400 problem).
		RawHttp.Response utf8 = RawHttp.send(this.port,
				RawHttp.bytes("GET /api/things HTTP/1.1\r\nCookie: ", SESSION, "=sessión-ünïcode-☃"), new byte[0]);
		Response huge = new ApiClient(this.port).get("/api/things")
			.header("Cookie", SESSION + "=" + Base64.getEncoder().encodeToString(new byte[7_680]))
			.send();

		assertThat(utf8.status()).isIn(400, 401);
		assertThat(utf8.headers()).contains("content-type: application/problem+json");
		assertThat(huge.status()).isEqualTo(400);
		assertThat(huge.json().get("code").asString()).isEqualTo("malformed_request");
	}

	static Stream<String> garbageCsrfCookies() {
		return Stream.of("garbage", "", "%00", "x".repeat(43), "\"quoted\"");
	}

	@ParameterizedTest
	@MethodSource("garbageCsrfCookies")
	void garbageCsrfCookieThenReplacedByPrimingAndRefusedOnPost(String garbage) {
		// SEC-59: a garbage CSRF cookie is replaced on GET /api/auth/csrf and fails a POST.
		ApiClient client = new ApiClient(this.port);
		client.cookies().put("XSRF-TOKEN", garbage);

		Response post = client.post("/api/auth/login")
			.csrf(garbage)
			.json(Map.of("username", "someone", "password", PASSWORD))
			.send();
		Response primed = client.get("/api/auth/csrf").send();

		assertThat(post.status()).as(garbage).isEqualTo(403);
		assertThat(post.json().get("code").asString()).as(garbage).isEqualTo("csrf_failed");
		assertThat(primed.status()).as(garbage).isEqualTo(200);
		String token = primed.setCookie("XSRF-TOKEN").orElseThrow().value();
		assertThat(token).as(garbage).isNotEqualTo(garbage).hasSize(43);
		assertThat(primed.json().get("csrfToken").asString()).isEqualTo(token);
	}

	@Test
	void logoutEndsOnlyThatSessionAndTheSameUsersOtherSessionsSurvive() {
		// BUG-12 (and ASVS 7.1.2: several sessions per account are allowed, each ended on its own).
		String username = signedUp(this.browser);
		ApiClient laptop = new ApiClient(this.port);
		assertThat(laptop.login(username, PASSWORD).status()).isEqualTo(200);
		String phoneSession = this.browser.cookies().get(SESSION);

		Response logout = this.browser.post("/api/auth/logout").csrf(this.browser.csrf()).send();

		assertThat(logout.status()).isEqualTo(200);
		assertThat(logout.setCookie("XSRF-TOKEN")).isPresent();
		ApiClient replay = new ApiClient(this.port);
		replay.cookies().put(SESSION, phoneSession);
		assertThat(replay.get("/api/things").send().status()).isEqualTo(401);
		assertThat(replay.authenticated()).isFalse();
		assertThat(laptop.authenticated()).isTrue();
		assertThat(laptop.get("/api/things").send().json().get("owner").asString()).isEqualTo(username);
	}

	/** Fills in the client's session cookie value ({@code {cookie}}) and the session id it encodes ({@code {id}}). */
	private static String withSessionOf(ApiClient client, String template) {
		String value = client.cookies().get(SESSION);
		String id = new String(Base64.getDecoder().decode(value));
		return template.replace("{cookie}", value).replace("{id}", id);
	}

	private void assertGarbageIsAnonymous(String cookie) {
		Response protectedPath = new ApiClient(this.port).get("/api/things").header("Cookie", cookie).send();
		Response status = new ApiClient(this.port).get("/api/auth/session").header("Cookie", cookie).send();
		Response ping = new ApiClient(this.port).get("/public/ping").header("Cookie", cookie).send();

		assertThat(protectedPath.status()).as(cookie).isEqualTo(401);
		assertThat(protectedPath.json().get("code").asString()).as(cookie).isEqualTo("unauthenticated");
		assertThat(status.status()).as(cookie).isEqualTo(200);
		assertThat(status.json().get("authenticated").asBoolean()).as(cookie).isFalse();
		assertThat(ping.status()).as(cookie).isEqualTo(200);
	}

}
