package dev.spaauth.browser;

import com.microsoft.playwright.BrowserContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's confirmed address (spa-auth.signup.email-verification=required) in Chromium: a log-in
 * before the link is followed shows "Check your email"; "Send the link again" mails a new link, the
 * old one then says it is used, the new one confirms and leads to the log-in. (Every sign-up of the
 * suite goes through the link: {@link NotesPage#signUp}.)
 */
@ExtendWith(BrowserSuiteExtension.class)
class EmailVerificationBrowserIntegrationTests {

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Shape.class, names = { "BACKEND", "CROSS_SITE" })
	void logInBeforeConfirmingThenSendTheLinkAgainAndConfirm(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		String username = NotesPage.newUsername("e");
		String email = NotesPage.email(username);
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			spa.submitSignUp(username);
			assertThat(spa.heading("Check your email")).isVisible();
			assertThat(spa.page().getByText("We sent a link to " + email)).isVisible();
			String first = deployment.mailbox().awaitMail(email, "Confirm your email address").link();
			spa.page().getByRole(com.microsoft.playwright.options.AriaRole.LINK,
					new com.microsoft.playwright.Page.GetByRoleOptions().setName("Back to log in")).click();

			spa.logIn(username);
			assertThat(spa.heading("Check your email")).isVisible();
			assertThat(spa.alert()).containsText("Confirm your email address first");
			// Exact: the screen and its form are labelled "Check your email" too.
			spa.page().getByLabel("Email", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill(email);
			spa.button("Send the link again").click();
			assertThat(spa.status("a new confirmation link is on its way")).isVisible();
			org.awaitility.Awaitility.await().until(() -> deployment.mailbox().to(email).size() == 2);
			String second = deployment.mailbox().awaitMail(email, "Confirm your email address").link();
			assertThat(second).isNotEqualTo(first);

			spa.page().navigate(first);
			assertThat(spa.heading("Confirm your email address")).isVisible();
			assertThat(spa.alert()).containsText("This link is used, too old or not ours");
			spa.page().navigate(second);
			assertThat(spa.status("Your email address is confirmed")).isVisible();
			spa.page().getByLabel("Password").fill(NotesPage.PASSWORD);
			spa.button("Log in").click();
			spa.expectSignedInAs(username);
		}
	}

}
