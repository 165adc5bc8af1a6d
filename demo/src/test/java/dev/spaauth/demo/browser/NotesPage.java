package dev.spaauth.demo.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Page object of the demo SPA, driven by roles and labels as a person sees them. */
final class NotesPage {

	private final Page page;

	NotesPage(Page page) {
		this.page = page;
	}

	NotesPage open(String url) {
		this.page.navigate(url);
		return this;
	}

	void signUp(String username, String email, String password) {
		this.page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Create an account")).click();
		this.page.getByLabel("Username").fill(username);
		this.page.getByLabel("Email").fill(email);
		this.page.getByLabel("Password").fill(password);
		button("Sign up").click();
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
	}

	void reload() {
		this.page.reload();
	}

	Locator note(String text) {
		return this.page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(text));
	}

	void expectSignedInAs(String username) {
		assertThat(this.page.getByText("Signed in as " + username)).isVisible();
	}

	void expectLogInForm() {
		assertThat(button("Log in")).isVisible();
		assertThat(this.page.getByText(Pattern.compile("Signed in as"))).isHidden();
	}

	String documentCookie() {
		return (String) this.page.evaluate("() => document.cookie");
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
