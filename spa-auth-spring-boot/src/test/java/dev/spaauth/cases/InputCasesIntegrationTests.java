package dev.spaauth.cases;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad-input cases of {@code cases/attack-cases.md} (SEC-14, SEC-54, SEC-55, SEC-56, SEC-61) and
 * {@code cases/field-reports.md} (BUG-14) that {@code BadInputIntegrationTests} did not cover: the
 * sign-up and application endpoints, and the variants it left out.
 */
class InputCasesIntegrationTests extends IntegrationTestSupport {

	@Test
	void textPlainJsonBodyWithoutTokenThenForbiddenAndWithValidTokenUnsupportedMediaType() {
		// SEC-14 [HTTP]: a form-submittable body, no token, foreign Origin (403 origin_forbidden) or
		// none (403 csrf_failed); with a valid token still 415 (BUG-14 on another endpoint).
		String token = signedUpToken(this.browser);

		Response foreign = this.browser.post("/api/things")
			.header("Origin", "https://attacker.example")
			.body("text/plain", "{\"a\":1}")
			.send();
		Response noOrigin = this.browser.post("/api/things").body("text/plain", "{\"a\":1}").send();
		Response withToken = this.browser.post("/api/things").csrf(token).body("text/plain", "{\"a\":1}").send();

		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.json().get("code").asString()).isEqualTo("origin_forbidden");
		assertCsrfFailed(noOrigin);
		assertThat(withToken.status()).isEqualTo(415);
		assertThat(withToken.json().get("code").asString()).isEqualTo("unsupported_media_type");
		assertThat(this.browser.authenticated()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x" })
	void loginWithFormSubmittableBodiesThenForbiddenWithoutTokenAndUnsupportedWithTokenNeverLoggedIn(String type) {
		// BUG-14: text/plain, form-urlencoded and multipart credentials, with and without a token.
		String username = signedUp(new ApiClient(this.port));
		String body = switch (type) {
			case "text/plain" -> "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}";
			case "application/x-www-form-urlencoded" -> "username=" + username + "&password=" + PASSWORD.replace(' ', '+');
			default -> "--x\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n" + username
					+ "\r\n--x\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n" + PASSWORD + "\r\n--x--\r\n";
		};
		ApiClient client = new ApiClient(this.port);
		Response withoutToken = client.post("/api/auth/login").body(type, body).send();
		Response withToken = client.post("/api/auth/login").csrf(client.csrf()).body(type, body).send();
		Response signup = client.post("/api/auth/signup").csrf(client.csrf()).body(type, body).send();

		assertThat(withoutToken.status()).as(type).isEqualTo(403);
		assertThat(withToken.status()).as(type).isEqualTo(415);
		assertThat(signup.status()).as(type).isEqualTo(415);
		assertThat(List.of(withoutToken, withToken, signup))
			.allSatisfy((response) -> assertThat(response.setCookie("__Host-SESSION")).as(type).isEmpty());
		assertThat(client.authenticated()).as(type).isFalse();
	}

	@Test
	void jsonBodyWithoutContentTypeThenUnsupportedMediaTypeAndNoSession() {
		// SEC-55: no Content-Type at all, with a valid token.
		String username = signedUp(new ApiClient(this.port));
		String token = this.browser.csrf();
		String json = "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}";

		HttpResponse<String> response = sendWithoutContentType("/api/auth/login", token, json);

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.body()).contains("\"code\":\"unsupported_media_type\"");
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch((c) -> c.startsWith("__Host-SESSION"));
	}

	static Stream<Arguments> malformedOrWronglyTypedJson() {
		// Malformed bodies go to both endpoints; bodies of the wrong shape only to sign-up.
		return Stream.of(Arguments.of("{", true), Arguments.of("{}}", true), Arguments.of("null", true),
				Arguments.of("", true), Arguments.of("[1,2]", true), Arguments.of("{\"a\":}", true),
				Arguments.of("[".repeat(10_000), true),
				Arguments.of("{\"username\": 123, \"email\": [\"x\"], \"password\": {}}", false),
				Arguments.of("{\"username\":\"a\",\"email\":\"a@example.com\",\"password\":1e999999}", false));
	}

	@ParameterizedTest
	@MethodSource("malformedOrWronglyTypedJson")
	void malformedJsonOnSignupAndOnAnApplicationEndpointThenBadRequestProblemWithoutInternals(String body,
			boolean malformed) {
		// SEC-54 for sign-up and a protected endpoint (BadInputIntegrationTests covers log-in). The
		// test application's endpoint takes any JSON object, so it gets the malformed bodies only.
		String token = signedUpToken(this.browser);
		ApiClient anonymous = new ApiClient(this.port);
		Response signup = anonymous.post("/api/auth/signup").csrf(anonymous.csrf()).body("application/json", body).send();
		assertBadRequestProblem(signup, body);
		if (malformed) {
			Response things = this.browser.post("/api/things").csrf(token).body("application/json", body).send();
			assertBadRequestProblem(things, body);
		}
	}

