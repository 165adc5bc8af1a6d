package dev.spaauth.deployment;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.ApiClient.SetCookie;
import dev.spaauth.testapp.IntegrationTestSupport;
import dev.spaauth.testapp.SiblingOriginDeployment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SPA on a sibling subdomain ({@code https://app.example.test}) of the API
 * ({@code https://api.example.test}, behind a TLS proxy): CORS with credentials for that origin only, SameSite=Lax
 * derived, and the sibling trusted for unsafe requests while others are not.
 */
@SiblingOriginDeployment
class SiblingOriginIntegrationTests extends IntegrationTestSupport {

	private static final String SPA = "https://app.example.test";

	private static final String EVIL = "https://evil.example.test";

	@Test
	void preflightFromAllowedOriginThenAllowedWithoutCredentials() {
		long sessions = sessionCount();

		Response response = this.browser.preflight(SPA, "/api/auth/login", "POST", "content-type, x-xsrf-token");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).hasValue(SPA);
		assertThat(response.header("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(response.header("Access-Control-Allow-Methods").orElseThrow()).contains("POST")
			.doesNotContain("TRACE");
		assertThat(response.header("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
			.contains("content-type")
			.contains("x-xsrf-token");
		assertThat(response.header("Access-Control-Max-Age")).hasValue("600");
		assertThat(String.join(",", response.headers("Vary"))).contains("Origin");
		assertThat(response.setCookies()).isEmpty();
		assertThat(sessionCount()).isEqualTo(sessions);
	}

	@Test
	void preflightForProtectedPathNeedsNoSession() {
		Response response = this.browser.preflight(SPA, "/api/things", "DELETE", "x-xsrf-token");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).hasValue(SPA);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { EVIL + " | /api/auth/logout | POST | content-type",
			"https://evil.test | /api/auth/login | POST | content-type", SPA + " | /api/auth/login | TRACE | content-type",
			SPA + " | /api/auth/login | POST | x-http-method-override", "%%% | /api/auth/login | POST | content-type" })
	void preflightFromOtherOriginOrForDisallowedMethodOrHeaderThenRefusedWithoutAllowHeaders(String origin, String path,
			String method, String headers) {
		Response response = this.browser.preflight(origin, path, method, headers);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
		assertThat(response.header("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(response.json().get("code").asString()).isEqualTo("origin_forbidden");
	}

	/**
	 * Regression: allowed origins were matched ignoring case and a trailing "/", and the request's
	 * spelling was echoed with credentials. Only the exact serialization is allowed; any other spelling
	 * gets the answer of an unknown origin.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "https://APP.example.test", "https://app.example.test/", "https://app.example.test:443",
			"HTTPS://app.example.test", "https://App.Example.Test" })
	void allowedOriginSpelledOtherwiseThanBrowsersSendItThenRefusedLikeAnUnknownOrigin(String spelling) {
		String token = this.browser.csrf();

		Response preflight = this.browser.preflight(spelling, "/api/auth/login", "POST", "content-type, x-xsrf-token");
		Response read = new ApiClient(this.port).get("/api/auth/csrf").header("Origin", spelling).send();
		Response write = this.browser.post("/api/auth/login")
			.header("Origin", spelling)
			.csrf(token)
			.json(Map.of("username", "x", "password", "y"))
			.send();
		// In a Referer a trailing "/" starts the path, so only the other spellings apply there.
		String referer = spelling.endsWith("/") ? spelling.toUpperCase() + "page" : spelling + "/page";
		Response viaReferer = this.browser.post("/api/auth/login")
			.header("Referer", referer)
			.csrf(token)
			.json(Map.of("username", "x", "password", "y"))
			.send();

		assertThat(preflight.status()).isEqualTo(403);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
		assertThat(read.header("Access-Control-Allow-Origin")).isEmpty();
		assertThat(read.header("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.json().get("code").asString()).isEqualTo("origin_forbidden");
		assertThat(write.header("Access-Control-Allow-Origin")).isEmpty();
		assertThat(viaReferer.json().get("code").asString()).isEqualTo("origin_forbidden");
	}

	@Test
	void csrfTokenIsReadableByTheAllowedOriginOnly() {
		Response allowed = this.browser.get("/api/auth/csrf").header("Origin", SPA).send();
		Response evil = new ApiClient(this.port).get("/api/auth/csrf").header("Origin", EVIL).send();

		assertThat(allowed.header("Access-Control-Allow-Origin")).hasValue(SPA);
		assertThat(allowed.header("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(allowed.json().get("csrfToken").asString()).hasSize(43);
		assertThat(evil.header("Access-Control-Allow-Origin")).isEmpty();
		assertThat(evil.body()).doesNotContain("csrfToken");
	}

	@Test
	void signupLoginAndWriteFromAllowedOriginWithTokenFromJsonBodies() {
		String username = uniqueUsername();
		String token = this.browser.get("/api/auth/csrf").header("Origin", SPA).send().json().get("csrfToken").asString();
		Response signup = this.browser.post("/api/auth/signup")
			.header("Origin", SPA)
			.csrf(token)
			.json(Map.of("username", username, "email", username + "@example.com", "password", PASSWORD))
			.send();
		assertThat(signup.status()).isEqualTo(201);
		assertThat(signup.header("Access-Control-Allow-Origin")).hasValue(SPA);
		SetCookie session = signup.setCookie("__Host-SESSION").orElseThrow();
		assertThat(session.attribute("SameSite")).isEqualTo("Lax");
		assertThat(signup.setCookie("XSRF-TOKEN").orElseThrow().attribute("SameSite")).isEqualTo("Lax");

		String sessionToken = signup.json().get("csrfToken").asString();
		Response write = this.browser.post("/api/things").header("Origin", SPA).csrf(sessionToken).json(Map.of()).send();
		assertThat(write.status()).isEqualTo(200);
		assertThat(write.header("Access-Control-Allow-Origin")).hasValue(SPA);
	}

	@Test
	void errorsAreReadableByTheAllowedOrigin() {
		Response noToken = this.browser.post("/api/auth/login").header("Origin", SPA).json(Map.of()).send();
		Response noSession = this.browser.get("/api/things").header("Origin", SPA).send();

		assertThat(noToken.status()).isEqualTo(403);
		assertThat(noToken.json().get("code").asString()).isEqualTo("csrf_failed");
		assertThat(noToken.header("Access-Control-Allow-Origin")).hasValue(SPA);
		assertThat(noSession.status()).isEqualTo(401);
		assertThat(noSession.header("Access-Control-Allow-Origin")).hasValue(SPA);
	}

	@Test
	void siblingThatIsNotAllowedCannotActEvenWithAValidSessionAndToken() {
		// Same-site, so a browser sends the Lax cookies; the origin check and CORS stop it.
		String username = uniqueUsername();
		String token = this.browser.signup(username, username + "@example.com", PASSWORD)
			.json()
			.get("csrfToken")
			.asString();

		Response write = this.browser.post("/api/things").header("Origin", EVIL).csrf(token).json(Map.of()).send();
		Response read = this.browser.get("/api/auth/session").header("Origin", EVIL).send();

		assertThat(write.status()).isEqualTo(403);
		assertThat(write.header("Access-Control-Allow-Origin")).isEmpty();
		assertThat(read.header("Access-Control-Allow-Origin")).isEmpty();
		assertThat(read.body()).doesNotContain(username);
	}

	@Test
	void behindATlsProxyResponsesCarryStrictTransportSecurity() {
		Response response = this.browser.get("/api/auth/session")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "api.example.test")
			.send();

		assertThat(response.header("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000")
			.contains("includeSubDomains");
		assertThat(response.header("Cross-Origin-Resource-Policy")).hasValue("same-site");
	}

}
