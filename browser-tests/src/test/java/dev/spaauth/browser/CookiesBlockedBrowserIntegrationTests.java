package dev.spaauth.browser;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser that keeps no cookie at all ("Don't allow sites to save data"): the client tells the SPA
 * at once, with a {@code CookiesBlockedError} of reason {@code none} (the API's 403
 * {@code csrf_failed} says no cookie came), and the demo says what to do instead of a later
 * confusing 401 or 403.
 */
@ExtendWith(BrowserSuiteExtension.class)
class CookiesBlockedBrowserIntegrationTests {

	@ParameterizedTest
	@EnumSource(value = Shape.class, names = { "BACKEND", "CROSS_SITE" })
	void signUpWhenTheBrowserKeepsNoCookiesThenTheSpaSaysToAllowThemForTheApisHost(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		try (BrowserContext context = suite.newContextBlockingAllCookies()) {
			List<String> calls = new CopyOnWriteArrayList<>();
			context.onResponse((response) -> {
				if (response.url().startsWith(deployment.apiOrigin() + "/api/auth/")) {
					calls.add(response.request().method() + " " + URI.create(response.url()).getPath() + " "
							+ response.status());
				}
			});
			NotesPage spa = NotesPage.in(context).open(deployment);
			spa.submitSignUp(NotesPage.newUsername("c"));

			assertThat(spa.alert()).isVisible();
			String alert = spa.alert().first().textContent();
			BrowserSuite.log("%s, all cookies blocked: the SPA shows \"%s\"; calls: %s", shape, alert, calls);
			assertThat(alert).contains("Your browser is blocking this site’s cookies")
				.contains(URI.create(deployment.apiOrigin()).getAuthority());
			// The client does not retry: a new CSRF token cannot help a browser that keeps no cookie.
			assertThat(calls).containsOnlyOnce("POST /api/auth/signup 403");
			assertThat(context.cookies()).isEmpty();
		}
	}

}