	private static void assertBadRequestProblem(Response response, String body) {
		assertThat(response.status()).as(abbreviated(body)).isEqualTo(400);
		assertThat(response.json().get("code").asString()).as(abbreviated(body))
			.isIn("malformed_request", "validation_failed");
		assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.header("Cache-Control").orElseThrow()).contains("no-store");
		assertThat(response.body()).doesNotContainIgnoringCase("exception")
			.doesNotContain("tools.jackson")
			.doesNotContain("at org.")
			.doesNotContain("Tomcat");
	}

	@Test
	void oversizedEmailAndTenMegabyteBodyThenPayloadTooLarge() {
		// SEC-56: a 100 KB email and a 10 MB body are refused before anything parses or hashes them.
		String username = uniqueUsername();
		Response email = this.browser.post("/api/auth/signup")
			.csrf(this.browser.csrf())
			.json(Map.of("username", username, "email", "e".repeat(100_000) + "@example.com", "password", PASSWORD))
			.send();
		long start = System.nanoTime();
		Response huge = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.bytes("application/json", new byte[10 * 1024 * 1024])
			.send();

		assertThat(email.status()).isEqualTo(413);
		assertThat(email.json().get("code").asString()).isEqualTo("payload_too_large");
		assertThat(huge.status()).isEqualTo(413);
		assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.users WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single()).isZero();
	}

	static Stream<Arguments> oversizedHeaders() {
		UnaryOperator<ApiClient.Request> manyHeaders = (request) -> {
			IntStream.range(0, 200).forEach((i) -> request.header("X-Filler-" + i, "v"));
			return request;
		};
		UnaryOperator<ApiClient.Request> bigCookie = (request) -> request.header("Cookie",
				"junk=" + "c".repeat(64 * 1024));
		return Stream.of(Arguments.of("200 headers", manyHeaders), Arguments.of("a 64 KB Cookie header", bigCookie));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oversizedHeaders")
	void twoHundredHeadersOrA64KilobyteCookieHeaderThenBadRequestProblem(String name,
			UnaryOperator<ApiClient.Request> headers) {
		// SEC-56: Tomcat refuses them (over 100 headers, over 8 KB); the answer is a problem.
		Response response = headers.apply(new ApiClient(this.port).get("/api/auth/session")).send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo("malformed_request");
	}

	@Test
	void oversizedLoginsInParallelThenEachRefusedAndNormalRequestsStillServed() throws Exception {
		// SEC-56: a burst of 1 MB log-ins does not starve normal traffic.
		String token = this.browser.csrf();
		List<CompletableFuture<Response>> oversized = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			ApiClient client = new ApiClient(this.port);
			client.cookies().put("XSRF-TOKEN", token);
			oversized.add(CompletableFuture.supplyAsync(() -> client.post("/api/auth/login")
				.csrf(token)
				.json(Map.of("username", "u", "password", "p".repeat(1_000_000)))
				.send()));
		}
		List<Response> normal = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			normal.add(new ApiClient(this.port).get("/api/auth/session").send());
		}

		for (CompletableFuture<Response> call : oversized) {
			assertThat(call.get().status()).isEqualTo(413);
		}
		assertThat(normal).allMatch((response) -> response.status() == 200);
	}

	@Test
	void twoContentTypeHeadersThenRefused() {
		// SEC-61: an ambiguous Content-Type is 400 or 415, in either order, never processed. Fails
		// today: the first header wins, so application/json then text/plain is processed.
		String username = signedUp(new ApiClient(this.port));
		String credentials = "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}";
		ApiClient client = new ApiClient(this.port);

		Response loginJsonFirst = client.post("/api/auth/login")
			.csrf(client.csrf())
			.body("application/json", credentials)
			.header("Content-Type", "text/plain")
			.send();
		ApiClient other = new ApiClient(this.port);
		Response loginTextFirst = other.post("/api/auth/login")
			.csrf(other.csrf())
			.header("Content-Type", "text/plain")
			.body("application/json", credentials)
			.send();

		assertThat(List.of(loginJsonFirst.status(), loginTextFirst.status()))
			.as("log-in statuses for [application/json then text/plain, text/plain then application/json]")
			.allSatisfy((status) -> assertThat(status).isIn(400, 415));
		assertThat(client.authenticated()).isFalse();
	}

	private HttpResponse<String> sendWithoutContentType(String path, String token, String body) {
		StringBuilder cookie = new StringBuilder();
		this.browser.cookies().forEach((name, value) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(name)
			.append('=')
			.append(value));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-XSRF-TOKEN", token)
			.header("Cookie", cookie.toString())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviated(String body) {
		return (body.length() > 40) ? body.substring(0, 40) + "... (" + body.length() + " chars)" : body;
	}

}
