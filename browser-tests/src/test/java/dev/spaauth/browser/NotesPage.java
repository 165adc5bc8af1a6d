package dev.spaauth.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The demo SPA as a person sees it, by roles and labels (documented in the SPA's
 * {@code demo/README.md}).
 */
final class NotesPage {

	static final String PASSWORD = "correct horse battery staple 42";

	private final Page page;

	/** The shape the page runs in, for its mailbox; set by {@link #open} or {@link #on}. */
	private Deployment deployment;

	NotesPage(Page page) {
		this.page = page;
	}

	/** The SPA in the context's first tab. */
	static NotesPage in(BrowserContext context) {
		return new NotesPage(context.pages().isEmpty() ? context.newPage() : context.pages().get(0));
	}

	NotesPage open(Deployment deployment) {
		this.deployment = deployment;
		this.page.navigate(deployment.spaUrl());
		return this;
	}

	/** The shape the page runs in, for a test that loads the SPA itself. */
	NotesPage on(Deployment deployment) {
		this.deployment = deployment;
		return this;
	}

	Page page() {
		return this.page;
	}

	/**
	 * Signs up as the demo has it (spa-auth.signup.email-verification=required): "Create an account",
	 * then "Check your email", the link from the shape's mailbox, and the log-in it leads to.
	 */
	void signUp(String username) {
		submitSignUp(username);
		confirmAndLogIn(username);
	}

	/** After "Sign up": "Check your email", the link from the shape's mailbox, and the log-in it leads to. */
	void confirmAndLogIn(String username) {
		assertThat(heading("Check your email")).isVisible();
		if (this.deployment == null) {
			throw new IllegalStateException("NotesPage.open(deployment) or on(deployment) first: the sign-up needs the mailbox");
		}
		this.page.navigate(this.deployment.mailbox().awaitMail(email(username), "Confirm your email address").link());
		assertThat(status("Your email address is confirmed")).isVisible();
		this.page.getByLabel("Password").fill(PASSWORD);
		button("Log in").click();
	}

	/** Fills in "Create an account" and clicks "Sign up", nothing more. */
	void submitSignUp(String username) {
		this.page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Create an account")).click();
		this.page.getByLabel("Username").fill(username);
		this.page.getByLabel("Email").fill(email(username));
		this.page.getByLabel("Password").fill(PASSWORD);
		button("Sign up").click();
	}

	void logIn(String username) {
		logIn(username, PASSWORD);
	}

	void logIn(String username, String password) {
		this.page.getByLabel("Username").fill(username);
		this.page.getByLabel("Password").fill(password);
		button("Log in").click();
	}

	void logOut() {
		button("Log out").click();
	}

	void addNote(String text) {
		this.page.getByLabel("New note").fill(text);
		button("Add note").click();
		assertThat(note(text)).isVisible();
	}

	/**
	 * Ends the session on the server behind the SPA's back, as an expiry or a log-out in another tab
	 * would: {@code POST /api/auth/logout} from the page, with its cookies and a CSRF token of its own.
	 */
	void endSessionOnTheServer(Deployment deployment) {
		Object status = this.page.evaluate("""
				async (api) => {
				  const csrf = await (await fetch(api + '/api/auth/csrf', { credentials: 'include' })).json();
				  const response = await fetch(api + '/api/auth/logout', {
				    method: 'POST',
				    credentials: 'include',
				    headers: { [csrf.headerName]: csrf.csrfToken },
				  });
				  return response.status;
				}
				""", deployment.apiOrigin());
		if (!(status instanceof Number number) || number.intValue() != 200) {
			throw new AssertionError("POST /api/auth/logout answered " + status);
		}
	}

	void reload() {
		this.page.reload();
	}

	Locator note(String text) {
		return this.page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(text));
	}

	Locator notes() {
		return this.page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Your notes"))
			.getByRole(AriaRole.LISTITEM);
	}

	/** The first alert with text on the page (errors are shown in role="alert" elements). */
	Locator alert() {
		return this.page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText(Pattern.compile(".")));
	}

	void expectSignedInAs(String username) {
		assertThat(this.page.getByText("Signed in as " + username)).isVisible();
	}

	void expectLogInForm() {
		assertThat(button("Log in")).isVisible();
		assertThat(this.page.getByText(Pattern.compile("Signed in as"))).isHidden();
	}

	/** The "Account" link in the signed-in header: the account settings. */
	void openAccount() {
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Account").setExact(true)).click();
		assertThat(heading("Account settings")).isVisible();
	}

	/** The "Confirm it's you" dialog (re-authentication). */
	Locator reauthDialog() {
		return this.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Confirm it's you"));
	}

	/** The list "Your sessions" on the account settings. */
	Locator sessions() {
		return this.page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Your sessions"))
			.getByRole(AriaRole.LISTITEM);
	}

	Locator heading(String name) {
		return this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	/** A role="status" element with the text. */
	Locator status(String text) {
		return this.page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(text));
	}

	String documentCookie() {
		return (String) this.page.evaluate("() => document.cookie");
	}

	Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	/** The address {@link #signUp} gives the user. */
	static String email(String username) {
		return username + "@example.com";
	}

	static String newUsername(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36);
	}

}
