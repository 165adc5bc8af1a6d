package dev.spaauth.browser;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Account protection" (README) in Chromium: what a script injected into the logged-in SPA can and
 * cannot do to the account (it can use the session, but neither steal it nor take the account over),
 * the real user's flows through the SPA's account screens with the mails from the backend's
 * development mailbox (email change with "Confirm it's you", password reset), and sessions across
 * two browsers. In shape 1 the screens are also saved to {@code target/screenshots/} for people to
 * look at.
 */
@ExtendWith(BrowserSuiteExtension.class)
class AccountProtectionBrowserIntegrationTests {

	private static final String NEW_PASSWORD = "violet lantern orbit 2718 canyon";

	/**
	 * What an XSS payload would run in the SPA's page: it reads the CSRF token as such a script can
	 * (the {@code XSRF-TOKEN} cookie where the page may read it, else {@code GET /api/auth/csrf}), then
	 * tries to take the account over with plain {@code fetch} and the victim's cookies. Answers what
	 * it saw, as JSON.
	 */
	private static final String INJECTED_SCRIPT = """
			async ({ api, victimEmail, attackerEmail, guess, newPassword }) => {
			  const seen = { documentCookie: document.cookie };
			  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
			  let token;
			  if (cookie) {
			    token = decodeURIComponent(cookie.slice('XSRF-TOKEN='.length));
			    seen.tokenFrom = 'document.cookie';
			  } else {
			    const r = await fetch(api + '/api/auth/csrf', { credentials: 'include' });
			    token = (await r.json()).csrfToken;
			    seen.tokenFrom = 'GET /api/auth/csrf';
			  }
			  const post = async (path, body) => {
			    const r = await fetch(api + path, {
			      method: 'POST',
			      credentials: 'include',
			      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
			      body: JSON.stringify(body),
			    });
			    const text = await r.text();
			    let json = null;
			    try { json = JSON.parse(text); } catch (e) { /* not JSON */ }
			    return { status: r.status, code: json?.code ?? null, body: text };
			  };
			  seen.changeEmail = await post('/api/auth/email', { newEmail: attackerEmail });
			  seen.reauthenticateWithGuess = await post('/api/auth/reauthenticate', { password: guess });
			  seen.changeEmailAgain = await post('/api/auth/email', { newEmail: attackerEmail });
			  seen.changePasswordWithoutCurrent = await post('/api/auth/password', { newPassword });
			  seen.changePasswordWithGuess = await post('/api/auth/password', { currentPassword: guess, newPassword });
			  seen.resetPassword = await post('/api/auth/password-reset', { email: victimEmail });
			  const session = await fetch(api + '/api/auth/session', { credentials: 'include' });
			  seen.session = await session.json();
			  seen.documentCookieAfter = document.cookie;
			  return JSON.stringify(seen);
			}
			""";

