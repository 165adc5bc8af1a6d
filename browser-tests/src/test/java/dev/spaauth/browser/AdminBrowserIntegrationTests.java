package dev.spaauth.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The demo's administration screen in Chromium, on the demo's own security filter chain: only the
 * administrator sees it, a non-administrator opening it gets the server's 403, and making someone an
 * administrator signs their sessions out and gives them the screen at their next log-in.
 */
@ExtendWith(BrowserSuiteExtension.class)
class AdminBrowserIntegrationTests {

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Shape.class, names = { "BACKEND", "SIBLING_SUBDOMAINS" })
	void administratorMakesAnotherAccountAnAdministrator(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		String bob = NotesPage.newUsername("b");
		try (BrowserContext adminContext = suite.newContext(); BrowserContext bobContext = suite.newContext()) {
			NotesPage admin = NotesPage.in(adminContext).open(deployment);
			admin.signUp(BrowserSuite.ADMIN_USERNAME);
			admin.expectSignedInAs(BrowserSuite.ADMIN_USERNAME);

			NotesPage other = NotesPage.in(bobContext).open(deployment);
			other.signUp(bob);
			other.expectSignedInAs(bob);
			assertThat(adminLink(other.page())).isHidden();
			other.page().navigate(deployment.spaUrl() + "#/admin");
			assertThat(other.alert()).hasText("Your account is not allowed to do this. Ask an administrator if you need access.");
			assertThat(accounts(other.page())).hasCount(0);

			adminLink(admin.page()).click();
			assertThat(admin.heading("Administration")).isVisible();
			Locator bobRow = accounts(admin.page()).filter(new Locator.FilterOptions().setHasText(bob));
			assertThat(accounts(admin.page()).filter(new Locator.FilterOptions().setHasText(BrowserSuite.ADMIN_USERNAME)))
				.containsText("You");
			bobRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make admin")).click();
			assertThat(admin.status(bob + " is now an admin. Their sessions were signed out.")).isVisible();
			assertThat(bobRow).containsText("ADMIN, USER");
			if (shape == Shape.BACKEND) {
				admin.page().screenshot(new Page.ScreenshotOptions().setPath(suite.screenshots().resolve("admin.png")));
			}

			other.page().navigate(deployment.spaUrl());
			other.expectLogInForm();
			other.logIn(bob);
			adminLink(other.page()).click();
			assertThat(other.heading("Administration")).isVisible();
			assertThat(accounts(other.page())).not().hasCount(0);
		}
	}

	private static Locator adminLink(Page page) {
		return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin").setExact(true));
	}

	private static Locator accounts(Page page) {
		return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Accounts")).getByRole(AriaRole.LISTITEM);
	}

}
