package dev.spaauth.browser;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo SPA in Chromium in every deployment shape: sign up, log out, log in, add a note, reload
 * and still see it, log out; and another user in another browser never sees the first one's notes.
 */
@ExtendWith(BrowserSuiteExtension.class)
class DeploymentShapesIntegrationTests {

	@ParameterizedTest(name = "{0}")
	@EnumSource(Shape.class)
	void signUpLogOutLogInAddNoteReloadAndLogOut(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		String username = NotesPage.newUsername("f");
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).on(deployment);
			List<String> consoleErrors = new CopyOnWriteArrayList<>();
			spa.page().onConsoleMessage((message) -> {
				if (message.type().equals("error")) {
					consoleErrors.add(message.text());
				}
			});
			Response document = spa.page().navigate(deployment.spaUrl());
			if (shape.behindNginx()) {
				// The recipes' Content-Security-Policy is in force, and the SPA needs nothing it forbids.
				assertThat(document.headerValue("content-security-policy")).contains("default-src 'self'");
			}

			spa.signUp(username);
			spa.expectSignedInAs(username);
			spa.logOut();
			spa.expectLogInForm();
			spa.logIn(username);
			spa.expectSignedInAs(username);
			spa.addNote("Buy oat milk");
			spa.reload();
			spa.expectSignedInAs(username);
			assertThat(spa.note("Buy oat milk")).isVisible();
			spa.logOut();
			spa.expectLogInForm();
			spa.reload();
			spa.expectLogInForm();
			assertThat(consoleErrors).noneMatch((text) -> text.contains("Content Security Policy"));
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Shape.class)
	void anotherUserInAnotherBrowserNeverSeesTheFirstUsersNotes(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		try (BrowserContext alices = suite.newContext(); BrowserContext bobs = suite.newContext()) {
			NotesPage alice = NotesPage.in(alices).open(deployment);
			alice.signUp(NotesPage.newUsername("a"));
			alice.addNote("Alice's diary");

			NotesPage bob = NotesPage.in(bobs).open(deployment);
			String bobsName = NotesPage.newUsername("b");
			bob.signUp(bobsName);
			bob.expectSignedInAs(bobsName);
			bob.addNote("Bob's list");
			assertThat(bob.notes()).hasCount(1);
			assertThat(bob.note("Alice's diary")).hasCount(0);
			bob.reload();
			assertThat(bob.note("Bob's list")).isVisible();
			assertThat(bob.notes()).hasCount(1);

			alice.reload();
			assertThat(alice.note("Alice's diary")).isVisible();
			assertThat(alice.notes()).hasCount(1);
		}
	}

}
