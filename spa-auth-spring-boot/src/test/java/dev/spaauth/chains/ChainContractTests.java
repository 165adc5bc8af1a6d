package dev.spaauth.chains;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.ApiClient.SetCookie;
import dev.spaauth.user.UserAccounts;
import dev.spaauth.user.UserRoles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's contract, checked over real HTTP against an application that owns its security filter
 * chains in one of the ways a new user writes them. Each subclass starts one such application.
 */
abstract class ChainContractTests {

	static final String PASSWORD = "correct horse battery staple 42";

	private static final AtomicInteger users = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserRoles roles;

	ApiClient browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new ApiClient(this.port);
	}

	@Test
	void csrfPrimingAnswersTheTokenAndItsCookieAndCreatesNoSession() {
		Response response = this.browser.get("/api/auth/csrf").send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("csrfToken").asString()).hasSize(43);
		assertThat(response.json().get("headerName").asString()).isEqualTo("X-XSRF-TOKEN");
		assertThat(response.setCookie("XSRF-TOKEN")).isPresent();
		assertThat(response.setCookie("__Host-SESSION")).isEmpty();
	}

	@Test
	void signupStartsASessionInASecureHttpOnlyHostCookieAndTheSessionShowsTheUser() {
		String username = newUser();

		Response session = this.browser.get("/api/auth/session").send();

		assertThat(session.json().get("authenticated").asBoolean()).isTrue();
		assertThat(session.json().get("user").get("username").asString()).isEqualTo(username);
		assertThat(session.json().get("user").get("roles").toString()).isEqualTo("[\"USER\"]");
	}

	@Test
	void loginGivesANewSessionAndANewCsrfToken() {
		String username = newUser();
		String before = this.browser.cookies().get("__Host-SESSION");

		Response login = this.browser.login(username, PASSWORD);

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("csrfToken").asString()).isNotBlank();
		SetCookie session = login.setCookie("__Host-SESSION").orElseThrow();
		assertThat(session.value()).isNotEqualTo(before);
		assertThat(session.has("HttpOnly")).isTrue();
		assertThat(session.has("Secure")).isTrue();
		assertThat(session.attribute("SameSite")).isEqualTo(expectedSameSite());
		assertThat(session.attribute("Path")).isEqualTo("/");
		assertThat(session.has("Domain")).isFalse();
	}

	@Test
	void unsafeRequestsWithoutTheTokenAreRefusedAsCsrfFailuresOnEveryPath() {
		for (String path : new String[] { "/api/auth/login", "/api/auth/signup", "/api/auth/logout",
				"/api/auth/oauth2/finish", "/api/auth/email-verification", "/api/auth/email-verification/resend",
				"/api/public/echo" }) {
			Response response = this.browser.post(path).json(Map.of("username", "x", "password", "y")).send();

			assertThat(response.status()).as(path).isEqualTo(403);
			assertThat(response.json().get("code").asString()).as(path).isEqualTo("csrf_failed");
			assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		}
	}

	@Test
	void unsafeRequestFromAnUntrustedOriginIsRefusedEvenWithAValidToken() {
		Response response = this.browser.post("/api/auth/login")
			.csrf(this.browser.csrf())
			.header("Origin", "https://evil.example.test")
			.json(Map.of("username", "x", "password", "y"))
			.send();

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("code").asString()).isEqualTo("origin_forbidden");
	}

	@Test
	void pathNeedingASessionAnswersAnonymousClientsWithA401ProblemAndNoSession() {
		Response response = this.browser.get("/api/hello").send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("code").asString()).isEqualTo("unauthenticated");
		assertThat(response.header("WWW-Authenticate")).isEmpty();
		assertThat(response.setCookies()).isEmpty();
	}

	@Test
	void signedInClientReachesThePathNeedingASession() {
		String username = newUser();

		Response response = this.browser.get("/api/hello").send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("hello").asString()).isEqualTo(username);
	}

	@Test
	void openPathsAreOpenButUnsafeRequestsToThemStillNeedTheToken() {
		assertThat(this.browser.get("/api/public/ping").send().status()).isEqualTo(200);

		Response echo = this.browser.post("/api/public/echo").csrf(this.browser.csrf()).json(Map.of("a", 1)).send();

		assertThat(echo.status()).isEqualTo(200);
		assertThat(echo.json().get("echo").get("a").asInt()).isEqualTo(1);
	}

	@Test
	void adminPathIsForbiddenWithoutTheRoleAndOpenWithIt() {
		assertThat(this.browser.get("/api/admin/stats").send().status()).isEqualTo(401);
		String username = newUser();

		Response forbidden = this.browser.get("/api/admin/stats").send();

		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.json().get("code").asString()).isEqualTo("forbidden");
		this.roles.grant(this.accounts.findByUsername(username).orElseThrow().getId(), "ADMIN");
		assertThat(this.browser.get("/api/admin/stats").send().status()).as("a role change ends the sessions")
			.isEqualTo(401);
		this.browser.login(username, PASSWORD);
		Response allowed = this.browser.get("/api/admin/stats").send();
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(this.browser.get("/api/auth/session").send().json().get("user").get("roles").toString())
			.isEqualTo("[\"ADMIN\",\"USER\"]");
	}

	@Test
	void aLogInWaitingForItsSecondFactorPassesNoneOfTheApplicationsRules() {
		String username = newUser();
		this.roles.grant(this.accounts.findByUsername(username).orElseThrow().getId(), "ADMIN");
		this.browser.login(username, PASSWORD);
		dev.spaauth.testapp.Authenticator.enrol(this.browser, PASSWORD);
		ApiClient other = new ApiClient(this.port);
		assertThat(other.login(username, PASSWORD).json().get("mfaRequired").asBoolean()).isTrue();

		for (String path : new String[] { "/api/hello", "/api/admin/stats", "/api/auth/sessions" }) {
			Response refused = other.get(path).send();
			assertThat(refused.status()).as(path).isEqualTo(401);
			assertThat(refused.json().get("code").asString()).as(path).isEqualTo("mfa_required");
		}
		assertThat(other.get("/api/public/ping").send().status()).isEqualTo(200);
	}

	@Test
	void endpointsNeedingASessionAnswer401WithoutOne() {
		Response response = this.browser.post("/api/auth/reauthenticate")
			.csrf(this.browser.csrf())
			.json(Map.of("password", PASSWORD))
			.send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("code").asString()).isEqualTo("unauthenticated");
		for (String path : new String[] { "/api/auth/identities", "/api/auth/account" }) {
			Response identities = this.browser.get(path).send();
			assertThat(identities.status()).as(path).isEqualTo(401);
			assertThat(identities.json().get("code").asString()).as(path).isEqualTo("unauthenticated");
		}
	}

	@Test
	void logoutEndsTheSessionAndAnswersAFreshToken() {
		newUser();

		Response logout = this.browser.post("/api/auth/logout").csrf(this.browser.csrf()).send();

		assertThat(logout.status()).isEqualTo(200);
		assertThat(logout.json().get("csrfToken").asString()).isNotBlank();
		assertThat(logout.setCookie("__Host-SESSION").orElseThrow().expired()).isTrue();
		assertThat(this.browser.get("/api/auth/session").send().json().get("authenticated").asBoolean()).isFalse();
	}

	@Test
	void springSecuritysOwnLogoutAndLoginPagesAreNotThere() {
		Response logout = this.browser.post("/logout").csrf(this.browser.csrf()).send();
		Response login = this.browser.get("/login").send();

		assertThat(logout.header("Location")).isEmpty();
		assertThat(logout.status()).isNotEqualTo(302);
		assertThat(login.status()).isIn(401, 404);
	}

	@Test
	void everyResponseCarriesTheSecurityHeaders() {
		for (Response response : new Response[] { this.browser.get("/api/auth/csrf").send(),
				this.browser.get("/api/hello").send(), this.browser.get("/api/public/ping").send() }) {
			assertThat(response.header("Content-Security-Policy")).hasValue(
					"default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
			assertThat(response.header("X-Frame-Options")).hasValue("DENY");
			assertThat(response.header("Referrer-Policy")).hasValue("no-referrer");
			assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.header("Cache-Control").orElseThrow()).contains("no-store");
			assertThat(response.header("Cross-Origin-Resource-Policy")).hasValue(expectedResourcePolicy());
		}
	}

	@Test
	void unknownPathAndWrongMethodAreProblems() {
		newUser();

		Response unknown = this.browser.get("/api/auth/nothing-here").send();
		Response wrongMethod = this.browser.get("/api/auth/login").send();

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("code").asString()).isEqualTo("not_found");
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.json().get("code").asString()).isEqualTo("method_not_allowed");
	}

	@Test
	void actuatorKeepsHealthOpenAndTheOtherEndpointsForAdministrators() {
		assertThat(this.browser.get("/actuator/health").send().status()).isEqualTo(200);
		Response anonymous = this.browser.get("/actuator/info").send();
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().get("code").asString()).isEqualTo("unauthenticated");
		String username = newUser();
		assertThat(this.browser.get("/actuator/info").send().json().get("code").asString()).isEqualTo("forbidden");

		this.roles.grant(this.accounts.findByUsername(username).orElseThrow().getId(), "ADMIN");
		this.browser.login(username, PASSWORD);

		assertThat(this.browser.get("/actuator/info").send().status()).isEqualTo(200);
	}

	/** The SameSite value the application's deployment gives its cookies. */
	String expectedSameSite() {
		return "Lax";
	}

	/** The Cross-Origin-Resource-Policy the application's deployment gives its responses. */
	String expectedResourcePolicy() {
		return "same-origin";
	}

	/** Signs a new user up in the browser and returns the username. */
	String newUser() {
		String username = "chain" + users.incrementAndGet() + "_" + Long.toString(System.nanoTime(), 36);
		Response response = this.browser.signup(username, username + "@example.com", PASSWORD);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return username;
	}

}