	@ParameterizedTest(name = "{0}")
	@EnumSource(Shape.class)
	void injectedScriptCanNeitherStealTheSessionNorTakeTheAccountOver(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		Mailbox mailbox = deployment.mailbox();
		String victim = NotesPage.newUsername("v");
		String victimEmail = NotesPage.email(victim);
		String attackerEmail = NotesPage.newUsername("mallory") + "@evil.test";
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			spa.signUp(victim);
			spa.expectSignedInAs(victim);
			// Logged in the ordinary way: a log-in does not make the session fresh.
			spa.logOut();
			spa.logIn(victim);
			spa.expectSignedInAs(victim);
			Cookie session = context.cookies(deployment.apiUrl("/"))
				.stream()
				.filter((cookie) -> cookie.name.equals("__Host-SESSION"))
				.findFirst()
				.orElseThrow();

			String answer = (String) spa.page()
				.evaluate(INJECTED_SCRIPT,
						Map.of("api", deployment.apiOrigin(), "victimEmail", victimEmail, "attackerEmail",
								attackerEmail, "guess", "password123 letmein qwerty", "newPassword",
								"mallory owns this account now 1975"));
			JsonObject seen = JsonParser.parseString(answer).getAsJsonObject();
			BrowserSuite.log("%s: the injected script saw %s", shape, summary(seen));

			// (a) The session cookie is out of the script's reach.
			assertThat(seen.get("documentCookie").getAsString()).doesNotContain("SESSION")
				.doesNotContain(session.value);
			assertThat(seen.get("documentCookieAfter").getAsString()).doesNotContain("SESSION")
				.doesNotContain(session.value);
			assertThat(seen.get("tokenFrom").getAsString())
				.isEqualTo(shape.crossOrigin() ? "GET /api/auth/csrf" : "document.cookie");
			// (b) The email change needs a fresh session, which only the password gives.
			expectProblem(seen, "changeEmail", 403, "reauthentication_required");
			expectProblem(seen, "reauthenticateWithGuess", 400, "invalid_credentials");
			expectProblem(seen, "changeEmailAgain", 403, "reauthentication_required");
			// (c) The password change needs the current password.
			expectProblem(seen, "changePasswordWithoutCurrent", 400, "validation_failed");
			assertThat(seen.getAsJsonObject("changePasswordWithoutCurrent").get("body").getAsString())
				.contains("currentPassword");
			expectProblem(seen, "changePasswordWithGuess", 400, "invalid_credentials");
			// (d) A reset can be asked for, but the link goes to the victim's own address.
			assertThat(seen.getAsJsonObject("resetPassword").get("status").getAsInt()).as(seen.toString())
				.isEqualTo(202);
			assertThat(seen.getAsJsonObject("session").get("authenticated").getAsBoolean()).isTrue();
			assertThat(seen.getAsJsonObject("session").getAsJsonObject("user").get("email").getAsString())
				.isEqualTo(victimEmail);

			Mailbox.Mail reset = mailbox.awaitMail(victimEmail, "Reset your password");
			assertThat(reset.link()).startsWith(deployment.spaOrigin() + "/#/reset-password?token=");
			assertThat(mailbox.to(attackerEmail)).as("mails to the attacker's address").isEmpty();
			assertThat(mailbox.to(victimEmail)).as("mails to the victim's address since the sign-up's confirmation")
				.filteredOn((mail) -> !mail.subject().equals("Confirm your email address"))
				.containsExactly(reset);

			// The victim still has their session, their email and their password.
			spa.reload();
			spa.expectSignedInAs(victim);
			spa.openAccount();
			assertThat(spa.page().getByText("Your email is " + victimEmail + ".")).isVisible();
			spa.logOut();
			spa.expectLogInForm();
			spa.logIn(victim);
			spa.expectSignedInAs(victim);
			assertThat(mailbox.to(attackerEmail)).as("mails to the attacker's address").isEmpty();
			assertThat(mailbox.to(victimEmail)).as("mails to the victim's address since the sign-up's confirmation")
				.filteredOn((mail) -> !mail.subject().equals("Confirm your email address"))
				.containsExactly(reset);
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Shape.class, names = { "BACKEND", "SIBLING_SUBDOMAINS" })
	void changeEmailWithTheConfirmItsYouDialogThenResetThePasswordThroughTheMailedLinks(Shape shape,
			BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		Mailbox mailbox = deployment.mailbox();
		String username = NotesPage.newUsername("e");
		String oldEmail = NotesPage.email(username);
		String newEmail = username + "@new.example.org";
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			Page page = spa.page();
			spa.signUp(username);
			spa.expectSignedInAs(username);

			// Change email: the session is not fresh, so the SPA asks for the password first.
			spa.openAccount();
			page.getByLabel("New email").fill(newEmail);
			spa.button("Change email").click();
			assertThat(spa.reauthDialog()).isVisible();
			assertThat(spa.reauthDialog().getByLabel("Current password")).isFocused();
			// The viewport, as a person sees it: a full-page capture misplaces the fixed backdrop.
			screenshot(suite, shape, page, "reauth-dialog", false);
			spa.reauthDialog().getByLabel("Current password").fill(NotesPage.PASSWORD);
			spa.reauthDialog()
				.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm"))
				.click();
			assertThat(spa.status("Check " + newEmail + " for a confirmation link.")).isVisible();
			assertThat(spa.reauthDialog()).isHidden();
			assertThat(page.getByText("Your email is " + oldEmail + ".")).isVisible();
			mailbox.awaitMail(oldEmail, "A change of your email address was requested");
			String confirmation = mailbox.awaitMail(newEmail, "Confirm your new email address").link();
			assertThat(confirmation).startsWith(deployment.spaOrigin() + "/#/confirm-email?token=");

			// The link from the mail, opened in the browser.
			page.navigate(confirmation);
			assertThat(spa.heading("Confirm your new email")).isVisible();
			assertThat(spa.status("Email changed to " + newEmail + ".")).isVisible();
			assertThat(page).not().hasURL(Pattern.compile("token"));
			screenshot(suite, shape, page, "confirm-email");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue")).click();
			assertThat(spa.heading("Account settings")).isVisible();
			assertThat(page.getByText("Your email is " + newEmail + ".")).isVisible();
			mailbox.awaitMail(oldEmail, "Your email address was changed");

			// Forgot password, from the log-in form, for the new address.
			spa.logOut();
			spa.expectLogInForm();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot password?")).click();
			assertThat(spa.heading("Forgot your password?")).isVisible();
			page.getByLabel("Email").fill(newEmail);
			spa.button("Send reset link").click();
			assertThat(spa.status("If an account uses this address")).isVisible();
			screenshot(suite, shape, page, "forgot-password");
			String reset = mailbox.awaitMail(newEmail, "Reset your password").link();
			assertThat(reset).startsWith(deployment.spaOrigin() + "/#/reset-password?token=");
			assertThat(mailbox.to(oldEmail)).extracting(Mailbox.Mail::subject)
				.doesNotContain("Reset your password");

			page.navigate(reset);
			assertThat(spa.heading("Reset your password")).isVisible();
			assertThat(page).not().hasURL(Pattern.compile("token"));
			screenshot(suite, shape, page, "reset-password");
			page.getByLabel("New password").fill(NEW_PASSWORD);
			spa.button("Set new password").click();
			assertThat(spa.status("Password changed. Log in with your new password.")).isVisible();
			mailbox.awaitMail(newEmail, "Your password was reset");

			spa.logIn(username, NotesPage.PASSWORD);
			assertThat(spa.alert()).containsText("Invalid username or password");
			spa.logIn(username, NEW_PASSWORD);
			spa.expectSignedInAs(username);

			if (shape == Shape.BACKEND) {
				// The demo's mailbox page, with this user's mails among them.
				page.navigate(deployment.spaOrigin() + "/mailbox.html");
				assertThat(page.getByRole(AriaRole.ARTICLE)
					.filter(new Locator.FilterOptions().setHasText("To " + newEmail))
					.first()).isVisible();
				screenshot(suite, shape, page, "mailbox");
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Shape.class, names = { "BACKEND", "SIBLING_SUBDOMAINS" })
	void signOutAnotherBrowsersSessionThenChangeThePasswordWhichEndsTheOtherSessions(Shape shape,
			BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		String username = NotesPage.newUsername("s");
		try (BrowserContext contextA = suite.newContext(); BrowserContext contextB = suite.newContext()) {
			NotesPage a = NotesPage.in(contextA).open(deployment);
			a.signUp(username);
			a.expectSignedInAs(username);
			NotesPage b = NotesPage.in(contextB).open(deployment);
			b.logIn(username);
			b.expectSignedInAs(username);

			a.openAccount();
			assertThat(a.sessions()).hasCount(2);
			assertThat(a.sessions().filter(new Locator.FilterOptions().setHasText("This device")))
				.hasCount(1);
			assertThat(a.button("Sign out this session")).hasCount(1);
			screenshot(suite, shape, a.page(), "account-settings");

			// A ends B's session: B's next request is anonymous.
			a.button("Sign out this session").click();
			assertThat(a.status("Signed out ")).isVisible();
			assertThat(a.sessions()).hasCount(1);
			b.reload();
			b.expectLogInForm();

			// B logs in again; A changes the password: B's session ends, A's goes on.
			b.logIn(username);
			b.expectSignedInAs(username);
			a.page().getByLabel("Current password").fill(NotesPage.PASSWORD);
			a.page().getByLabel("New password").fill(NEW_PASSWORD);
			a.button("Change password").click();
			assertThat(a.status("Password changed. Other sessions were signed out.")).isVisible();
			assertThat(a.sessions()).hasCount(1);

			b.page().getByLabel("New note").fill("Written after the password changed elsewhere");
			b.button("Add note").click();
			b.expectLogInForm();
			assertThat(b.alert()).containsText("Your session has ended. Please log in again.");

			a.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to notes")).click();
			a.expectSignedInAs(username);
			a.addNote("Still signed in here");
			a.reload();
			a.expectSignedInAs(username);
			assertThat(a.note("Still signed in here")).isVisible();
		}
	}

	/** What the script saw, without the bodies: {@code step status code}. */
	private static String summary(JsonObject seen) {
		StringBuilder summary = new StringBuilder("document.cookie \"")
			.append(seen.get("documentCookie").getAsString().replaceAll("=[^;]*", "=…"))
			.append("\", token from ")
			.append(seen.get("tokenFrom").getAsString());
		for (String step : seen.keySet()) {
			if (seen.get(step).isJsonObject() && seen.getAsJsonObject(step).has("status")) {
				JsonObject answer = seen.getAsJsonObject(step);
				summary.append(", ").append(step).append(' ').append(answer.get("status").getAsInt());
				if (!answer.get("code").isJsonNull()) {
					summary.append(' ').append(answer.get("code").getAsString());
				}
			}
		}
		return summary.toString();
	}

	private static void expectProblem(JsonObject seen, String step, int status, String code) {
		JsonObject answer = seen.getAsJsonObject(step);
		assertThat(answer.get("status").getAsInt()).as("%s: %s", step, answer).isEqualTo(status);
		assertThat(answer.get("code").isJsonNull() ? null : answer.get("code").getAsString()).as("%s: %s", step, answer)
			.isEqualTo(code);
	}

	/** In shape 1 only: the page as a person sees it, into {@code target/screenshots/}. */
	private static void screenshot(BrowserSuite suite, Shape shape, Page page, String name) {
		screenshot(suite, shape, page, name, true);
	}

	private static void screenshot(BrowserSuite suite, Shape shape, Page page, String name, boolean fullPage) {
		if (shape != Shape.BACKEND) {
			return;
		}
		Path file = suite.screenshots().resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(fullPage));
		BrowserSuite.log("screenshot %s", file);
	}

}
