package dev.spaauth.provider;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import dev.spaauth.account.AccountProtectionSupport;
import dev.spaauth.devprovider.DevProvider;
import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.Authenticator;
import dev.spaauth.testapp.LocalProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with providers against a real OpenID Connect provider on loopback (Spring Authorization
 * Server): the whole flow as a browser and an SPA make it, the account rules (no merge by email, no
 * unverified email, linking and unlinking), and the attacks on the flow (forged and replayed state,
 * a code in another browser or with another verifier, untrusted return URLs).
 */
class ProviderSignInIntegrationTests extends AccountProtectionSupport {

	private String spa;

	@BeforeEach
	void registerCallbacks() {
		this.spa = "http://localhost:" + this.port + "/app/";
		DevProvider.allowRedirectUri("http://localhost:" + this.port + "/api/auth/oauth2/callback/local");
		DevProvider.allowRedirectUri("http://localhost:" + this.port + "/api/auth/oauth2/callback/github");
	}

	@Test
	void theConfiguredProvidersAreListed() {
		Response providers = this.browser.get("/api/auth/providers").send();

		assertThat(providers.status()).isEqualTo(200);
		assertThat(providers.json().toString()).isEqualTo("[{\"id\":\"github\",\"name\":\"GitHub\"},{\"id\":\"local\",\"name\":\"Local ID\"}]");
	}

	@Test
	void aNewIdentityWithAVerifiedEmailCreatesAnAccountAndSignsInLikeAPasswordLogIn() {
		String user = newProviderUser(true);
		this.browser.csrf();
		String before = this.browser.cookies().get("__Host-SESSION");

		Response finished = signIn(this.browser, "local", user);

		assertThat(finished.status()).as(finished.body()).isEqualTo(200);
		assertThat(finished.json().get("user").get("email").asString()).isEqualTo(user + "@provider.test");
		assertThat(finished.json().get("user").get("emailVerified").asBoolean()).as("the provider verified it").isTrue();
		assertThat(finished.json().get("csrfToken").asString()).isNotBlank();
		assertThat(this.browser.cookies().get("__Host-SESSION")).isNotNull().isNotEqualTo(before);
		JsonNode session = this.browser.get("/api/auth/session").send().json();
		assertThat(session.get("authenticated").asBoolean()).isTrue();
		assertThat(session.get("factors").toString()).isEqualTo("[\"authorization_code\"]");
		long id = finished.json().get("user").get("id").asLong();
		assertThat(count("spa_auth.linked_identities", "user_id", id)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT password_set FROM spa_auth.users WHERE id = ?").param(id).query(Boolean.class).single())
			.isFalse();

		ApiClient phone = new ApiClient(this.port);
		Response again = signIn(phone, "local", user);
		assertThat(again.json().get("user").get("id").asLong()).as("the same account, not a second one").isEqualTo(id);
	}

	@Test
	void aFlowNeverPutsATokenInTheBrowserAndItsCookieIsHttpOnlyAndLax() {
		String verifier = LocalProvider.newVerifier();
		Response start = start(this.browser, "local", "sign_in", this.spa, LocalProvider.challenge(verifier));

		assertThat(start.status()).isEqualTo(302);
		URI authorization = URI.create(start.header("Location").orElseThrow());
		Map<String, List<String>> query = UriComponentsBuilder.fromUri(authorization).build().getQueryParams();
		assertThat(query.get("code_challenge_method")).containsExactly("S256");
		assertThat(query).containsKeys("state", "nonce", "code_challenge");
		assertThat(query.get("redirect_uri").get(0)).isEqualTo("http://localhost:" + this.port + "/api/auth/oauth2/callback/local");
		ApiClient.SetCookie cookie = start.setCookie("__Host-PROVIDER-FLOW").orElseThrow();
		assertThat(cookie.has("HttpOnly")).isTrue();
		assertThat(cookie.attribute("SameSite")).isEqualTo("Lax");
		assertThat(this.browser.cookies()).doesNotContainKey("__Host-SESSION");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://evil.test/", "http://localhost.evil.test/", "https://localhost:PORT/",
			"http://localhost:1/", "//evil.test/", "http://localhost:PORT@evil.test/", "javascript:alert(1)",
			"http://user@localhost:PORT/", "null", "/relative" })
	void anUntrustedReturnUrlIsRefusedNeverFollowed(String returnTo) {
		Response start = start(this.browser, "local", "sign_in", returnTo.replace("PORT", String.valueOf(this.port)),
				LocalProvider.challenge(LocalProvider.newVerifier()));

		assertProblem(start, 400, "validation_failed");
		assertThat(start.header("Location")).isEmpty();
	}

