package dev.spaauth.browser;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.spaauth.doctor.DoctorCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spa-auth doctor} (the {@code doctor} module, run in-process as its command line) against the
 * demo in every shape (shapes 2 to 4 behind the suite's nginx and TLS), where no check may fail, and against three
 * deliberately broken deployments, each the suite's nginx recipe with one line changed in front of a
 * shape's running backend, where the doctor must fail with the check id that names the fault:
 * <ul>
 * <li>a proxy that does not send {@code X-Forwarded-Proto} ({@code forwarded-headers});
 * <li>a proxy that rewrites the cross-site backend's cookies to {@code SameSite=Lax}
 * ({@code proxy_cookie_flags}, as hardening snippets do), so that they no longer fit the site relation
 * ({@code cookie-samesite}); the backend itself cannot be configured so: spa-auth refuses to start with
 * Lax and a cross-site allowed origin;
 * <li>a proxy that answers CORS itself by echoing any {@code Origin} with credentials
 * ({@code cors-lookalike-origins}).
 * </ul>
 * The doctor reaches the {@code *.test} host names through {@link LoopbackConnectProxy} ({@code --proxy})
 * and trusts the suite's CA ({@code --cacert}).
 */
@ExtendWith(BrowserSuiteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoctorIntegrationTests {

	private static final String PASSWORD_VARIABLE = "DOCTOR_TEST_PASSWORD";

	private static final Pattern TOKEN = Pattern.compile("[?&]token=([\\w-]+)");

	private final Map<Shape, String> users = new EnumMap<>(Shape.class);

	private BrowserSuite suite;

	private LoopbackConnectProxy proxy;

	private HttpClient http;

	private NginxServer brokenNginx;

	private int noForwardedProtoPort;

	private int laxRewritingPort;

	private int reflectingPort;

	@BeforeAll
	void start(BrowserSuite suite) throws Exception {
		this.suite = suite;
		this.proxy = LoopbackConnectProxy.start();
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(trusting(suite.certificates().caCertificate()))
			.proxy(this.proxy.selector())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		for (Shape shape : Shape.values()) {
			this.users.put(shape, signUpVerifiedUser(suite.deployment(shape)));
		}
		startBrokenNginx();
	}

	@AfterAll
	void stop() {
		if (this.brokenNginx != null) {
			this.brokenNginx.close();
		}
		if (this.proxy != null) {
			this.proxy.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Shape.class)
	void doctorFindsNoFailureInEveryShape(Shape shape) {
		Deployment deployment = this.suite.deployment(shape);
		Run run = doctor(deployment.apiOrigin(), deployment.spaOrigin(), this.users.get(shape));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(DoctorCommand.EXIT_OK);
		assertThat(run.results()).as(run.output()).doesNotContainValue("fail");
		// Shape 1 is plain HTTP on localhost: fine for development (a warning), and browsers ignore HSTS there.
		assertThat(run.results()).as(run.output()).containsEntry("tls", shape.behindNginx() ? "pass" : "warn");
		assertThat(run.results()).as(run.output()).containsEntry("hsts", shape.behindNginx() ? "pass" : "skip");
		for (String id : List.of("csrf-priming", "cache-no-store", "cookie-host-prefix", "cookie-secure",
				"cookie-httponly", "cookie-samesite", "cors-lookalike-origins", "forwarded-headers", "csrf-required", "login",
				"session-round-trip", "session-id-rotation", "logout")) {
			assertThat(run.results()).as(run.output()).containsEntry(id, "pass");
		}
		assertThat(run.results()).as(run.output())
			.containsEntry("cors-spa-origin", shape.crossOrigin() ? "pass" : "skip");
		// Cross-site cookies carry Partitioned (CHIPS); same-site ones need not.
		assertThat(run.results()).as(run.output())
			.containsEntry("cookie-partitioned", (shape == Shape.CROSS_SITE) ? "pass" : "skip");
	}

	@Test
	void doctorPrintsALinePerCheckAndExitsZeroForSiblingSubdomains() {
		Deployment deployment = this.suite.deployment(Shape.SIBLING_SUBDOMAINS);
		Run run = doctor(false, deployment.apiOrigin(), deployment.spaOrigin(), this.users.get(Shape.SIBLING_SUBDOMAINS));
		BrowserSuite.log("doctor against shape %s:%n%s", Shape.SIBLING_SUBDOMAINS, run.output());

		assertThat(run.exitCode()).as(run.output()).isEqualTo(DoctorCommand.EXIT_OK);
		assertThat(run.output()).contains("(same-site)", "PASS  cookie-samesite ", "PASS  session-id-rotation ", " 0 fail, ");
	}

	@Test
	void doctorFailsForwardedHeadersWhenTheProxyDropsXForwardedProto() {
		String origin = "https://" + BrowserSuite.APP_HOST + ":" + this.noForwardedProtoPort;
		Run run = doctor(origin, origin, this.users.get(Shape.SAME_DOMAIN));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(DoctorCommand.EXIT_FAILURE);
		assertThat(run.results()).as(run.output()).containsEntry("forwarded-headers", "fail");
		// The backend sends HSTS only on requests it sees as HTTPS.
		assertThat(run.results()).as(run.output()).containsEntry("hsts", "fail");
		assertThat(run.results()).as(run.output()).containsEntry("cookie-samesite", "pass");
		assertThat(run.results()).as(run.output()).containsEntry("cors-lookalike-origins", "pass");
	}

	@Test
	void doctorFailsSameSiteWhenCrossSiteCookiesAreRewrittenToLax() {
		String api = "https://" + BrowserSuite.OTHER_SITE_API_HOST + ":" + this.laxRewritingPort;
		Run run = doctor(api, this.suite.deployment(Shape.CROSS_SITE).spaOrigin(), null);

		assertThat(run.exitCode()).as(run.output()).isEqualTo(DoctorCommand.EXIT_FAILURE);
		assertThat(run.results()).as(run.output()).containsEntry("cookie-samesite", "fail");
		assertThat(run.output()).contains("is cross-site with the API");
		assertThat(run.results()).as(run.output()).containsEntry("cors-spa-origin", "pass");
		assertThat(run.results()).as(run.output()).containsEntry("cors-lookalike-origins", "pass");
	}

	@Test
	void doctorFailsLookalikeOriginsWhenTheProxyReflectsTheOrigin() {
		String api = "https://" + BrowserSuite.SIBLING_API_HOST + ":" + this.reflectingPort;
		Run run = doctor(api, this.suite.deployment(Shape.SIBLING_SUBDOMAINS).spaOrigin(), null);

		assertThat(run.exitCode()).as(run.output()).isEqualTo(DoctorCommand.EXIT_FAILURE);
		assertThat(run.results()).as(run.output()).containsEntry("cors-lookalike-origins", "fail");
		assertThat(run.output()).contains("suffix https://app.example.test.evil.test:", "null null");
		assertThat(run.results()).as(run.output()).containsEntry("cookie-samesite", "pass");
	}

	/**
	 * One nginx with the three broken variants of the suite's recipes, each in front of a running
	 * backend. The separate-origin variants listen on a port of their own, so the API's origin differs
	 * from the backend's {@code spa-auth.public-origin}, which the doctor also reports
	 * ({@code forwarded-headers}); the tests assert only the ids these faults are about.
	 */
	private void startBrokenNginx() {
		List<Integer> ports = BrowserSuite.freePorts(3);
		this.noForwardedProtoPort = ports.get(0);
		this.laxRewritingPort = ports.get(1);
		this.reflectingPort = ports.get(2);
		Path recipes = Path.of(System.getProperty("spaauth.repo", "..")).resolve("deploy/nginx");
		TestCertificates certificates = this.suite.certificates();
		String noForwardedProto = change(NginxRecipe.of("same-domain.conf")
			.port(this.noForwardedProtoPort)
			.serverName("app.example.com", BrowserSuite.APP_HOST)
			.certificates(certificates)
			.backend(this.suite.deployment(Shape.SAME_DOMAIN).backendPort())
			.render(recipes), "proxy_set_header X-Forwarded-Proto $scheme;", "# X-Forwarded-Proto not sent (broken)");
		String laxRewriting = change(NginxRecipe.of("separate-origin-api.conf")
			.port(this.laxRewritingPort)
			.serverName("api.example.com", BrowserSuite.OTHER_SITE_API_HOST)
			.certificates(certificates)
			.backend(this.suite.deployment(Shape.CROSS_SITE).backendPort())
			.render(recipes), "proxy_set_header Forwarded \"\";",
				"proxy_set_header Forwarded \"\";\n        proxy_cookie_flags ~ samesite=lax;");
		String reflecting = change(NginxRecipe.of("separate-origin-api.conf")
			.port(this.reflectingPort)
			.serverName("api.example.com", BrowserSuite.SIBLING_API_HOST)
			.certificates(certificates)
			.backend(this.suite.deployment(Shape.SIBLING_SUBDOMAINS).backendPort())
			.render(recipes), "proxy_set_header Forwarded \"\";", """
				proxy_set_header Forwarded "";
				        proxy_hide_header Access-Control-Allow-Origin;
				        proxy_hide_header Access-Control-Allow-Credentials;
				        add_header Access-Control-Allow-Origin $http_origin always;
				        add_header Access-Control-Allow-Credentials true always;""");
		Path work = Path.of(System.getProperty("spaauth.work", "target/browser-suite")).toAbsolutePath().normalize();
		this.brokenNginx = NginxServer.start(work.resolveSibling("doctor-nginx"),
				List.of(noForwardedProto, laxRewriting, reflecting), ports);
	}

	private static String change(String recipe, String line, String replacement) {
		assertThat(recipe).as("the recipe still has the line the broken variant changes").contains(line);
		return recipe.replace(line, replacement);
	}

	private Run doctor(String api, String spa, String user) {
		return doctor(true, api, spa, user);
	}

	private Run doctor(boolean json, String api, String spa, String user) {
		List<String> args = new ArrayList<>(List.of("--api", api, "--spa", spa));
		if (api.startsWith("https:")) {
			args.addAll(List.of("--cacert", this.suite.certificates().caCertificate().toString(), "--proxy",
					this.proxy.address()));
		}
		if (json) {
			args.add("--json");
		}
		if (user != null) {
			args.addAll(List.of("--user", user, "--password-env", PASSWORD_VARIABLE));
		}
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine command = new CommandLine(new DoctorCommand(Map.of(PASSWORD_VARIABLE, NotesPage.PASSWORD)::get));
		command.setOut(new PrintWriter(out));
		command.setErr(new PrintWriter(err));
		long started = System.nanoTime();
		int exitCode = command.execute(args.toArray(String[]::new));
		long millis = BrowserSuite.millisSince(started);
		Map<String, String> results = new LinkedHashMap<>();
		if (json && exitCode != DoctorCommand.EXIT_USAGE) {
			JsonNode root = JsonMapper.builder().build().readTree(out.toString());
			root.get("checks").forEach((check) -> results.put(check.get("id").asString(), check.get("result").asString()));
		}
		Map<String, String> notPassed = new LinkedHashMap<>(results);
		notPassed.values().removeIf("pass"::equals);
		BrowserSuite.log("doctor --api %s --spa %s: exit %d in %d ms%s", api, spa, exitCode, millis,
				json ? "; not passed: " + notPassed : "");
		return new Run(exitCode, results, out + err.toString());
	}

	/** What one doctor run printed, and its results by check id (JSON runs only). */
	private record Run(int exitCode, Map<String, String> results, String output) {
	}

	/**
	 * Signs up a user over HTTP as the SPA would (the demo requires a confirmed address) and follows
	 * the link in the confirmation mail.
	 */
	private String signUpVerifiedUser(Deployment deployment) throws Exception {
		String username = NotesPage.newUsername("doctor");
		String email = username + "@example.com";
		Map<String, String> cookies = new LinkedHashMap<>();
		JsonNode csrf = send(deployment, "GET", "/api/auth/csrf", null, null, cookies, 200);
		String token = csrf.get("csrfToken").asString();
		send(deployment, "POST", "/api/auth/signup", "{\"username\":\"" + username + "\",\"email\":\"" + email
				+ "\",\"password\":\"" + NotesPage.PASSWORD + "\"}", token, cookies, 201);
		Matcher link = TOKEN.matcher(deployment.mailbox().awaitMail(email, "Confirm your email address").link());
		assertThat(link.find()).isTrue();
		send(deployment, "POST", "/api/auth/email-verification", "{\"token\":\"" + link.group(1) + "\"}", token, cookies,
				200);
		return username;
	}

	private JsonNode send(Deployment deployment, String method, String path, String body, String token,
			Map<String, String> cookies, int expectedStatus) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(deployment.apiUrl(path)))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "application/json")
			.header("Origin", deployment.spaOrigin())
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		if (!cookies.isEmpty()) {
			request.header("Cookie", String.join("; ", cookies.entrySet().stream().map((c) -> c.getKey() + "=" + c.getValue()).toList()));
		}
		// Shape 1 is plain HTTP on localhost, which the CONNECT proxy does not tunnel.
		HttpClient client = deployment.shape().behindNginx() ? this.http : HttpClient.newHttpClient();
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
		for (String setCookie : response.headers().allValues("Set-Cookie")) {
			String pair = setCookie.split(";", 2)[0];
			int equals = pair.indexOf('=');
			cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		return JsonMapper.builder().build().readTree(response.body());
	}

	private static SSLContext trusting(Path caCertificate) throws Exception {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		try (var in = java.nio.file.Files.newInputStream(caCertificate)) {
			store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

}
