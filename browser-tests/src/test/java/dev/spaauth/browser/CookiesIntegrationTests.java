package dev.spaauth.browser;

import java.net.URI;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session, CSRF and device cookies as Chromium stores them (Playwright's cookie API), in every
 * deployment shape: on the API's host only, Secure, the session and device cookies HttpOnly and out
 * of JavaScript's reach, SameSite Lax where the SPA and the API are on one site and None where they
 * are not.
 */
@ExtendWith(BrowserSuiteExtension.class)
class CookiesIntegrationTests {

	@ParameterizedTest(name = "{0}")
	@EnumSource(Shape.class)
	void sessionAndCsrfCookiesAsTheBrowserStoresThem(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		String apiHost = URI.create(deployment.apiOrigin()).getHost();
		try (BrowserContext context = suite.newContext()) {
			NotesPage spa = NotesPage.in(context).open(deployment);
			String username = NotesPage.newUsername("c");
			spa.signUp(username);
			spa.expectSignedInAs(username);

			Cookie session = cookie(context, deployment, "__Host-SESSION");
			assertThat(session.httpOnly).isTrue();
			assertThat(session.secure).isTrue();
			assertThat(session.sameSite).isEqualTo(shape.expectedSameSite());
			assertThat(session.path).isEqualTo("/");
			assertThat(session.domain).as("host-only, on the API's host").isEqualTo(apiHost);
			assertThat(session.expires).as("a browser-session cookie").isEqualTo(-1);

			Cookie csrf = cookie(context, deployment, "XSRF-TOKEN");
			assertThat(csrf.httpOnly).isFalse();
			assertThat(csrf.secure).isTrue();
			assertThat(csrf.sameSite).isEqualTo(shape.expectedSameSite());
			assertThat(csrf.path).isEqualTo("/");
			assertThat(csrf.domain).as("host-only, on the API's host").isEqualTo(apiHost);

			// The browser's device cookie (new-device notices): identifies the browser, never the account.
			Cookie device = cookie(context, deployment, "__Host-DEVICE");
			assertThat(device.httpOnly).isTrue();
			assertThat(device.secure).isTrue();
			assertThat(device.sameSite).isEqualTo(shape.expectedSameSite());
			assertThat(device.domain).as("host-only, on the API's host").isEqualTo(apiHost);
			assertThat(device.expires).as("kept for 400 days")
				.isCloseTo(System.currentTimeMillis() / 1000.0 + 400 * 86400, org.assertj.core.data.Offset.offset(3600.0));

			// Every cookie the browser holds is the API's (none on the SPA's host in shapes 3 and 4).
			assertThat(context.cookies()).extracting((cookie) -> cookie.domain).containsOnly(apiHost);
			assertThat(spa.documentCookie()).doesNotContain("__Host-SESSION").doesNotContain(session.value);
			if (!shape.crossOrigin()) {
				assertThat(spa.documentCookie()).contains("XSRF-TOKEN=" + csrf.value);
			}

			spa.logOut();
			spa.expectLogInForm();
			assertThat(context.cookies(deployment.apiUrl("/"))).extracting((cookie) -> cookie.name)
				.as("no session cookie after log-out; the device cookie stays, so this browser is not new next time")
				.containsExactlyInAnyOrder("XSRF-TOKEN", "__Host-DEVICE");
			assertThat(cookie(context, deployment, "XSRF-TOKEN").value).as("rotated at log-out")
				.isNotEqualTo(csrf.value);
		}
	}

	private static Cookie cookie(BrowserContext context, Deployment deployment, String name) {
		return context.cookies(deployment.apiUrl("/"))
			.stream()
			.filter((cookie) -> cookie.name.equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"The browser stored no cookie " + name + " for " + deployment.apiOrigin() + ": " + names(context.cookies())));
	}

	private static List<String> names(List<Cookie> cookies) {
		return cookies.stream().map((cookie) -> cookie.name + "@" + cookie.domain).toList();
	}

}
