package dev.spaauth.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * New-device notices in Chromium: the browser that signed up is known (its device cookie kept across
 * log-out), a second browser's sign-in is mailed, and the owner's "This wasn't me" from the mail's
 * link signs the intruder out and locks the password until a reset.
 */
@ExtendWith(BrowserSuiteExtension.class)
class NewDeviceNoticeBrowserIntegrationTests {

	private static final String NEW_SIGN_IN = "New sign-in to your account";

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Shape.class, names = { "BACKEND", "CROSS_SITE" })
	void aSecondBrowsersSignInIsMailedAndThisWasntMeSignsItOut(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		Mailbox mailbox = deployment.mailbox();
		String username = NotesPage.newUsername("d");
		String address = NotesPage.email(username);
		try (BrowserContext ownerContext = suite.newContext(); BrowserContext intruderContext = suite.newContext()) {
			NotesPage owner = NotesPage.in(ownerContext).open(deployment);
			owner.signUp(username);
			owner.expectSignedInAs(username);
			owner.logOut();
			owner.logIn(username);
			owner.expectSignedInAs(username);

			NotesPage intruder = NotesPage.in(intruderContext).open(deployment);
			intruder.logIn(username);
			intruder.expectSignedInAs(username);
			Mailbox.Mail notice = mailbox.awaitMail(address, NEW_SIGN_IN);
			assertThat(mailbox.to(address)).extracting(Mailbox.Mail::subject).containsOnlyOnce(NEW_SIGN_IN);
			assertThat(notice.text()).contains("Chrome");
			assertThat(notice.link()).startsWith(deployment.spaOrigin() + "/#/not-me?token=");

			Page page = owner.page();
			page.navigate(notice.link());
			assertThat(owner.heading("Secure your account")).isVisible();
			assertThat(page).not().hasURL(Pattern.compile("token"));
			owner.button("This wasn't me: secure my account").click();
			assertThat(owner.status("Every session of your account was signed out")).isVisible();
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Set a new password")))
				.isVisible();
			mailbox.awaitMail(address, "Your account was secured");

			intruder.reload();
			intruder.expectLogInForm();
			intruder.logIn(username);
			assertThat(intruder.alert()).containsText("Invalid username or password");
		}
	}

}
