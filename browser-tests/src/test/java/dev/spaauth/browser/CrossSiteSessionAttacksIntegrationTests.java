package dev.spaauth.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Attacks on the session itself from an attacker's page, in every deployment shape, from another
 * site ({@code https://evil.test}) and from a sibling subdomain of the SPA
 * ({@code https://evil.example.test}), against a victim who is logged in in a browser that allows
 * third-party cookies: log-in CSRF (the attacker's page tries to log the victim's browser in to
 * the attacker's own account), log-out CSRF, and reading the API's JSON by including it as a
 * {@code <script>} or fetching it in {@code no-cors} mode. Shape 4 is attacked a second time in a
 * browser that blocks third-party cookies, where the session lives only thanks to its
 * {@code Partitioned} cookies (CHIPS). Each shape's victim (one browser, signed up once) is shared by
 * the tests of this class; every test ends by checking, as the victim, that the victim is still logged
 * in as themselves and still lists their own note.
 */
@ExtendWith(BrowserSuiteExtension.class)
class CrossSiteSessionAttacksIntegrationTests {

	private static final String VICTIMS_NOTE = "The victim's note, for their eyes only";

	private static final Map<String, Victim> victims = new ConcurrentHashMap<>();

	static Stream<Arguments> attacks() {
		List<Arguments> arguments = new ArrayList<>();
		for (Shape shape : Shape.values()) {
			arguments.add(Arguments.of(shape, BrowserSuite.EVIL_HOST, ThirdPartyCookies.ALLOWED));
			arguments.add(Arguments.of(shape, BrowserSuite.SIBLING_EVIL_HOST, ThirdPartyCookies.ALLOWED));
		}
		arguments.add(Arguments.of(Shape.CROSS_SITE, BrowserSuite.EVIL_HOST, ThirdPartyCookies.BLOCKED));
		arguments.add(Arguments.of(Shape.CROSS_SITE, BrowserSuite.SIBLING_EVIL_HOST, ThirdPartyCookies.BLOCKED));
		return arguments.stream();
	}

	/** The victim's browser setting. */
	enum ThirdPartyCookies {

		ALLOWED, BLOCKED

	}

	@AfterAll
	static void closeVictimsBrowsers() {
		victims.values().forEach((victim) -> victim.context().close());
		victims.clear();
	}

	@ParameterizedTest(name = "{0} attacked from {1}, third-party cookies {2}")
	@MethodSource("attacks")
	void loginAndLogoutFormsWhenAutoSubmittedFromAnAttackersPageThenRefusedAndTheVictimStaysLoggedInAsThemselves(
			Shape shape, String attackerHost, ThirdPartyCookies thirdPartyCookies, BrowserSuite suite) {
		Victim victim = victim(suite, shape, thirdPartyCookies);
		Deployment deployment = victim.deployment();
		String loginUrl = deployment.apiUrl("/api/auth/login");
		String logoutUrl = deployment.apiUrl("/api/auth/logout");
		String sessionCookie = victim.sessionCookie();
		Page evil = victim.context().newPage();
		try {
			String attackerPage = suite.attackerOrigin(shape, attackerHost) + "/";
			for (String enctype : List.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")) {
				Response response = submit(evil, attackerPage, loginUrl, enctype,
						Map.of("username", victim.attacker(), "password", NotesPage.PASSWORD));
				log(shape, attackerHost, "log-in form " + enctype
						+ (enctype.equals("text/plain") ? " " + response.request().postData().strip() : ""), response);
				assertThat(response.request().postData()).as("the body the log-in form %s sent", enctype)
					.contains(victim.attacker())
					.startsWith(enctype.equals("text/plain") ? "{\"" : "");
				assertThat(response.status()).as("log-in form %s", enctype).isEqualTo(403);
				assertThat(response.text()).as("log-in form %s", enctype).contains("\"code\":\"origin_forbidden\"");
			}
			Response response = submit(evil, attackerPage, logoutUrl, "application/x-www-form-urlencoded", Map.of());
			log(shape, attackerHost, "log-out form", response);
			assertThat(response.status()).as("log-out form").isEqualTo(403);
			assertThat(response.text()).as("log-out form").contains("\"code\":\"origin_forbidden\"");
		}
		finally {
			evil.close();
		}
		assertThat(victim.sessionCookie()).as("the victim's session cookie, neither replaced nor expired")
			.isEqualTo(sessionCookie);
		victim.expectStillLoggedInWithTheirNote();
	}

	@ParameterizedTest(name = "{0} attacked from {1}, third-party cookies {2}")
	@MethodSource("attacks")
	void authEndpointsWhenIncludedAsScriptsOrFetchedNoCorsByAnAttackersPageThenBlockedAndThePageLearnsNothing(
			Shape shape, String attackerHost, ThirdPartyCookies thirdPartyCookies, BrowserSuite suite) {
		Victim victim = victim(suite, shape, thirdPartyCookies);
		Deployment deployment = victim.deployment();
		List<String> urls = List.of(deployment.apiUrl("/api/auth/csrf"), deployment.apiUrl("/api/auth/session"));
		// What the page must not learn: the victim's name, CSRF token and session id, or any answer's text.
		List<String> secrets = List.of(victim.username(), victim.csrfToken(), victim.sessionCookie(), "csrfToken",
				"authenticated", "headerName");
		// The session cookie goes with the page's requests only from evil.example.test (same site as
		// app.example.test): SameSite=Lax in shapes 2 and 3 (same site as the API too), and in shape 4 a
		// SameSite=None cookie partitioned under the SPA's site, which is the attacker page's site too. From
		// evil.test, SameSite=Lax holds it back in shapes 1-3 (Chromium reports it blocked), and in shape 4
		// the partitioned cookie is not in evil.test's partition at all, with third-party cookies
		// allowed or not (absent).
		String sessionCookieWith = attackerHost.equals(BrowserSuite.SIBLING_EVIL_HOST) && shape.behindNginx() ? " sent"
				: shape == Shape.CROSS_SITE ? " absent" : "blocked";
		// Cross-Origin-Resource-Policy (same-origin in shapes 1 and 2, same-site in 3 and 4) refuses the
		// answers outright, except to evil.example.test in shape 3 (same site as the API): there Chromium's
		// opaque response blocking (ORB: JSON with nosniff to a no-cors request) withholds them.
		boolean corpLetsThrough = shape == Shape.SIBLING_SUBDOMAINS
				&& attackerHost.equals(BrowserSuite.SIBLING_EVIL_HOST);

		Page evil = victim.context().newPage();
		try {
			List<Request> requests = new CopyOnWriteArrayList<>();
			evil.onRequestFinished(requests::add);
			evil.onRequestFailed(requests::add);
			Map<String, String> sessionCookieById = sessionCookieSentOrBlocked(victim.context(), evil);
			evil.navigate(suite.attackerOrigin(shape, attackerHost) + "/");
			@SuppressWarnings("unchecked")
			Map<String, Object> seen = (Map<String, Object>) evil.evaluate(INCLUDE_AND_FETCH, urls);
			evil.waitForCondition(() -> requests.stream().filter((r) -> urls.contains(r.url())).count() == 4
					&& sessionCookieById.values()
						.stream()
						.filter((state) -> urls.stream().anyMatch((url) -> state.contains(" " + url + " ")))
						.count() == 4);
			BrowserSuite.log("%s from %s: what the page saw: scripts %s, window.onerror %s, no-cors fetches %s, new globals %s",
					shape, attackerHost, seen.get("scripts"), seen.get("errors"), seen.get("fetches"), seen.get("newGlobals"));

			for (Request request : requests) {
				if (!urls.contains(request.url())) {
					continue;
				}
				String cookie = sessionCookieById.values()
					.stream()
					.filter((value) -> value.startsWith(request.resourceType() + " " + request.url() + " "))
					.findFirst()
					.orElse("");
				BrowserSuite.log("%s from %s: %s -> %s", shape, attackerHost, cookie, request.failure());
				assertThat(cookie).as("the session cookie with %s %s", request.resourceType(), request.url())
					.endsWith(sessionCookieWith);
				if (request.resourceType().equals("script")) {
					assertThat(request.failure()).as("the script %s", request.url())
						.isEqualTo(corpLetsThrough ? "net::ERR_BLOCKED_BY_ORB"
								: "net::ERR_BLOCKED_BY_RESPONSE.NotSame" + (shape.crossOrigin() ? "Site" : "Origin"));
				}
			}
			assertThat(seen.get("scripts")).as("neither answer is run as a script: both fire error")
				.isEqualTo(List.of("error", "error"));
			assertThat(seen.get("errors")).as("window.onerror (a JSON object run as a script would throw)")
				.isEqualTo(List.of());
			assertThat(seen.get("fetches")).as("credentialed no-cors fetches")
				.isEqualTo(corpLetsThrough ? List.of("opaque 0 [] {}", "opaque 0 [] {}")
						: List.of("failed: TypeError: Failed to fetch", "failed: TypeError: Failed to fetch"));
			assertThat(seen.get("newGlobals")).as("globals the scripts defined").isEqualTo(List.of());
			String everything = seen.toString();
			for (String secret : secrets) {
				assertThat(everything).as("everything the attacker's page could read").doesNotContain(secret);
			}
		}
		finally {
			evil.close();
		}
		victim.expectStillLoggedInWithTheirNote();
	}

	/**
	 * Whether Chromium sends the session cookie with each request of the page, as its DevTools protocol
	 * reports it: values "{resource type} {url} sent", "... blocked [reasons]", or "... absent" when the
	 * cookie is not among the request's cookies at all (a partitioned cookie of another partition), by
	 * request id.
	 */
	private static Map<String, String> sessionCookieSentOrBlocked(BrowserContext context, Page page) {
		Map<String, String> requests = new ConcurrentHashMap<>();
		Map<String, String> cookies = new ConcurrentHashMap<>();
		Map<String, String> result = new ConcurrentHashMap<>();
		Runnable join = () -> cookies.forEach((id, cookie) -> {
			if (requests.containsKey(id)) {
				result.put(id, requests.get(id) + " " + cookie);
			}
		});
		CDPSession devTools = context.newCDPSession(page);
		devTools.on("Network.requestWillBeSent", (event) -> {
			String type = event.get("type").getAsString().toLowerCase(Locale.ROOT);
			requests.put(event.get("requestId").getAsString(),
					type + " " + event.getAsJsonObject("request").get("url").getAsString());
			join.run();
		});
		devTools.on("Network.requestWillBeSentExtraInfo", (event) -> {
			String state = "absent";
			for (JsonElement element : event.getAsJsonArray("associatedCookies")) {
				JsonObject associated = element.getAsJsonObject();
				if (associated.getAsJsonObject("cookie").get("name").getAsString().equals("__Host-SESSION")) {
					JsonArray reasons = associated.getAsJsonArray("blockedReasons");
					state = reasons.isEmpty() ? "sent" : reasons + " blocked";
				}
			}
			cookies.put(event.get("requestId").getAsString(), state);
			join.run();
		});
		devTools.send("Network.enable");
		return result;
	}

	/** The attacker's page submits a form to {@code url}, as an auto-submitting page would. */
	private static Response submit(Page evil, String attackerPage, String url, String enctype,
			Map<String, String> fields) {
		evil.navigate(attackerPage);
		return evil.waitForResponse((r) -> r.url().equals(url) && r.request().method().equals("POST"),
				() -> evil.evaluate(SUBMIT_FORM, Map.of("url", url, "enctype", enctype, "fields", fields)));
	}

	private static void log(Shape shape, String attackerHost, String attack, Response response) {
		BrowserSuite.log("%s from %s: %s -> %d %s", shape, attackerHost, attack, response.status(),
				response.text().replaceAll(".*\"code\":\"([a-z_]+)\".*", "$1"));
	}

	/** The shape's victim, signed up and holding a note, and the attacker's account. */
	private static Victim victim(BrowserSuite suite, Shape shape, ThirdPartyCookies thirdPartyCookies) {
		Victim victim = victims.get(shape + " " + thirdPartyCookies);
		if (victim == null) {
			Deployment deployment = suite.deployment(shape);
			String attacker = NotesPage.newUsername("m");
			signUpWithoutABrowser(deployment, attacker);
			BrowserContext context = (thirdPartyCookies == ThirdPartyCookies.BLOCKED)
					? suite.newContextBlockingThirdPartyCookies() : suite.newContext();
			NotesPage spa = NotesPage.in(context).open(deployment);
			String username = NotesPage.newUsername("v");
			spa.signUp(username);
			spa.expectSignedInAs(username);
			spa.addNote(VICTIMS_NOTE);
			victim = new Victim(deployment, context, spa, username, attacker);
			victims.put(shape + " " + thirdPartyCookies, victim);
		}
		return victim;
	}

	/**
	 * The attacker signs up for an account of their own: through the API, straight to the shape's
	 * backend (this JVM cannot resolve the {@code .test} names nginx serves), with its own cookies.
	 */
	private static void signUpWithoutABrowser(Deployment deployment, String username) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String api = "http://127.0.0.1:" + deployment.backendPort();
		try {
			HttpResponse<String> csrf = http.send(HttpRequest.newBuilder(URI.create(api + "/api/auth/csrf")).build(),
					HttpResponse.BodyHandlers.ofString());
			String cookie = csrf.headers()
				.allValues("Set-Cookie")
				.stream()
				// In shape 4 an expired unpartitioned XSRF-TOKEN comes before the partitioned one.
				.filter((value) -> value.startsWith("XSRF-TOKEN=") && !value.startsWith("XSRF-TOKEN=;"))
				.map((value) -> value.substring(0, value.indexOf(';')))
				.findFirst()
				.orElseThrow(() -> new AssertionError("GET /api/auth/csrf set no XSRF-TOKEN cookie: " + csrf.headers()));
			Matcher token = Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(csrf.body());
			assertThat(token.find()).as("GET /api/auth/csrf -> %s", csrf.body()).isTrue();
			String body = "{\"username\":\"%s\",\"email\":\"%s@example.com\",\"password\":\"%s\"}".formatted(username,
					username, NotesPage.PASSWORD);
			HttpResponse<String> signup = http.send(HttpRequest.newBuilder(URI.create(api + "/api/auth/signup"))
				.header("Content-Type", "application/json")
				.header("Cookie", cookie)
				.header("X-XSRF-TOKEN", token.group(1))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(signup.statusCode()).as("the attacker's sign-up: %s", signup.body()).isEqualTo(201);
			// And confirms the address with the mailed link, as the demo asks before the first log-in.
			String link = deployment.mailbox().awaitMail(username + "@example.com", "Confirm your email address").link();
			HttpResponse<String> verified = http.send(HttpRequest.newBuilder(URI.create(api + "/api/auth/email-verification"))
				.header("Content-Type", "application/json")
				.header("Cookie", cookie)
				.header("X-XSRF-TOKEN", token.group(1))
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"token\":\"" + link.substring(link.indexOf("token=") + "token=".length()) + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(verified.statusCode()).as("the attacker's confirmation: %s", verified.body()).isEqualTo(200);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The victim's browser and SPA tab, and the attacker's account (same password as the victim's).
	 */
	private record Victim(Deployment deployment, BrowserContext context, NotesPage spa, String username,
			String attacker) {

		String sessionCookie() {
			return cookie("__Host-SESSION");
		}

		/** The CSRF token of the victim's session, as the SPA reads it from the API. */
		String csrfToken() {
			@SuppressWarnings("unchecked")
			Map<String, Object> csrf = (Map<String, Object>) this.spa.page().evaluate(READ_AS_THE_SPA,
					this.deployment.apiUrl("/api/auth/csrf"));
			assertThat(csrf).containsKey("csrfToken");
			assertThat(csrf.get("csrfToken")).as("the token the API answers is the CSRF cookie's")
				.isEqualTo(cookie("XSRF-TOKEN"));
			return (String) csrf.get("csrfToken");
		}

		/**
		 * As the victim: {@code GET /api/auth/session} answers the victim (not the attacker, not
		 * logged out), {@code GET /api/notes} lists their note, and so does the SPA after a reload.
		 */
		void expectStillLoggedInWithTheirNote() {
			@SuppressWarnings("unchecked")
			Map<String, Object> session = (Map<String, Object>) this.spa.page().evaluate(READ_AS_THE_SPA,
					this.deployment.apiUrl("/api/auth/session"));
			assertThat(session).as("GET /api/auth/session as the victim").containsEntry("authenticated", true);
			assertThat(session.get("user")).as("GET /api/auth/session as the victim")
				.asInstanceOf(MAP)
				.containsEntry("username", this.username);
			@SuppressWarnings("unchecked")
			Map<String, Object> notes = (Map<String, Object>) this.spa.page().evaluate(READ_AS_THE_SPA,
					this.deployment.apiUrl("/api/notes"));
			List<String> texts = ((List<?>) notes.get("notes")).stream()
				.map((note) -> String.valueOf(((Map<?, ?>) note).get("text")))
				.toList();
			assertThat(texts).as("GET /api/notes as the victim").containsExactly(VICTIMS_NOTE);
			this.spa.reload();
			this.spa.expectSignedInAs(this.username);
			assertThat(this.spa.note(VICTIMS_NOTE)).isVisible();
			assertThat(this.spa.notes()).hasCount(1);
		}

		private String cookie(String name) {
			return this.context.cookies(this.deployment.apiUrl("/"))
				.stream()
				.filter((cookie) -> cookie.name.equals(name))
				.map((Cookie cookie) -> cookie.value)
				.findFirst()
				.orElseThrow(() -> new AssertionError("The victim's browser holds no cookie " + name));
		}

	}

	/** A GET from the SPA's own tab, with its cookies: the answer's JSON. */
	private static final String READ_AS_THE_SPA = """
			async (url) => {
			  const response = await fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } });
			  return response.json();
			}
			""";

	/**
	 * An auto-submitted form with hidden fields. As {@code text/plain} the fields become one
	 * {@code name=value} line whose text is a JSON object.
	 */
	private static final String SUBMIT_FORM = """
			({ url, enctype, fields }) => {
			  const form = document.createElement('form');
			  form.method = 'POST';
			  form.action = url;
			  form.enctype = enctype;
			  const add = (name, value) => {
			    const input = document.createElement('input');
			    input.type = 'hidden';
			    input.name = name;
			    input.value = value;
			    form.append(input);
			  };
			  const names = Object.keys(fields);
			  if (enctype === 'text/plain' && names.length > 0) {
			    const json = JSON.stringify(fields);
			    add(json.slice(0, -1) + ', "padding": "', '"}');
			  } else {
			    names.forEach((name) => add(name, fields[name]));
			  }
			  document.body.append(form);
			  form.submit();
			}
			""";

	/**
	 * The attacker's page: includes each URL as a classic script (with the cookies the browser sends
	 * for it), listening to every error the page can see, then fetches each in no-cors mode. Answers
	 * everything JavaScript could read: the scripts' load or error events, window.onerror's arguments,
	 * the opaque responses, resource timing entries and any global the scripts defined.
	 */
	private static final String INCLUDE_AND_FETCH = """
			async (urls) => {
			  const globalsBefore = new Set(Object.getOwnPropertyNames(window));
			  const errors = [];
			  window.onerror = (message, source, line, column, error) => {
			    errors.push([String(message), String(source), line, column, String(error)].join(' | '));
			  };
			  const scripts = [];
			  for (const url of urls) {
			    scripts.push(await new Promise((resolve) => {
			      const script = document.createElement('script');
			      script.onload = () => resolve('load');
			      script.onerror = () => resolve('error');
			      script.src = url;
			      document.head.append(script);
			    }));
			  }
			  const fetches = [];
			  for (const url of urls) {
			    try {
			      const response = await fetch(url, { mode: 'no-cors', credentials: 'include' });
			      const headers = Object.fromEntries(response.headers.entries());
			      fetches.push(response.type + ' ' + response.status + ' [' + await response.text() + '] '
			          + JSON.stringify(headers));
			    } catch (error) {
			      fetches.push('failed: ' + error);
			    }
			  }
			  const resources = performance.getEntriesByType('resource').map((entry) => JSON.stringify(entry.toJSON()));
			  const newGlobals = Object.getOwnPropertyNames(window)
			    .filter((name) => !globalsBefore.has(name) && name !== 'onerror');
			  return { scripts, errors, fetches, resources, newGlobals };
			}
			""";

}
