package dev.spaauth.cases;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-origin read cases in the same-origin deployment (shapes 1 and 2, no
 * {@code spa-auth.allowed-origins}): nothing is script-includable or readable by another origin
 * (SEC-23, BUG-08), and the header rules every case shares (nosniff everywhere, no-store on
 * {@code /api/auth/*}).
 */
class SameOriginReadCasesIntegrationTests extends IntegrationTestSupport {

	private static final String ATTACKER = "https://attacker.example";

	@ParameterizedTest
	@ValueSource(strings = { "/api/auth/csrf?callback=x", "/api/auth/session?callback=x",
			"/api/auth/csrf?jsonp=x&callback=alert", "/api/things?callback=x" })
	void callbackParameterIsIgnoredAndAnswersStayTopLevelJsonObjectsWithNosniff(String path) {
		// SEC-23: no JSONP; a <script src> of these URLs gets a JSON object, which runs as nothing.
		String token = signedUpToken(this.browser);
		Response response = this.browser.get(path).header("Origin", ATTACKER).send();
		assertThat(response.status()).as(path).isEqualTo(200);
		assertThat(response.header("Content-Type").orElseThrow()).as(path).startsWith("application/json");
		assertThat(response.header("X-Content-Type-Options")).as(path).hasValue("nosniff");
		assertThat(response.body()).as(path).startsWith("{").endsWith("}").doesNotContain("x(").doesNotContain("alert(");
		assertThat(response.header("Access-Control-Allow-Origin")).as(path).isEmpty();
		assertThat(response.header("Access-Control-Allow-Credentials")).as(path).isEmpty();
		Response primed = this.browser.get("/api/auth/csrf").send();
		primed.raw()
			.headers()
			.map()
			.forEach((name, values) -> assertThat(name.equalsIgnoreCase("Set-Cookie") || values.stream()
				.noneMatch((value) -> value.contains(token))).as(name).isTrue());
	}

	@Test
	void noCorsHeaderForAnyOriginOnAnyAnswerIncludingPreflights() {
		// BUG-08 in shapes 1 and 2: no Access-Control-Allow-* at all, for reads, errors and preflights.
		signedUpToken(this.browser);
		List<Response> responses = List.of(this.browser.get("/api/auth/session").header("Origin", ATTACKER).send(),
				this.browser.get("/api/auth/csrf").header("Origin", ATTACKER).send(),
				this.browser.get("/api/things").header("Origin", "null").send(),
				new ApiClient(this.port).get("/api/things").header("Origin", ATTACKER).send(),
				this.browser.post("/api/things").header("Origin", ATTACKER).json(Map.of()).send(),
				preflight("/api/auth/logout", ATTACKER), preflight("/api/things", ATTACKER),
				preflight("/api/auth/login", "http://localhost:" + this.port));
		for (Response response : responses) {
			assertThat(response.status()).isLessThan(500);
			assertThat(response.raw().headers().map().keySet())
				.noneMatch((name) -> name.toLowerCase().startsWith("access-control-allow"));
		}
	}

	@Test
	void everyAuthEndpointAnswerCarriesNosniffAndNoStore() {
		// Rules for every case (and ASVS 3.4.4, 14.3.2): successes as well as problems.
		ApiClient client = new ApiClient(this.port);
		String username = uniqueUsername();
		List<Response> responses = List.of(client.get("/api/auth/csrf").send(),
				client.get("/api/auth/session").send(),
				client.signup(username, username + "@example.com", PASSWORD),
				client.get("/api/auth/session").send(), client.get("/api/things").send(),
				client.post("/api/auth/logout").csrf(client.csrf()).send(), client.login(username, "wrong password 1"),
				client.login(username, PASSWORD), client.post("/api/auth/logout").send(),
				client.get("/api/auth/logout").send(), client.get("/api/auth/unknown").send(),
				new ApiClient(this.port).get("/api/things").send());
		for (Response response : responses) {
			String what = response.raw().request().method() + " " + response.raw().uri().getPath() + " -> "
					+ response.status();
			assertThat(response.header("X-Content-Type-Options")).as(what).hasValue("nosniff");
			assertThat(response.header("Cache-Control").orElseThrow()).as(what).contains("no-store");
		}
	}

	private Response preflight(String path, String origin) {
		return new ApiClient(this.port).method("OPTIONS", path)
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type, x-xsrf-token")
			.send();
	}

}