	@Test
	void aStartNeedsAChallengeAndAKnownProvider() {
		assertProblem(start(this.browser, "local", "sign_in", this.spa, "short"), 400, "validation_failed");
		assertProblem(start(this.browser, "local", "merge", this.spa, LocalProvider.challenge("x".repeat(43))), 400,
				"validation_failed");
		assertProblem(start(this.browser, "nope", "sign_in", this.spa, LocalProvider.challenge("x".repeat(43))), 404,
				"not_found");
	}

	@Test
	void aForgedOrReplayedStateOrAnotherBrowserGetsStateMismatch() {
		Response forged = this.browser.get("/api/auth/oauth2/callback/local?code=abc&state=forged").send();
		assertThat(authError(forged)).isEqualTo("state_mismatch");

		String user = newProviderUser(true);
		URI callback = callbackFor(this.browser, "local", "sign_in", user, LocalProvider.newVerifier());
		Response first = this.browser.get(callback.getRawPath() + "?" + callback.getRawQuery()).send();
		assertThat(authCode(first)).isNotNull();
		Response replayed = this.browser.get(callback.getRawPath() + "?" + callback.getRawQuery()).send();
		assertThat(authError(replayed)).isEqualTo("state_mismatch");

		URI elsewhere = callbackFor(this.browser, "local", "sign_in", user, LocalProvider.newVerifier());
		Response otherBrowser = new ApiClient(this.port).get(elsewhere.getRawPath() + "?" + elsewhere.getRawQuery()).send();
		assertThat(authError(otherBrowser)).as("login CSRF: the victim's browser did not start this flow")
			.isEqualTo("state_mismatch");
		assertThat(this.browser.get(elsewhere.getRawPath() + "?" + elsewhere.getRawQuery()).send().status())
			.as("and the flow is used up").isEqualTo(303);
		assertThat(authError(this.browser.get(elsewhere.getRawPath() + "?" + elsewhere.getRawQuery()).send()))
			.isEqualTo("state_mismatch");
	}

	@Test
	void aCodeWorksOnceAndOnlyWithTheVerifierOfTheSpaThatStartedTheFlow() {
		String user = newProviderUser(true);
		String verifier = LocalProvider.newVerifier();
		URI callback = callbackFor(this.browser, "local", "sign_in", user, verifier);
		String code = authCode(this.browser.get(callback.getRawPath() + "?" + callback.getRawQuery()).send());

		ApiClient attackersPage = new ApiClient(this.port);
		Response wrongVerifier = finish(attackersPage, code, LocalProvider.newVerifier());
		assertProblem(wrongVerifier, 400, "invalid_sign_in_code");
		assertProblem(finish(this.browser, code, verifier), 400, "invalid_sign_in_code");
		assertThat(attackersPage.authenticated()).isFalse();
		assertThat(this.browser.authenticated()).isFalse();
	}

	@Test
	void anUnverifiedProviderEmailMatchingAVictimNeitherSignsInNorCreatesNorLinks() {
		String victim = newUser(new ApiClient(this.port));
		long victimId = idOf(victim);
		String attacker = "mallory" + uniqueUsername();
		LocalProvider.addUser(attacker, victim + "@example.com", false);

		Response answer = callback(this.browser, "local", "sign_in", attacker, LocalProvider.newVerifier());

		assertThat(authError(answer)).isEqualTo("email_not_verified");
		assertThat(count("spa_auth.linked_identities", "user_id", victimId)).isZero();
		assertThat(this.browser.authenticated()).isFalse();
	}

