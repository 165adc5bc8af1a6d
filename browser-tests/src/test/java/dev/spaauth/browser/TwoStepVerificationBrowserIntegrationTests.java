package dev.spaauth.browser;

import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.spaauth.mfa.Totp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-step verification in Chromium, in every shape: a user sets up an authenticator app from the
 * account screen (the QR code drawn by the SPA, the secret read off the page as a phone would, codes
 * computed by the test), then logs in with password + code and with password + recovery code. The
 * attacks: a log-in waiting for its second factor used on the API, a replayed code, a used recovery
 * code.
 */
@ExtendWith(BrowserSuiteExtension.class)
class TwoStepVerificationBrowserIntegrationTests {

	/** What a script in the page does with a session that holds only the password: uses it on the API. */
	private static final String USE_PENDING_SESSION = """
			async (api) => {
			  const csrf = await (await fetch(api + '/api/auth/csrf', { credentials: 'include' })).json();
			  const read = await fetch(api + '/api/notes', { credentials: 'include' });
			  const write = await fetch(api + '/api/notes', {
			    method: 'POST',
			    credentials: 'include',
			    headers: { 'Content-Type': 'application/json', [csrf.headerName]: csrf.csrfToken },
			    body: JSON.stringify({ text: 'written by a half-done log-in' }),
			  });
			  const session = await (await fetch(api + '/api/auth/session', { credentials: 'include' })).json();
			  return JSON.stringify({ read: read.status, readCode: (await read.json()).code, write: write.status,
			    writeCode: (await write.json()).code, session });
			}
			""";

	@ParameterizedTest(name = "{0}")
	@EnumSource(Shape.class)
	void setUpAnAuthenticatorThenLogInWithACodeAndWithARecoveryCode(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		Mailbox mailbox = deployment.mailbox();
		String username = NotesPage.newUsername("t");
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			Page page = spa.page();
			spa.signUp(username);
			spa.expectSignedInAs(username);

			// Set-up: "Confirm it's you" first, then the QR code and the key, then the app's first code.
			spa.openAccount();
			assertThat(page.getByText("Off: your password alone signs you in.")).isVisible();
			spa.button("Set up authenticator app").click();
			spa.reauthDialog().getByLabel("Current password").fill(NotesPage.PASSWORD);
			spa.reauthDialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm")).click();
			assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code for your authenticator app")))
				.isVisible();
			String secret = page.locator("#totp-secret").textContent();
			assertThat(secret).matches("[A-Z2-7]{32}");
			page.getByLabel("Code from the app").fill(Totp.code(secret, step()));
			spa.button("Turn on").click();
			assertThat(spa.status("Two-step verification is on.")).isVisible();
			Locator codes = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Your recovery codes"))
				.getByRole(AriaRole.LISTITEM);
			assertThat(codes).hasCount(10);
			List<String> recoveryCodes = codes.allTextContents();
			assertThat(page.getByText("On: signing in needs a code from your authenticator app. 10 recovery codes left."))
				.isVisible();
			mailbox.awaitMail(NotesPage.email(username), "An authenticator app was added to your account");

			// Password, then the app's code.
			spa.logOut();
			spa.logIn(username);
			assertThat(spa.heading("Two-step verification")).isVisible();
			assertThat(page.getByText(java.util.regex.Pattern.compile("Signed in as"))).isHidden();
			String code = Totp.code(secret, step() + 1);
			page.getByLabel("Authentication code").fill(code);
			spa.button("Verify").click();
			spa.expectSignedInAs(username);
			spa.addNote("after two steps " + shape.name());
			spa.reload();
			spa.expectSignedInAs(username);

			// The same code again, in the next log-in: refused.
			spa.logOut();
			spa.logIn(username);
			assertThat(spa.heading("Two-step verification")).isVisible();
			page.getByLabel("Authentication code").fill(code);
			spa.button("Verify").click();
			assertThat(spa.alert()).containsText("That code is not right, or was used already.");

			// Meanwhile the session holds only the password: the API refuses it, and a reload keeps the step.
			JsonObject seen = JsonParser
				.parseString((String) page.evaluate(USE_PENDING_SESSION, deployment.apiOrigin()))
				.getAsJsonObject();
			BrowserSuite.log("%s: a half-done log-in on the API saw %s", shape, seen);
			assertThat(seen.get("read").getAsInt()).isEqualTo(401);
			assertThat(seen.get("readCode").getAsString()).isEqualTo("mfa_required");
			assertThat(seen.get("write").getAsInt()).isEqualTo(401);
			assertThat(seen.get("writeCode").getAsString()).isEqualTo("mfa_required");
			assertThat(seen.getAsJsonObject("session").get("authenticated").getAsBoolean()).isFalse();
			assertThat(seen.getAsJsonObject("session").get("mfaRequired").getAsBoolean()).isTrue();
			spa.reload();
			assertThat(spa.heading("Two-step verification")).isVisible();

			// A recovery code instead: works once.
			spa.button("Use a recovery code instead").click();
			page.getByLabel("Recovery code").fill(recoveryCodes.get(0));
			spa.button("Verify").click();
			spa.expectSignedInAs(username);
			assertThat(spa.note("after two steps " + shape.name())).isVisible();
			mailbox.awaitMail(NotesPage.email(username), "A recovery code was used to sign in");
			spa.logOut();
			spa.logIn(username);
			spa.button("Use a recovery code instead").click();
			page.getByLabel("Recovery code").fill(recoveryCodes.get(0));
			spa.button("Verify").click();
			assertThat(spa.alert()).containsText("That code is not right, or was used already.");
			spa.button("Cancel").click();
			spa.expectLogInForm();
		}
	}

	private static long step() {
		return System.currentTimeMillis() / 1000 / Totp.STEP_SECONDS;
	}

}
