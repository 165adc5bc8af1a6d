package dev.spaauth.browser;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser that keeps no cookie at all ("Don't allow sites to save data"): the client tells the SPA
 * at once, with a {@code CookiesBlockedError} of reason {@code none} (the API's 403
 * {@code csrf_failed} says no cookie came), and the demo says what to do instead of a later
 * confusing 401 or 403. And a session cookie dropped on its way (here by a route that strips it from
 * the log-in's answer, as a proxy or an extension might): the client's {@code GET /session} after the
 * log-in finds no session, and the SPA says so rather than showing the notes and failing later.
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

	/**
	 * Shape 1 only: the route fetches the real answer from Playwright's driver, which resolves
	 * {@code localhost} but not the suite's {@code .test} names.
	 */
	@Test
	void logInWhoseSessionCookieIsDroppedOnTheWayThenTheSpaSaysTheSessionWasNotKept(BrowserSuite suite) {
		Shape shape = Shape.BACKEND;
		Deployment deployment = suite.deployment(shape);
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			String username = NotesPage.newUsername("d");
			spa.signUp(username);
			spa.expectSignedInAs(username);
			spa.logOut();
			spa.expectLogInForm();
			context.route(deployment.apiUrl("/api/auth/login"), (route) -> {
				APIResponse answer = route.fetch();
				Map<String, String> headers = new HashMap<>(answer.headers());
				headers.put("set-cookie", Arrays.stream(headers.getOrDefault("set-cookie", "").split("\n"))
					.filter((cookie) -> !cookie.startsWith("__Host-SESSION="))
					.collect(Collectors.joining("\n")));
				// route.fetch() stores the answer's cookies in the context's jar; the dropped one goes too.
				context.clearCookies(new BrowserContext.ClearCookiesOptions().setName("__Host-SESSION"));
				route.fulfill(new Route.FulfillOptions().setResponse(answer).setHeaders(headers));
			});

			spa.logIn(username);

			assertThat(spa.alert()).isVisible();
			String alert = spa.alert().first().textContent();
			BrowserSuite.log("%s, session cookie dropped: the SPA shows \"%s\"", shape, alert);
			assertThat(alert).contains("did not keep the session").contains("csrf_only");
			assertThat(context.cookies(deployment.apiOrigin())).extracting((cookie) -> cookie.name)
				.contains("XSRF-TOKEN")
				.doesNotContain("__Host-SESSION");
			spa.expectLogInForm();
		}
	}

}
