package dev.spaauth.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-site request forgery and cross-origin reads against a logged-in victim, in every
 * deployment shape, from another site ({@code https://evil.test}) and from a sibling subdomain of the
 * SPA ({@code https://evil.example.test}, same site as the SPA, not an allowed origin). The victim's
 * browser allows third-party cookies, so the browser's cookie policy is not what stops them.
 */
@ExtendWith(BrowserSuiteExtension.class)
class CrossSiteAttacksIntegrationTests {

	private static final String VICTIMS_NOTE = "The victim's own note";

	static Stream<Arguments> attacks() {
		List<Arguments> arguments = new ArrayList<>();
		for (Shape shape : Shape.values()) {
			arguments.add(Arguments.of(shape, BrowserSuite.EVIL_HOST));
			arguments.add(Arguments.of(shape, BrowserSuite.SIBLING_EVIL_HOST));
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} attacked from {1}")
	@MethodSource("attacks")
	void noAttackCreatesANoteOrReadsTheVictimsNotes(Shape shape, String attackerHost, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		String notesUrl = deployment.apiUrl("/api/notes");
		try (BrowserContext victim = suite.newContext()) {
			NotesPage spa = NotesPage.in(victim).open(deployment);
			spa.signUp(NotesPage.newUsername("v"));
			spa.addNote(VICTIMS_NOTE);

			Page evil = victim.newPage();
			String attackerPage = suite.attackerOrigin(shape, attackerHost) + "/";

			for (String enctype : List.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")) {
				evil.navigate(attackerPage);
				Response response = evil.waitForResponse(
						(r) -> r.url().equals(notesUrl) && r.request().method().equals("POST"),
						() -> evil.evaluate(SUBMIT_FORM, List.of(notesUrl, enctype)));
				BrowserSuite.log("%s from %s: form %s -> %d %s", shape, attackerHost, enctype, response.status(),
						response.text().replaceAll(".*\"code\":\"([a-z_]+)\".*", "$1"));
				assertThat(response.status()).as("form %s", enctype).isEqualTo(403);
				assertThat(response.text()).as("form %s", enctype).contains("\"code\":\"origin_forbidden\"");
			}

			evil.navigate(attackerPage);
			String read = (String) evil.evaluate(READ_WITH_FETCH, notesUrl);
			BrowserSuite.log("%s from %s: credentialed fetch GET -> %s", shape, attackerHost, read);
			assertThat(read).startsWith("blocked: TypeError");

			String post = (String) evil.evaluate(POST_JSON_WITH_FETCH, notesUrl);
			BrowserSuite.log("%s from %s: credentialed JSON fetch POST -> %s", shape, attackerHost, post);
			assertThat(post).startsWith("blocked: TypeError");

			spa.reload();
			assertThat(spa.note(VICTIMS_NOTE)).isVisible();
			assertThat(spa.notes()).hasCount(1);
		}
	}

	/** An auto-submitted form, as an attacker's page would send it. */
	private static final String SUBMIT_FORM = """
			([url, enctype]) => {
			  const form = document.createElement('form');
			  form.method = 'POST';
			  form.action = url;
			  form.enctype = enctype;
			  const input = document.createElement('input');
			  input.type = 'hidden';
			  if (enctype === 'text/plain') {
			    // text/plain sends name=value: a body that parses as JSON.
			    input.name = '{"text": "Forged by a form", "padding": "';
			    input.value = '"}';
			  } else {
			    input.name = 'text';
			    input.value = 'Forged by a form';
			  }
			  form.append(input);
			  document.body.append(form);
			  form.submit();
			}
			""";

	private static final String READ_WITH_FETCH = """
			async (url) => {
			  try {
			    const response = await fetch(url, { credentials: 'include' });
			    return 'read: ' + response.status + ' ' + await response.text();
			  } catch (error) {
			    return 'blocked: ' + error;
			  }
			}
			""";

	private static final String POST_JSON_WITH_FETCH = """
			async (url) => {
			  try {
			    const response = await fetch(url, {
			      method: 'POST',
			      credentials: 'include',
			      headers: { 'Content-Type': 'application/json' },
			      body: JSON.stringify({ text: 'Forged by fetch' }),
			    });
			    return 'sent: ' + response.status + ' ' + await response.text();
			  } catch (error) {
			    return 'blocked: ' + error;
			  }
			}
			""";

}
