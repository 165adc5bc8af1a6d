package dev.spaauth.browser;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SPA in a browser that blocks third-party cookies (Chromium's "Block third-party cookies", the
 * default of Playwright's contexts and of a fresh Chromium 156 profile here): sibling subdomains
 * keep working, since the API's cookies are same-site; different sites cannot keep a session.
 */
@ExtendWith(BrowserSuiteExtension.class)
class ThirdPartyCookiesBlockedIntegrationTests {

	@Test
	void siblingSubdomainsWorkWithThirdPartyCookiesBlocked(BrowserSuite suite) {
		Deployment deployment = suite.deployment(Shape.SIBLING_SUBDOMAINS);
		try (BrowserContext context = suite.newContextBlockingThirdPartyCookies()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			String username = NotesPage.newUsername("s");
			spa.signUp(username);
			spa.expectSignedInAs(username);
			spa.addNote("Same site, first-party cookies");
			spa.reload();
			spa.expectSignedInAs(username);
			assertThat(spa.note("Same site, first-party cookies")).isVisible();
		}
	}

	@Test
	void differentSitesCannotSignUpWithThirdPartyCookiesBlocked(BrowserSuite suite) {
		Deployment deployment = suite.deployment(Shape.CROSS_SITE);
		try (BrowserContext context = suite.newContextBlockingThirdPartyCookies()) {
			List<String> calls = new CopyOnWriteArrayList<>();
			context.onResponse((response) -> {
				if (response.url().startsWith(deployment.apiOrigin())) {
					calls.add(response.request().method() + " " + URI.create(response.url()).getPath() + " "
							+ response.status());
				}
			});
			NotesPage spa = NotesPage.in(context).open(deployment);
			spa.submitSignUp(NotesPage.newUsername("t"));

			assertThat(spa.alert()).isVisible();
			String alert = spa.alert().first().textContent();
			BrowserSuite.log("shape 4 with third-party cookies blocked: the SPA shows \"%s\"; calls: %s; cookies stored: %s",
					alert, calls, context.cookies().stream().map((cookie) -> cookie.name + "@" + cookie.domain).toList());
			assertThat(calls).contains("POST /api/auth/signup 403");
			assertThat(alert).contains("did not send the API's cookies").contains("third-party cookies");
			assertThat(context.cookies()).isEmpty();
		}
	}

}