	@Test
	void aVerifiedEmailOfAnExistingAccountIsNotMergedButAnswersAccountExists() {
		String owner = newUser(new ApiClient(this.port));
		String identity = "owner" + uniqueUsername();
		LocalProvider.addUser(identity, owner + "@example.com", true);

		Response answer = callback(this.browser, "local", "sign_in", identity, LocalProvider.newVerifier());

		assertThat(authError(answer)).isEqualTo("account_exists");
		assertThat(count("spa_auth.linked_identities", "user_id", idOf(owner))).isZero();
		assertThat(this.browser.authenticated()).isFalse();
	}

	@Test
	void linkingNeedsAFreshSessionThenTheIdentitySignsInToThatAccountOnly() throws Exception {
		String username = newUser(this.browser);
		verifyEmail(username + "@example.com");
		String identity = "link" + uniqueUsername();
		LocalProvider.addUser(identity, username + "@example.com", true);
		org.awaitility.Awaitility.await()
			.until(() -> !this.browser.get("/api/auth/session").send().json().has("reauthenticatedUntil"));
		assertProblem(finishFlow(this.browser, "local", "link", identity), 403, "reauthentication_required");
		assertThat(count("spa_auth.linked_identities", "user_id", idOf(username))).isZero();

		reauthenticate(this.browser);
		Response linked = finishFlow(this.browser, "local", "link", identity);

		assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		assertThat(linked.json().get("linked").get("provider").asString()).isEqualTo("local");
		assertThat(linked.json().get("linked").get("providerName").asString()).isEqualTo("Local ID");
		assertThat(textOf(mailTo(username + "@example.com", "Sign-in with Local ID was connected"))).contains("disconnect");
		ApiClient laptop = new ApiClient(this.port);
		Response signedIn = signIn(laptop, "local", identity);
		assertThat(signedIn.json().get("user").get("username").asString()).isEqualTo(username);

		ApiClient someoneElse = new ApiClient(this.port);
		verifyEmail(newUser(someoneElse) + "@example.com");
		reauthenticate(someoneElse);
		assertProblem(finishFlow(someoneElse, "local", "link", identity), 409, "identity_in_use");
	}

	@Test
	void unlinkingNeverRemovesTheLastWayToSignIn() {
		String identity = newProviderUser(true);
		Response created = signIn(this.browser, "local", identity);
		Response reauthenticated = finishFlow(this.browser, "local", "reauthenticate", identity);
		assertThat(reauthenticated.status()).as(reauthenticated.body()).isEqualTo(200);
		JsonNode list = this.browser.get("/api/auth/identities").send().json();
		assertThat(list.get("hasPassword").asBoolean()).isFalse();
		long identityId = list.get("identities").get(0).get("id").asLong();

		Response refused = this.browser.method("DELETE", "/api/auth/identities/" + identityId)
			.csrf(reauthenticated.json().get("csrfToken").asString())
			.send();

		assertProblem(refused, 409, "last_sign_in_method");
		assertThat(count("spa_auth.linked_identities", "user_id", created.json().get("user").get("id").asLong()))
			.isEqualTo(1);
	}

	@Test
	void aPasswordAccountUnlinksAndTheIdentityNoLongerSignsIn() {
		String username = newUser(this.browser);
		verifyEmail(username + "@example.com");
		String identity = "unlink" + uniqueUsername();
		LocalProvider.addUser(identity, "other-" + username + "@provider.test", true);
		reauthenticate(this.browser);
		long identityId = finishFlow(this.browser, "local", "link", identity).json().get("linked").get("id").asLong();
		String token = reauthenticate(this.browser);

		Response unlinked = this.browser.method("DELETE", "/api/auth/identities/" + identityId).csrf(token).send();

		assertThat(unlinked.status()).as(unlinked.body()).isEqualTo(200);
		assertThat(unlinked.json().get("identities").size()).isZero();
		assertThat(textOf(mailTo(username + "@example.com", "Sign-in with Local ID was disconnected"))).isNotBlank();
		Response stranger = signIn(new ApiClient(this.port), "local", identity);
		assertThat(stranger.json().get("user").get("username").asString()).as("a new account of its own")
			.isNotEqualTo(username);
	}

