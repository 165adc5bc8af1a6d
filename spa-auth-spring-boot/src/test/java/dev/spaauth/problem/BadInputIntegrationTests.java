package dev.spaauth.problem;

import java.util.Map;
import java.util.function.Function;
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

class BadInputIntegrationTests extends IntegrationTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "{", "{}}", "{\"username\": 123, \"password\": [\"x\"]}", "null", "", "[1,2]",
			"{\"username\":\"a\",\"password\":1e999999}" })
	void malformedJsonThenBadRequestProblem(String body) {
		Response response = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.body("application/json", body)
			.send();
		assertThat(response.status()).as(body).isEqualTo(400);
		assertProblemWithoutInternals(response);
	}

	@Test
	void deeplyNestedJsonThenBadRequestNeverServerError() {
		String body = "[".repeat(10_000) + "]".repeat(10_000);

		Response response = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.body("application/json", body)
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertProblemWithoutInternals(response);
	}

	@Test
	void invalidUtf8ThenBadRequest() {
		Response response = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.bytes("application/json", new byte[] { '{', '"', 'u', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' })
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertProblemWithoutInternals(response);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "application/xml",
			"multipart/form-data; boundary=x" })
	void formAndTextBodiesWithValidTokenThenUnsupportedMediaType(String type) {
		String username = signedUp(new dev.spaauth.testapp.ApiClient(this.port));
		Response response = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.body(type, "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")
			.send();
		assertThat(response.status()).as(type).isEqualTo(415);
		assertThat(response.json().get("code").asString()).isEqualTo("unsupported_media_type");
		assertThat(response.setCookie("__Host-SESSION")).isEmpty();
	}

	@Test
	void jsonWithCharsetIsAccepted() {
		String username = signedUp(new dev.spaauth.testapp.ApiClient(this.port));

		Response response = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.body("application/json; charset=utf-8", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
					+ "\"}")
			.send();

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void oversizedBodyThenPayloadTooLargeProblem() {
		Response response = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.json(Map.of("username", "u", "password", "p".repeat(1_000_000)))
			.send();

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("code").asString()).isEqualTo("payload_too_large");
		assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.header("Cache-Control")).hasValue("no-store");
	}

	@Test
	void oversizedChunkedBodyWithoutLengthThenPayloadTooLargeProblem() {
		byte[] body = ("{\"username\":\"u\",\"password\":\"" + "p".repeat(70_000) + "\"}").getBytes();

		Response response = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.chunked("application/json", body)
			.send();

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("code").asString()).isEqualTo("payload_too_large");
		assertThat(response.json().get("detail").asString()).isEqualTo(PayloadTooLargeException.DETAIL);
	}

	static Stream<Arguments> requestsTomcatRefuses() {
		Function<ApiClient, Response> hugeHeader = (client) -> client.get("/api/auth/session")
			.header("X-Big", "a".repeat(9_000))
			.send();
		Function<ApiClient, Response> encodedSlash = (client) -> client.get("/api/things%2f1").send();
		return Stream.of(Arguments.of("a 9 KB header", hugeHeader), Arguments.of("an encoded slash", encodedSlash));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requestsTomcatRefuses")
	void requestsTomcatRefusesBeforeAnyServletAreProblemsToo(String name, Function<ApiClient, Response> request) {
		Response response = request.apply(this.browser);

		assertThat(response.status()).isEqualTo(400);
		assertProblemWithoutInternals(response);
		assertThat(response.header("Cache-Control")).hasValue("no-store");
		assertThat(response.body()).doesNotContain("Tomcat").doesNotContain("<html");
	}

	@Test
	void errorDispatchesAnswerTheOriginalStatusAsAProblem() {
		// Regression: /error had no handler, so every error dispatch came out as 404 "instance": "/error".
		Response response = this.browser.post("/").csrf(this.browser.csrf()).json(Map.of()).send();

		assertThat(response.status()).isEqualTo(405);
		assertProblemWithoutInternals(response);
		assertThat(response.json().get("code").asString()).isEqualTo("method_not_allowed");
	}

	@Test
	void charsetInAcceptIsIgnoredSoTheEndpointAnswersUtf8Json() {
		// Regression (fuzzing): Accept charset=utf-16 made logout delete the session, then answer 500.
		signedUp(this.browser);

		Response session = this.browser.get("/api/auth/session").header("Accept", "application/json;charset=utf-16").send();
		Response logout = this.browser.post("/api/auth/logout")
			.csrf(this.browser.csrf())
			.header("Accept", "application/json; charset=ISO-8859-1")
			.send();

		assertThat(session.status()).isEqualTo(200);
		assertThat(session.json().get("authenticated").asBoolean()).isTrue();
		assertThat(logout.status()).isEqualTo(200);
		assertThat(logout.header("Content-Type").orElseThrow()).startsWith("application/json");
	}

	@Test
	void malformedContentTypesAreRefusedBeforeAnyEndpointRuns() {
		// Regression (fuzzing): these reached the framework and came out as 500.
		Response noBoundary = this.browser.get("/api/auth/session").header("Content-Type", "multipart/form-data").send();
		Response emptyCharset = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.body("application/json; charset=", "{}")
			.send();
		Response unknownCharset = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.body("application/json; charset=klingon", "{}")
			.send();
		Response notAMediaType = this.browser.get("/api/auth/session").header("Content-Type", "garbage").send();

		assertThat(noBoundary.status()).isEqualTo(400);
		assertThat(emptyCharset.status()).isEqualTo(415);
		assertThat(unknownCharset.status()).isEqualTo(415);
		assertThat(notAMediaType.status()).isEqualTo(400);
		for (Response response : new Response[] { noBoundary, emptyCharset, unknownCharset, notAMediaType }) {
			assertProblemWithoutInternals(response);
		}
	}

	@Test
	void malformedFormBodyOnPutIsNotParsedSoNeverAServerError() {
		// Regression (fuzzing): Spring's FormContentFilter answered 500 for an invalid %-escape.
		signedUp(this.browser);

		Response response = this.browser.method("PUT", "/api/things")
			.csrf(this.browser.csrf())
			.body("application/x-www-form-urlencoded", "x=%ff%zz")
			.send();

		assertThat(response.status()).isBetween(400, 499);
		assertProblemWithoutInternals(response);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"username\":\"{username}\",\"password\":\"x\\ud83d\\u0301\"}",
			"{\"username\":\"\\udc00{username}\",\"password\":\"whatever\"}" })
	void stringsWithHalfASurrogatePairAreRefusedBeforeAnythingUsesThem(String template) {
		// Regression (fuzzing): a lone \ud83d in a password reached the Argon2 encoder and answered 500.
		String username = signedUp(new dev.spaauth.testapp.ApiClient(this.port));
		String body = template.replace("{username}", username);
		Response response = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.body("application/json", body)
			.send();
		assertThat(response.status()).isEqualTo(400);
		assertProblemWithoutInternals(response);
	}

	@Test
	void errorPathRequestedDirectlyThenNotFound() {
		Response response = this.browser.get("/error").send();

		assertThat(response.status()).isEqualTo(404);
		assertProblemWithoutInternals(response);
	}

	@Test
	void traceIsRefusedAndNeverEchoesTheRequest() {
		Response trace = this.browser.method("TRACE", "/api/auth/session").header("X-Secret", "echo-me").send();

		assertThat(trace.status()).isEqualTo(405);
		assertThat(trace.body()).doesNotContain("echo-me");
	}

	@Test
	void overlongPasswordOnLoginIsRefusedWithoutHashing() {
		Response response = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.json(Map.of("username", "someone", "password", "p".repeat(1025)))
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get("password").asString()).contains("longer than 1024");
	}

	@Test
	void wrongMethodThenMethodNotAllowedProblem() {
		Response response = this.browser.get("/api/auth/logout").send();

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.json().get("code").asString()).isEqualTo("method_not_allowed");
		assertThat(response.header("Allow").orElseThrow()).contains("POST");
	}

	@Test
	void unknownApiPathThenNotFoundProblem() {
		Response response = this.browser.get("/api/auth/nothing-here").send();

		assertThat(response.status()).isEqualTo(404);
		assertProblemWithoutInternals(response);
	}

	@Test
	void firewallRejectionThenBadRequestProblem() {
		Response response = this.browser.get("/api/auth/session;jsessionid=abc").send();

		assertThat(response.status()).isEqualTo(400);
		assertProblemWithoutInternals(response);
	}

	private static void assertProblemWithoutInternals(Response response) {
		assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.json().get("code").isString()).isTrue();
		assertThat(response.json().get("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContainIgnoringCase("exception")
			.doesNotContain("at org.")
			.doesNotContain("tools.jackson")
			.doesNotContainIgnoringCase("select ");
	}

}
