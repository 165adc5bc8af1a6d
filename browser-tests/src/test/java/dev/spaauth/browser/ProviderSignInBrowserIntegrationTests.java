package dev.spaauth.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.spaauth.devprovider.DevUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Sign in with Local ID" in Chromium, in every shape, against the suite's real OpenID Connect
 * provider on its own site: sign in (an account is made from the verified email), reload, sign out;
 * connect and disconnect from the account screen, then delete the account and find nothing left; and
 * the attacks on the flow: a return URL on the attacker's site, a forged state, a replayed callback,
 * and a provider identity whose unverified email is a victim's.
 */
@ExtendWith(BrowserSuiteExtension.class)
class ProviderSignInBrowserIntegrationTests {

	@ParameterizedTest(name = "{0}")
	@EnumSource(Shape.class)
	void signInWithTheProviderReloadAndSignOut(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		String username = NotesPage.newUsername("oidc");
		addProviderUser(suite, username, username + "@provider.test", true);
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			spa.button("Sign in with Local ID").click();
			signInAtProvider(spa.page(), username);

			spa.expectSignedInAs(username);
			assertThat(spa.page().url()).doesNotContain("authCode").doesNotContain("authError");
			spa.addNote("from Local ID " + shape.name());
			spa.page().reload();
			spa.expectSignedInAs(username);
			assertThat(spa.note("from Local ID " + shape.name())).isVisible();
			long id = suite.count(shape, "SELECT MAX(id) FROM spa_auth.users WHERE username = ?", username);
			assertThat(suite.count(shape, "SELECT COUNT(*) FROM spa_auth.linked_identities WHERE user_id = ?", id))
				.isEqualTo(1);
			spa.logOut();
			spa.expectLogInForm();
			spa.page().reload();
			spa.expectLogInForm();
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Shape.class)
	void connectSignInWithItDisconnectAndDeleteTheAccount(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		String username = NotesPage.newUsername("link");
		String identity = username + "-id";
		addProviderUser(suite, identity, identity + "@provider.test", true);
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			spa.signUp(username);
			spa.expectSignedInAs(username);
			long id = suite.count(shape, "SELECT MAX(id) FROM spa_auth.users WHERE username = ?", username);

			spa.openAccount();
			spa.button("Connect Local ID").click();
			confirmWithPassword(spa);
			signInAtProvider(spa.page(), identity);
			assertThat(spa.status("Local ID is connected")).isVisible();
			assertThat(connected(spa)).containsText(identity + "@provider.test");
			assertThat(suite.count(shape, "SELECT COUNT(*) FROM spa_auth.linked_identities WHERE user_id = ?", id))
				.isEqualTo(1);

			spa.logOut();
			spa.expectLogInForm();
			// Still signed in at the provider (its own session): it sends the browser straight back.
			spa.button("Sign in with Local ID").click();
			spa.expectSignedInAs(username);

			spa.openAccount();
			connected(spa).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disconnect Local ID")).click();
			confirmWithPassword(spa);
			assertThat(spa.status("Disconnected.")).isVisible();
			assertThat(suite.count(shape, "SELECT COUNT(*) FROM spa_auth.linked_identities WHERE user_id = ?", id)).isZero();

			// Confirmed a moment ago: connecting again and deleting ask for nothing more.
			spa.button("Connect Local ID").click();
			assertThat(spa.status("Local ID is connected")).isVisible();
			spa.button("Delete my account").click();
			spa.button("Yes, delete my account and my notes").click();
			assertThat(spa.status("Your account and your notes were deleted.")).isVisible();
			assertThat(suite.count(shape, "SELECT COUNT(*) FROM spa_auth.users WHERE id = ?", id)).isZero();
			assertThat(suite.count(shape, "SELECT COUNT(*) FROM spa_auth.linked_identities WHERE user_id = ?", id)).isZero();
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Shape.class)
	void attacksOnTheFlowFailForTheAttacker(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		String victim = NotesPage.newUsername("victim");
		String attacker = NotesPage.newUsername("mallory");
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			spa.signUp(victim);
			spa.expectSignedInAs(victim);
			spa.logOut();
			spa.expectLogInForm();
			long victimId = suite.count(shape, "SELECT MAX(id) FROM spa_auth.users WHERE username = ?", victim);

			// A return URL on the attacker's site: refused at the API, never followed.
			String evil = suite.attackerOrigin(shape, BrowserSuite.EVIL_HOST) + "/";
			Response refused = spa.page().navigate(deployment.apiUrl("/api/auth/oauth2/local?challenge=" + "A".repeat(43)
					+ "&returnTo=" + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8)));
			assertThat(refused.status()).isEqualTo(400);
			assertThat(spa.page().url()).startsWith(deployment.apiOrigin());

			// A forged state: back to the SPA with an error, nobody signed in.
			spa.page().navigate(deployment.apiUrl("/api/auth/oauth2/callback/local?code=stolen&state=forged"));
			assertThat(spa.alert()).containsText("could not be finished");
			spa.expectLogInForm();

			// The attacker's provider account claims the victim's address, unverified.
			addProviderUser(suite, attacker, NotesPage.email(victim), false);
			spa.button("Sign in with Local ID").click();
			Page page = spa.page();
			Response[] callback = new Response[1];
			page.onResponse((response) -> {
				if (response.url().contains("/api/auth/oauth2/callback/local")) {
					callback[0] = response;
				}
			});
			signInAtProvider(page, attacker);
			assertThat(spa.alert()).containsText("did not confirm your email address");
			spa.expectLogInForm();
			assertThat(suite.count(shape, "SELECT COUNT(*) FROM spa_auth.linked_identities WHERE user_id = ?", victimId))
				.isZero();

			// The same callback again (a replay): the flow was used up.
			assertThat(callback[0]).isNotNull();
			Response replayed = page.navigate(callback[0].url());
			assertThat(replayed.request().redirectedFrom().response().headerValue("location")).contains("authError=state_mismatch");
			assertThat(spa.alert()).containsText("could not be finished");
			spa.expectLogInForm();
		}
	}

	static void addProviderUser(BrowserSuite suite, String username, String email, boolean verified) {
		suite.provider().users().add(new DevUsers.DevUser(username, "pw-" + username, email, verified, username));
	}

	/** The provider's own sign-in page, as its user fills it in; then back to the SPA. */
	static void signInAtProvider(Page page, String username) {
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Local ID"))).isVisible();
		String provider = page.url().replaceAll("^(http://localhost:\\d+)/.*$", "$1");
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill("pw-" + username);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in to Local ID")).click();
		try {
			page.waitForURL(Pattern.compile("^(?!" + Pattern.quote(provider) + ").*"));
		}
		catch (com.microsoft.playwright.TimeoutError ex) {
			throw new AssertionError("Still at the provider: " + page.url() + "\n" + page.content(), ex);
		}
	}

	private static void confirmWithPassword(NotesPage spa) {
		spa.reauthDialog().getByLabel("Current password").fill(NotesPage.PASSWORD);
		spa.reauthDialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm")).click();
	}

	private static Locator connected(NotesPage spa) {
		return spa.page().getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Connected sign-ins"));
	}

}
