package dev.spaauth.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Delete my account" in Chromium, in every shape: two clicks and "Confirm it's you", then the
 * log-in tab; the password no longer works, and the store holds nothing of the account: no user
 * row, no note, no session.
 */
@ExtendWith(BrowserSuiteExtension.class)
class AccountDeletionBrowserIntegrationTests {

	@ParameterizedTest(name = "{0}")
	@EnumSource(Shape.class)
	void deleteMyAccountLeavesNothingInTheStore(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		String username = NotesPage.newUsername("x");
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			spa.signUp(username);
			spa.expectSignedInAs(username);
			spa.addNote("soon gone " + shape.name());
			long id = suite.count(shape, "SELECT MAX(id) FROM spa_auth.users WHERE username = ?", username);
			assertThat(suite.count(shape, "SELECT COUNT(*) FROM notes WHERE owner_id = ?", id)).isEqualTo(1);

			spa.openAccount();
			spa.button("Delete my account").click();
			spa.button("Yes, delete my account and my notes").click();
			spa.reauthDialog().getByLabel("Current password").fill(NotesPage.PASSWORD);
			spa.reauthDialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm")).click();

			assertThat(spa.status("Your account and your notes were deleted.")).isVisible();
			spa.expectLogInForm();
			assertThat(suite.count(shape, "SELECT COUNT(*) FROM spa_auth.users WHERE id = ?", id)).isZero();
			assertThat(suite.count(shape, "SELECT COUNT(*) FROM notes WHERE owner_id = ?", id)).isZero();
			assertThat(suite.count(shape, "SELECT COUNT(*) FROM spa_auth.spring_session WHERE principal_name = ?",
					username)).isZero();
			spa.logIn(username);
			assertThat(spa.alert()).containsText("Invalid username or password");
		}
	}

}
