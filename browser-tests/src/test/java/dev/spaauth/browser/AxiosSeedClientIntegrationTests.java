package dev.spaauth.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "seed client": axios (from the npm registry, not the project's client) in a page on the SPA's
 * origin, doing the SPA's flow against the API in every deployment shape. On one origin axios copies
 * the {@code XSRF-TOKEN} cookie into the {@code X-XSRF-TOKEN} header by itself; across origins the page
 * sends credentials ({@code withCredentials}) and takes the token from the JSON bodies, as the README
 * tells integrators to.
 */
@ExtendWith(BrowserSuiteExtension.class)
class AxiosSeedClientIntegrationTests {

	private static String axios;

	@BeforeAll
	static void readAxios() {
		Path file = Path.of(System.getProperty("spaauth.npm", "target/npm/node_modules"), "axios/dist/axios.min.js");
		try {
			axios = Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("axios is installed by `npm ci` in the Maven build: " + file, ex);
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Shape.class)
	void axiosSignsUpLogsOutLogsInAddsANoteReloadsAndLogsOut(Shape shape, BrowserSuite suite) {
		Deployment deployment = suite.deployment(shape);
		String username = NotesPage.newUsername("x");
		try (BrowserContext context = suite.newContext()) {
			Page page = seedPage(context, deployment);
			// The demo mails a link to confirm the address before the first log-in; the flow reads its token.
			page.exposeFunction("mailedToken", (email) -> {
				String link = deployment.mailbox().awaitMail((String) email[0], "Confirm your email address").link();
				return link.substring(link.indexOf("token=") + "token=".length());
			});
			Map<String, Object> args = Map.of("api", deployment.apiOrigin(), "crossOrigin", shape.crossOrigin(),
					"username", username);

			@SuppressWarnings("unchecked")
			List<String> first = (List<String>) page.evaluate("(args) => window.seedFlow(args)", args);
			BrowserSuite.log("%s axios: %s", shape, first);
			assertThat(first).containsExactly("csrf 200", "signup 201", "logout 200", "login 403", "verify 200",
					"login 200", "add note 201",
					"list 200 [Seeded by axios]");

			// A new page: nothing in memory, the session only in the browser's cookies.
			page = seedPage(context, deployment);
			@SuppressWarnings("unchecked")
			List<String> afterReload = (List<String>) page.evaluate("(args) => window.seedAfterReload(args)", args);
			BrowserSuite.log("%s axios after reload: %s", shape, afterReload);
			assertThat(afterReload).containsExactly("list 200 [Seeded by axios]", "csrf 200", "logout 200",
					"list 401");
		}
	}

	/**
	 * A page on the SPA's origin with axios and the flow: a real document of that origin (its
	 * {@code /config.json}, from nginx or the backend, under the origin's Content-Security-Policy) with
	 * two test-only scripts of that origin, fulfilled by Playwright, so nothing of them is in the demo.
	 * (A document fulfilled by Playwright would have no server address: Chromium's Local Network Access
	 * counts it as public and refuses its requests to the API on 127.0.0.1, and Playwright 1.56's
	 * "local-network-access" permission does not cover Chromium 156's loopback check.)
	 */
	private static Page seedPage(BrowserContext context, Deployment deployment) {
		context.route(deployment.testOnlyUrl("axios.min.js"), (route) -> route
			.fulfill(new Route.FulfillOptions().setContentType("text/javascript").setBody(axios)));
		context.route(deployment.testOnlyUrl("seed-flow.js"), (route) -> route
			.fulfill(new Route.FulfillOptions().setContentType("text/javascript").setBody(SEED_FLOW)));
		Page page = context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
		page.navigate(deployment.spaOrigin() + "/config.json");
		page.addScriptTag(new Page.AddScriptTagOptions().setUrl(deployment.testOnlyUrl("axios.min.js")));
		page.addScriptTag(new Page.AddScriptTagOptions().setUrl(deployment.testOnlyUrl("seed-flow.js")));
		return page;
	}

	private static final String SEED_FLOW = """
			function seedClient({ api, crossOrigin }) {
			  const http = axios.create({ baseURL: api, withCredentials: crossOrigin, validateStatus: () => true });
			  if (crossOrigin) {
			    // Another origin cannot read the API's XSRF-TOKEN cookie: keep the token from the JSON bodies.
			    let token;
			    http.interceptors.response.use((response) => {
			      if (typeof response.data?.csrfToken === 'string') token = response.data.csrfToken;
			      return response;
			    });
			    http.interceptors.request.use((config) => {
			      if (token && !['get', 'head', 'options'].includes(config.method)) config.headers['X-XSRF-TOKEN'] = token;
			      return config;
			    });
			  }
			  const log = [];
			  const step = async (name, request) => {
			    const response = await request;
			    const notes = name === 'list' && response.status === 200
			      ? ' [' + response.data.notes.map((note) => note.text).join(', ') + ']' : '';
			    log.push(name + ' ' + response.status + notes);
			    return response;
			  };
			  return { http, log, step };
			}

			window.seedFlow = async (args) => {
			  const { http, log, step } = seedClient(args);
			  const credentials = { username: args.username, password: 'correct horse battery staple 42' };
			  await step('csrf', http.get('/api/auth/csrf'));
			  await step('signup', http.post('/api/auth/signup', { ...credentials, email: args.username + '@example.com' }));
			  await step('logout', http.post('/api/auth/logout'));
			  await step('login', http.post('/api/auth/login', credentials));
			  const token = await window.mailedToken(args.username + '@example.com');
			  await step('verify', http.post('/api/auth/email-verification', { token }));
			  await step('login', http.post('/api/auth/login', credentials));
			  await step('add note', http.post('/api/notes', { text: 'Seeded by axios' }));
			  await step('list', http.get('/api/notes'));
			  return log;
			};

			window.seedAfterReload = async (args) => {
			  const { http, log, step } = seedClient(args);
			  await step('list', http.get('/api/notes'));
			  await step('csrf', http.get('/api/auth/csrf'));
			  await step('logout', http.post('/api/auth/logout'));
			  await step('list', http.get('/api/notes'));
			  return log;
			};
			""";

}