	@Test
	void anIdentityIsLinkedOnlyToAnAccountWhoseAddressIsVerified() {
		String username = newUser(this.browser);
		String identity = "early" + uniqueUsername();
		LocalProvider.addUser(identity, identity + "@provider.test", true);
		reauthenticate(this.browser);

		assertProblem(finishFlow(this.browser, "local", "link", identity), 403, "email_not_verified");

		assertThat(count("spa_auth.linked_identities", "user_id", idOf(username))).isZero();
		verifyEmail(username + "@example.com");
		reauthenticate(this.browser);
		assertThat(finishFlow(this.browser, "local", "link", identity).status()).isEqualTo(200);
	}

	@Test
	void aFlowForcedOnTheVictimsBrowserCannotBeFinishedElsewhereEvenWithTheAttackersVerifier() {
		String victim = newProviderUser(true);
		String attackersVerifier = LocalProvider.newVerifier();
		// The attacker's page sends the victim's browser to the start, with the attacker's challenge;
		// the provider (signed in already, no consent screen) sends it back with a code.
		URI callback = callbackFor(this.browser, "local", "sign_in", victim, attackersVerifier);
		String code = authCode(this.browser.get(callback.getRawPath() + "?" + callback.getRawQuery()).send());

		// The code leaks (a log, a Referer); the attacker redeems it from their own browser.
		ApiClient attacker = new ApiClient(this.port);
		Response refused = finish(attacker, code, attackersVerifier);
		assertProblem(refused, 400, "invalid_sign_in_code");
		// Without the flow's cookie the answer says so (as a browser that blocks third-party cookies
		// sees it in shape 3b); with it, a code that does not redeem says nothing of cookies.
		assertThat(refused.json().get("missingCookies").asString()).isEqualTo("flow");

		assertThat(attacker.authenticated()).isFalse();
		Response usedUp = finish(this.browser, code, attackersVerifier);
		assertProblem(usedUp, 400, "invalid_sign_in_code");
		assertThat(usedUp.json().has("missingCookies")).isFalse();
	}

	@Test
	void whatAProviderSaysIsKeptWithinWhatIsStoredNeverA500() {
		String odd = "odd" + uniqueUsername();
		LocalProvider.addUser(odd, "not an address", true, "N".repeat(400));
		assertThat(authError(callback(this.browser, "local", "sign_in", odd, LocalProvider.newVerifier())))
			.as("an address spa-auth does not accept is no verified address").isEqualTo("email_not_verified");

		String longName = "long" + uniqueUsername();
		LocalProvider.addUser(longName, longName + "@provider.test", true, "Ω".repeat(400));
		Response signedIn = signIn(new ApiClient(this.port), "local", longName);
		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
		assertThat(signedIn.json().get("user").get("username").asString()).hasSizeBetween(3, 50);
	}

	@Test
	void reauthenticatingNeedsAnIdentityLinkedToTheAccount() {
		newUser(this.browser);
		String stranger = newProviderUser(true);

		assertProblem(finishFlow(this.browser, "local", "reauthenticate", stranger), 403, "identity_not_linked");
		assertProblem(finishFlow(new ApiClient(this.port), "local", "link", stranger), 401, "unauthenticated");
	}

	@Test
	void anAccountWithAnAuthenticatorAppStillNeedsItsCodeAfterTheProvider() {
		String username = newUser(this.browser);
		verifyEmail(username + "@example.com");
		String identity = "mfa" + uniqueUsername();
		LocalProvider.addUser(identity, "mfa-" + username + "@provider.test", true);
		reauthenticate(this.browser);
		assertThat(finishFlow(this.browser, "local", "link", identity).status()).isEqualTo(200);
		Authenticator authenticator = Authenticator.enrol(this.browser, PASSWORD);

		ApiClient laptop = new ApiClient(this.port);
		Response first = signIn(laptop, "local", identity);

		assertThat(first.json().get("mfaRequired").asBoolean()).isTrue();
		assertThat(laptop.get("/api/auth/session").send().json().get("factors").toString())
			.isEqualTo("[\"authorization_code\"]");
		Response second = laptop.post("/api/auth/login/mfa")
			.csrf(first.json().get("csrfToken").asString())
			.json(Map.of("method", "totp", "code", authenticator.code(1)))
			.send();
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(laptop.get("/api/auth/session").send().json().get("factors").toString())
			.isEqualTo("[\"authorization_code\",\"totp\"]");
	}

