package dev.spaauth.browser;

import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in Chromium, in every shape, with a virtual authenticator (Chrome DevTools Protocol,
 * {@code WebAuthn.addVirtualAuthenticator}: a platform authenticator with resident keys and user
 * verification, as a phone or a laptop's fingerprint reader): register from the account screen, sign
 * out, sign in with the passkey alone, confirm a deletion with the passkey instead of the password,
 * then find the deleted passkey refused. An attacker's page on another site cannot ask the
 * authenticator for an assertion for the SPA's relying party.
 */
@ExtendWith(BrowserSuiteExtension.class)
class PasskeyBrowserIntegrationTests {

	/** What a page of another site tries: an assertion for the SPA's RP id. */
	private static final String ASSERT_FOR_ANOTHER_RP = """
			async (rpId) => {
			  try {
			    await navigator.credentials.get({ publicKey: {
			      challenge: new Uint8Array(32), rpId, userVerification: 'required', timeout: 5000 } });
			    return 'got an assertion';
			  } catch (e) {
			    return e.name;
			  }
			}
			""";

	@ParameterizedTest(name = "{0}")
	@EnumSource(Shape.class)
	void registerAPasskeyThenSignInWithItAloneConfirmWithItAndDeleteIt(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		Mailbox mailbox = deployment.mailbox();
		String username = NotesPage.newUsername("p");
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			Page page = spa.page();
			VirtualAuthenticator authenticator = VirtualAuthenticator.on(context, page);
			spa.signUp(username);
			spa.expectSignedInAs(username);

			spa.openAccount();
			page.getByLabel("Passkey name").fill("Laptop");
			spa.button("Add a passkey").click();
			spa.reauthDialog().getByLabel("Current password").fill(NotesPage.PASSWORD);
			spa.reauthDialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm")).click();
			assertThat(spa.status("Passkey “Laptop” added.")).isVisible();
			assertThat(passkeys(page)).hasCount(1);
			mailbox.awaitMail(NotesPage.email(username), "A passkey was added to your account");
			assertThat(authenticator.credentialCount()).isEqualTo(1);

			// Sign out, then in with the passkey alone: no username, no password.
			spa.logOut();
			spa.expectLogInForm();
			spa.button("Sign in with a passkey").click();
			spa.expectSignedInAs(username);
			spa.addNote("signed in with a passkey " + shape.name());
			spa.reload();
			spa.expectSignedInAs(username);

			// Deleting needs a fresh session: "Confirm it's you" with the passkey instead of the password.
			spa.openAccount();
			passkeys(page).first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete passkey Laptop"))
				.click();
			assertThat(spa.reauthDialog()).isVisible();
			spa.reauthDialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Use a passkey")).click();
			assertThat(spa.status("Passkey “Laptop” deleted.")).isVisible();
			assertThat(passkeys(page)).hasCount(0);
			mailbox.awaitMail(NotesPage.email(username), "A passkey was removed from your account");

			// The authenticator still holds the key; the server no longer accepts it.
			spa.logOut();
			spa.button("Sign in with a passkey").click();
			assertThat(spa.alert()).containsText("not accepted");
			assertThat(page.getByText(Pattern.compile("Signed in as"))).isHidden();

			// Another site's page cannot use the SPA's relying party.
			Page evil = context.newPage();
			VirtualAuthenticator.on(context, evil);
			evil.navigate(suite.attackerOrigin(shape, BrowserSuite.EVIL_HOST) + "/");
			String rpId = (shape == Shape.BACKEND) ? "localhost" : "example.test";
			Object refused = evil.evaluate(ASSERT_FOR_ANOTHER_RP, rpId);
			BrowserSuite.log("%s: an assertion for RP id %s from %s -> %s", shape, rpId, BrowserSuite.EVIL_HOST, refused);
			assertThat(refused).isEqualTo("SecurityError");
		}
	}

	private static Locator passkeys(Page page) {
		return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Passkeys")).getByRole(AriaRole.LISTITEM);
	}

	/** A platform authenticator with resident keys and user verification on a page's tab. */
	private record VirtualAuthenticator(CDPSession cdp, String id) {

		static VirtualAuthenticator on(BrowserContext context, Page page) {
			CDPSession cdp = context.newCDPSession(page);
			cdp.send("WebAuthn.enable");
			JsonObject options = new JsonObject();
			options.addProperty("protocol", "ctap2");
			options.addProperty("transport", "internal");
			options.addProperty("hasResidentKey", true);
			options.addProperty("hasUserVerification", true);
			options.addProperty("isUserVerified", true);
			options.addProperty("automaticPresenceSimulation", true);
			JsonObject params = new JsonObject();
			params.add("options", options);
			return new VirtualAuthenticator(cdp, cdp.send("WebAuthn.addVirtualAuthenticator", params)
				.get("authenticatorId")
				.getAsString());
		}

		int credentialCount() {
			JsonObject params = new JsonObject();
			params.addProperty("authenticatorId", this.id);
			return this.cdp.send("WebAuthn.getCredentials", params).getAsJsonArray("credentials").size();
		}

	}

}
