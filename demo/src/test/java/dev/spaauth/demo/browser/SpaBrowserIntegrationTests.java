package dev.spaauth.demo.browser;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.spaauth.demo.DemoTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo in real Chromium (Debian's {@code /usr/bin/chromium}, driven by Playwright; nothing is
 * downloaded): the cookies, their attributes and the SPA flow as a browser enforces them.
 */
@DemoTest
class SpaBrowserIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple 42";

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	private BrowserContext context;

	private NotesPage spa;

	@BeforeAll
	static void launchChromium() {
		playwright = Playwright.create(
				new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(java.nio.file.Path.of("/usr/bin/chromium"))
				.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void closeChromium() {
		browser.close();
		playwright.close();
	}

	@BeforeEach
	void newContext() {
		this.context = browser.newContext();
		this.spa = new NotesPage(this.context.newPage());
	}

	@AfterEach
	void closeContext() {
		this.context.close();
	}

	@Test
	void signUpLogOutLogInAddNoteReloadAndLogOut() {
		String username = "b" + Long.toString(System.nanoTime(), 36);
		this.spa.open(url());

		this.spa.signUp(username, username + "@example.com", PASSWORD);
		this.spa.expectSignedInAs(username);
		this.spa.logOut();
		this.spa.expectLogInForm();
		this.spa.logIn(username, PASSWORD);
		this.spa.expectSignedInAs(username);
		this.spa.addNote("Buy oat milk");
		assertThat(this.spa.note("Buy oat milk")).isVisible();
		this.spa.reload();
		this.spa.expectSignedInAs(username);
		assertThat(this.spa.note("Buy oat milk")).isVisible();

		Cookie session = cookie("__Host-SESSION");
		assertThat(session.httpOnly).isTrue();
		assertThat(session.secure).isTrue();
		assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);
		assertThat(session.path).isEqualTo("/");
		assertThat(this.spa.documentCookie()).doesNotContain("__Host-SESSION").doesNotContain(session.value);

		this.spa.logOut();
		this.spa.expectLogInForm();
		assertThat(this.context.cookies(url()).stream().map((c) -> c.name)).doesNotContain("__Host-SESSION");
		this.spa.reload();
		this.spa.expectLogInForm();
	}

	@Test
	void anotherUserInAnotherBrowserContextNeverSeesTheFirstUsersNotes() {
		String alice = "a" + Long.toString(System.nanoTime(), 36);
		this.spa.open(url());
		this.spa.signUp(alice, alice + "@example.com", PASSWORD);
		this.spa.addNote("Alice's diary");
		assertThat(this.spa.note("Alice's diary")).isVisible();

		try (BrowserContext other = browser.newContext()) {
			NotesPage bobs = new NotesPage(other.newPage()).open(url());
			String bob = "b" + Long.toString(System.nanoTime(), 36);
			bobs.signUp(bob, bob + "@example.com", PASSWORD);
			bobs.expectSignedInAs(bob);
			bobs.addNote("Bob's list");
			assertThat(bobs.note("Bob's list")).isVisible();
			assertThat(bobs.note("Alice's diary")).hasCount(0);
		}
	}

	private Cookie cookie(String name) {
		return this.context.cookies(url())
			.stream()
			.filter((cookie) -> cookie.name.equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The browser stored no cookie " + name));
	}

	private String url() {
		return "http://localhost:" + this.port + "/";
	}

}