	@Test
	void gitHubAsAPlainOAuth2ProviderGivesItsVerifiedPrimaryEmail() {
		String user = newProviderUser(true);

		Response finished = signIn(this.browser, "github", user);

		assertThat(finished.status()).as(finished.body()).isEqualTo(200);
		assertThat(finished.json().get("user").get("email").asString()).isEqualTo(user + "@provider.test");
		String subject = this.jdbc.sql("SELECT subject FROM spa_auth.linked_identities WHERE provider = 'github' AND user_id = ?")
			.param(finished.json().get("user").get("id").asLong())
			.query(String.class)
			.single();
		assertThat(subject).as("GitHub's numeric id, not the login").matches("[0-9]+");
	}

	@Test
	void gitHubWithAnUnverifiedPrimaryEmailCreatesNoAccount() {
		String user = newProviderUser(false);

		assertThat(authError(callback(this.browser, "github", "sign_in", user, LocalProvider.newVerifier())))
			.isEqualTo("email_not_verified");
	}

	@Test
	void deletingTheAccountDeletesItsLinkedIdentities() {
		String identity = newProviderUser(true);
		long id = signIn(this.browser, "local", identity).json().get("user").get("id").asLong();
		String token = finishFlow(this.browser, "local", "reauthenticate", identity).json().get("csrfToken").asString();

		Response deleted = this.browser.method("DELETE", "/api/auth/account").csrf(token).send();

		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(count("spa_auth.linked_identities", "user_id", id)).isZero();
		assertThat(count("spa_auth.users", "id", id)).isZero();
	}

	private String newProviderUser(boolean verified) {
		String user = "p" + uniqueUsername();
		LocalProvider.addUser(user, user + "@provider.test", verified);
		return user;
	}

	private Response start(ApiClient client, String provider, String intent, String returnTo, String challenge) {
		return client.get("/api/auth/oauth2/" + provider + "?intent=" + intent + "&challenge=" + challenge + "&returnTo="
				+ java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8)).send();
	}

	private URI callbackFor(ApiClient client, String provider, String intent, String user, String verifier) {
		Response start = start(client, provider, intent, this.spa, LocalProvider.challenge(verifier));
		assertThat(start.status()).as(start.body()).isEqualTo(302);
		return LocalProvider.authorize(start.header("Location").orElseThrow(), user);
	}

	private Response callback(ApiClient client, String provider, String intent, String user, String verifier) {
		URI callback = callbackFor(client, provider, intent, user, verifier);
		return client.get(callback.getRawPath() + "?" + callback.getRawQuery()).send();
	}

	private Response finishFlow(ApiClient client, String provider, String intent, String user) {
		return LocalProvider.finishFlow(client, this.port, provider, intent, user);
	}

	private Response signIn(ApiClient client, String provider, String user) {
		return finishFlow(client, provider, "sign_in", user);
	}

	private static Response finish(ApiClient client, String code, String verifier) {
		return client.post("/api/auth/oauth2/finish").csrf(client.csrf()).json(Map.of("code", code, "verifier", verifier)).send();
	}

	private String authCode(Response back) {
		return returned(back, "authCode");
	}

	private String authError(Response back) {
		return returned(back, "authError");
	}

	private String returned(Response back, String parameter) {
		assertThat(back.status()).as(back.body()).isEqualTo(303);
		String location = back.header("Location").orElseThrow();
		return UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst(parameter);
	}

	private long idOf(String username) {
		return this.jdbc.sql("SELECT id FROM spa_auth.users WHERE username = ?").param(username).query(Long.class).single();
	}

	private long count(String table, String column, long value) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?").param(value).query(Long.class).single();
	}

}
