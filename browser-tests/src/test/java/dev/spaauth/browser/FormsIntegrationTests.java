package dev.spaauth.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SPA's forms in Chromium: a validation problem names the fields by the form's labels (not the
 * API's field names), text typed when the session ended comes back after the same user logs in
 * again (and only for that user), and an invalid field stays red under the pointer.
 */
@ExtendWith(BrowserSuiteExtension.class)
class FormsIntegrationTests {

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Shape.class, names = "BACKEND")
	void validationProblemsNameTheFieldsByTheFormsLabels(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		String username = NotesPage.newUsername("l");
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			Page page = spa.page();

			// Sign-up: the API says "Please correct: username, password."
			page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Create an account")).click();
			page.getByLabel("Username").fill("x!");
			page.getByLabel("Email").fill(NotesPage.email(username));
			page.getByLabel("Password").fill("short");
			spa.button("Sign up").click();
			assertThat(spa.alert()).hasText("Please correct: Username, Password.");
			// The field messages next to the fields are the API's, as they were.
			assertThat(page.getByText("Use 3 to 50 letters, digits, '.', '_' or '-'.")).isVisible();
			assertThat(page.getByText("Use at least 8 characters.")).isVisible();
			assertThat(page.getByLabel("Password")).hasAttribute("aria-invalid", "true");
			page.getByLabel("Username").fill(username);
			page.getByLabel("Password").fill(NotesPage.PASSWORD);
			spa.button("Sign up").click();
			spa.confirmAndLogIn(username);
			spa.expectSignedInAs(username);

			// A note of 2,001 characters: "text" in the API, "New note" on the screen.
			page.getByLabel("New note").fill("x".repeat(2001));
			spa.button("Add note").click();
			assertThat(spa.alert()).hasText("Please correct: New note.");
			assertThat(page.getByText("Keep the note to 2000 characters or fewer.")).isVisible();
			assertThat(spa.notes()).hasCount(0);

			// Change email ("newEmail"), after the "Confirm it's you" dialog.
			spa.openAccount();
			page.getByLabel("New email").fill("not-an-email");
			spa.button("Change email").click();
			spa.reauthDialog().getByLabel("Current password").fill(NotesPage.PASSWORD);
			spa.reauthDialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm")).click();
			assertThat(form(page, "Change email").getByRole(AriaRole.ALERT)).hasText("Please correct: New email.");
			assertThat(page.getByLabel("New email")).hasAttribute("aria-invalid", "true");

			// Change password ("newPassword").
			page.getByLabel("Current password").fill(NotesPage.PASSWORD);
			page.getByLabel("New password").fill("short");
			spa.button("Change password").click();
			assertThat(form(page, "Change password").getByRole(AriaRole.ALERT))
				.hasText("Please correct: New password.");
			assertThat(page.getByLabel("New password")).hasAttribute("aria-invalid", "true");
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Shape.class, names = { "BACKEND", "CROSS_SITE" })
	void textTypedWhenTheSessionEndedIsBackAfterTheSameUserLogsInAgain(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		String alice = NotesPage.newUsername("d");
		String bob = NotesPage.newUsername("o");
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			Page page = spa.page();
			spa.signUp(bob);
			spa.expectSignedInAs(bob);
			spa.logOut();
			spa.expectLogInForm();
			spa.signUp(alice);
			spa.expectSignedInAs(alice);

			// A note, typed while the session ends on the server.
			String note = "Written while the session ended";
			page.getByLabel("New note").fill(note);
			spa.endSessionOnTheServer(deployment);
			spa.button("Add note").click();
			spa.expectLogInForm();
			assertThat(spa.alert()).hasText("Your session has ended. Please log in again.");
			assertThat(page.evaluate("() => localStorage.length + sessionStorage.length")).isEqualTo(0);
			spa.logIn(alice);
			spa.expectSignedInAs(alice);
			assertThat(page.getByLabel("New note")).hasValue(note);
			assertThat(page.getByLabel("New note")).isFocused();
			spa.button("Add note").click();
			assertThat(spa.note(note)).isVisible();
			assertThat(page.getByLabel("New note")).hasValue("");

			// The account settings: the new email comes back, the password does not.
			String newEmail = alice + "@new.example.org";
			spa.openAccount();
			page.getByLabel("Current password").fill(NotesPage.PASSWORD);
			page.getByLabel("New email").fill(newEmail);
			spa.endSessionOnTheServer(deployment);
			spa.button("Change email").click();
			spa.expectLogInForm();
			spa.logIn(alice);
			assertThat(spa.heading("Account settings")).isVisible();
			assertThat(page.getByLabel("New email")).hasValue(newEmail);
			assertThat(page.getByLabel("Current password")).hasValue("");

			// Someone else logs in on this tab: alice's text is dropped, for good.
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to notes")).click();
			page.getByLabel("New note").fill("Alice's draft, not for Bob");
			spa.endSessionOnTheServer(deployment);
			spa.button("Add note").click();
			assertThat(spa.alert()).hasText("Your session has ended. Please log in again.");
			spa.logIn(bob);
			spa.expectSignedInAs(bob);
			assertThat(page.getByLabel("New note")).hasValue("");
			assertThat(spa.notes()).hasCount(0);
			spa.logOut();
			spa.logIn(alice);
			spa.expectSignedInAs(alice);
			assertThat(spa.note(note)).isVisible();
			assertThat(page.getByLabel("New note")).hasValue("");
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Shape.class, names = "BACKEND")
	void anInvalidFieldStaysRedUnderThePointer(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			Page page = spa.page();
			// No transitions: the computed colours are final at once.
			page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
			Locator username = page.getByLabel("Username");
			Locator password = page.getByLabel("Password");

			spa.button("Log in").click();
			assertThat(password).hasAttribute("aria-invalid", "true");
			assertThat(username).isFocused();
			// The colours of the page itself: a field message is in --danger, the tagline in --muted
			// (the border of a hovered field).
			String danger = color(page.getByText("Enter your password."));
			String hover = color(page.getByText("A private notebook that remembers you."));
			assertThat(danger).isNotEqualTo(hover);

			password.hover();
			assertThat(password).hasCSS("border-top-color", danger);
			assertThat(username).hasCSS("border-top-color", danger); // invalid and focused

			// Once valid, the same field under the pointer has the hover colour.
			password.fill("x");
			username.focus();
			password.hover();
			assertThat(password).hasCSS("border-top-color", hover);
		}
	}

	private static Locator form(Page page, String name) {
		return page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName(name));
	}

	private static String color(Locator locator) {
		return (String) locator.evaluate("(element) => getComputedStyle(element).color");
	}

}
