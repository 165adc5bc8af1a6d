package dev.spaauth.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

import dev.spaauth.demo.DemoApplication;
import dev.spaauth.devprovider.DevProvider;

/**
 * Everything the browser suite shares, started once per test JVM: the TLS certificates, one nginx
 * running the recipes of {@code deploy/nginx/} for shapes 2-4, one demo backend per shape (each on its
 * own in-memory H2, with its own development mailbox folder, started when a test first needs it) and
 * one Playwright, which launches Debian's Chromium for each browser context (see {@link #newContext()}),
 * and one OpenID Connect provider, "Local ID" ({@link DevProvider}, Spring Authorization Server on
 * {@code http://localhost:PORT}, a site of its own), registered as {@code local} in every backend.
 * Closed by {@link BrowserSuiteExtension} when the run ends.
 */
final class BrowserSuite implements AutoCloseable {

	static final String APP_HOST = "app.example.test";

	static final String SIBLING_API_HOST = "api.example.test";

	static final String OTHER_SITE_API_HOST = "api.other-site.test";

	static final String EVIL_HOST = "evil.test";

	static final String SIBLING_EVIL_HOST = "evil.example.test";

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--host-resolver-rules=MAP *.test 127.0.0.1");

	private final Path work;

	private final Map<Shape, Integer> nginxPorts = new EnumMap<>(Shape.class);

	private final Map<Shape, Integer> backendPorts = new EnumMap<>(Shape.class);

	private final Map<Shape, ConfigurableApplicationContext> backends = new EnumMap<>(Shape.class);

	private final TestCertificates certificates;

	private final NginxServer nginx;

	private final Playwright playwright;

	private final DevProvider.Running provider;

	private final List<String> chromiumArgs;

	private int profiles;

	private long contextMillis;

	BrowserSuite() {
		long started = System.nanoTime();
		this.work = Path.of(System.getProperty("spaauth.work", "target/browser-suite")).toAbsolutePath().normalize();
		FileSystemUtils.deleteRecursively(this.work.toFile());
		List<Integer> ports = freePorts(8);
		this.nginxPorts.put(Shape.SAME_DOMAIN, ports.get(0));
		this.nginxPorts.put(Shape.SIBLING_SUBDOMAINS, ports.get(1));
		this.nginxPorts.put(Shape.CROSS_SITE, ports.get(2));
		for (Shape shape : Shape.values()) {
			this.backendPorts.put(shape, ports.get(3 + shape.ordinal()));
		}
		this.certificates = TestCertificates.create(this.work.resolve("tls"),
				List.of(APP_HOST, SIBLING_API_HOST, OTHER_SITE_API_HOST, EVIL_HOST, SIBLING_EVIL_HOST));
		this.provider = DevProvider.start(ports.get(7), java.util.Arrays.stream(Shape.values())
			.map((shape) -> apiOrigin(shape) + "/api/auth/oauth2/callback/local")
			.toList());
		Path spaRoot = copySpaFiles(this.work.resolve("spa"));
		this.nginx = NginxServer.start(this.work.resolve("nginx"), serverBlocks(spaRoot),
				List.copyOf(this.nginxPorts.values()));
		List<String> args = new ArrayList<>(CHROMIUM_ARGS);
		// Chromium accepts exactly the suite's server key as if a trusted CA had signed it: no
		// certificate error, so the pages are secure contexts as on a real site.
		args.add("--ignore-certificate-errors-spki-list=" + this.certificates.spkiSha256());
		this.chromiumArgs = List.copyOf(args);
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		log("suite started (certificates, nginx, Playwright) in %d ms", millisSince(started));
	}

	private List<String> serverBlocks(Path spaRoot) {
		Path recipes = Path.of(System.getProperty("spaauth.repo", "..")).resolve("deploy/nginx");
		return List.of(
				NginxRecipe.of("same-domain.conf")
					.port(this.nginxPorts.get(Shape.SAME_DOMAIN))
					.serverName("app.example.com", APP_HOST)
					.certificates(this.certificates)
					.root(spaRoot)
					.backend(this.backendPorts.get(Shape.SAME_DOMAIN))
					.render(recipes),
				spaRecipe(Shape.SIBLING_SUBDOMAINS, spaRoot).render(recipes),
				apiRecipe(Shape.SIBLING_SUBDOMAINS, SIBLING_API_HOST).render(recipes),
				spaRecipe(Shape.CROSS_SITE, spaRoot).render(recipes),
				apiRecipe(Shape.CROSS_SITE, OTHER_SITE_API_HOST).render(recipes),
				attackerBlock(Shape.SAME_DOMAIN), attackerBlock(Shape.SIBLING_SUBDOMAINS), attackerBlock(Shape.CROSS_SITE));
	}

	/**
	 * Not a recipe: the attackers' sites, {@code https://evil.test} and {@code https://evil.example.test}
	 * on every port, each an empty page the attack tests run their scripts in. Served by nginx like the
	 * SPA (a page fulfilled by Playwright counts as a public address, and Chromium's Local Network Access
	 * would then refuse its requests to 127.0.0.1 before they reach the server).
	 */
	private String attackerBlock(Shape shape) {
		return """
				# The attackers' sites (test only)
				server {
				    listen 127.0.0.1:%d ssl;
				    server_name %s %s;
				    ssl_certificate     %s;
				    ssl_certificate_key %s;
				    location / {
				        default_type text/html;
				        return 200 '<!doctype html><title>Win a prize</title><p>Nothing to see here.</p>';
				    }
				}
				""".formatted(this.nginxPorts.get(shape), EVIL_HOST, SIBLING_EVIL_HOST,
				this.certificates.certificateChain(), this.certificates.privateKey());
	}

	private NginxRecipe spaRecipe(Shape shape, Path spaRoot) {
		return NginxRecipe.of("separate-origin-spa.conf")
			.port(this.nginxPorts.get(shape))
			.serverName("app.example.com", APP_HOST)
			.certificates(this.certificates)
			.root(spaRoot)
			.apiOrigin(apiOrigin(shape));
	}

	private NginxRecipe apiRecipe(Shape shape, String host) {
		return NginxRecipe.of("separate-origin-api.conf")
			.port(this.nginxPorts.get(shape))
			.serverName("api.example.com", host)
			.certificates(this.certificates)
			.backend(this.backendPorts.get(shape));
	}

	/**
	 * The demo's static files (the SPA and the JS client) from the demo's jar or classes on the
	 * classpath, for nginx to serve; other {@code static/} folders on the test classpath (the library's
	 * test jar has one) are left out.
	 */
	private static Path copySpaFiles(Path target) {
		try {
			String demo = DemoApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath();
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:static/**");
			int copied = 0;
			for (Resource resource : resources) {
				String url = resource.getURL().toString();
				if (url.endsWith("/") || !resource.isReadable() || !url.contains(demo)) {
					continue;
				}
				Path file = target.resolve(url.substring(url.lastIndexOf("/static/") + "/static/".length()));
				Files.createDirectories(file.getParent());
				try (InputStream in = resource.getInputStream()) {
					Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				}
				copied++;
			}
			if (!Files.exists(target.resolve("index.html")) || !Files.exists(target.resolve("spa-auth-client/index.js"))) {
				throw new IllegalStateException("The demo's SPA is not on the classpath (copied " + copied + " files)");
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Ports free on the loopback interface now, as many as asked for. */
	static List<Integer> freePorts(int count) {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
			}
			return sockets.stream().map(ServerSocket::getLocalPort).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			for (ServerSocket socket : sockets) {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// ignored
				}
			}
		}
	}

	String spaOrigin(Shape shape) {
		return switch (shape) {
			case BACKEND -> "http://localhost:" + this.backendPorts.get(shape);
			default -> "https://" + APP_HOST + ":" + this.nginxPorts.get(shape);
		};
	}

	String apiOrigin(Shape shape) {
		return switch (shape) {
			case SIBLING_SUBDOMAINS -> "https://" + SIBLING_API_HOST + ":" + this.nginxPorts.get(shape);
			case CROSS_SITE -> "https://" + OTHER_SITE_API_HOST + ":" + this.nginxPorts.get(shape);
			default -> spaOrigin(shape);
		};
	}

	/** An attacker's origin on the port of the shape's nginx (its pages are fulfilled by Playwright). */
	String attackerOrigin(Shape shape, String host) {
		int port = shape.behindNginx() ? this.nginxPorts.get(shape) : this.nginxPorts.get(Shape.SAME_DOMAIN);
		return "https://" + host + ":" + port;
	}

	/**
	 * Counts the rows of a table of the shape's backend database that match a condition, to see what
	 * the store holds (or no longer holds) after a flow in the browser.
	 * @param shape the shape, whose backend must have started
	 * @param sql a {@code SELECT COUNT(*)} with one parameter
	 * @param parameter the parameter
	 * @return the count
	 */
	synchronized long count(Shape shape, String sql, Object parameter) {
		return org.springframework.jdbc.core.simple.JdbcClient.create(this.backends.get(shape).getBean(javax.sql.DataSource.class))
			.sql(sql)
			.param(parameter)
			.query(Long.class)
			.single();
	}

	/** The shape, its backend started if it was not yet. */
	synchronized Deployment deployment(Shape shape) {
		this.backends.computeIfAbsent(shape, this::startBackend);
		return new Deployment(shape, spaOrigin(shape), apiOrigin(shape), this.backendPorts.get(shape),
				new Mailbox(mailboxFolder(shape)));
	}

	private Path mailboxFolder(Shape shape) {
		return this.work.resolve("mailbox/shape" + (shape.ordinal() + 1));
	}

	/** The suite's throwaway CA and server certificate (for clients outside the browser, and more nginx servers). */
	TestCertificates certificates() {
		return this.certificates;
	}

	/** The suite's OpenID Connect provider, to add users to. */
	DevProvider.Running provider() {
		return this.provider;
	}

	/** Where tests put screenshots for people to look at: {@code target/screenshots/}. */
	Path screenshots() {
		return this.work.resolveSibling("screenshots");
	}

	/** The username each shape's demo makes its administrator ({@code demo.admin-username}). */
	static final String ADMIN_USERNAME = "suite-admin";

	private ConfigurableApplicationContext startBackend(Shape shape) {
		long started = System.nanoTime();
		List<String> args = new ArrayList<>(List.of("--server.port=" + this.backendPorts.get(shape),
				"--server.address=127.0.0.1", "--management.server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:shape" + (shape.ordinal() + 1) + ";DB_CLOSE_DELAY=-1",
				"--spring.main.banner-mode=off", "--spring.jmx.enabled=false", "--logging.level.root=WARN"));
		// Mails (reset and confirmation links) as JSON files in the shape's own folder, with links to
		// the SPA as this shape serves it.
		args.add("--spa-auth.mail.dev-mailbox=" + mailboxFolder(shape));
		args.add("--spa-auth.spa-url=" + spaOrigin(shape));
		// The demo's administrator, so that the first account a test signs up is not one by accident.
		args.add("--demo.admin-username=" + ADMIN_USERNAME);
		// "Sign in with Local ID": the suite's provider, found by OpenID Connect discovery.
		String registration = "--spring.security.oauth2.client.registration.local.";
		args.add(registration + "client-id=" + DevProvider.CLIENT_ID);
		args.add(registration + "client-secret=" + DevProvider.CLIENT_SECRET);
		args.add(registration + "client-name=Local ID");
		args.add(registration + "scope=openid,profile,email");
		args.add("--spring.security.oauth2.client.provider.local.issuer-uri=" + this.provider.issuer());
		if (shape.behindNginx()) {
			args.add("--server.forward-headers-strategy=native");
		}
		if (shape.crossOrigin()) {
			args.add("--spa-auth.allowed-origins=" + spaOrigin(shape));
			args.add("--spa-auth.public-origin=" + apiOrigin(shape));
		}
		// Command-line arguments, not SpringApplicationBuilder.properties(): those are defaults, and the
		// demo's application.properties (a file database on port 8080) would win over them.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DemoApplication.class)
			.run(args.toArray(String[]::new));
		log("backend for shape %s started in %d ms", shape, millisSince(started));
		return context;
	}

	/**
	 * A new browser (its own Chromium process and a fresh profile) that allows third-party cookies:
	 * "Allow third-party cookies" in Chromium's settings, as in a regular Chrome profile. Debian's
	 * Chromium 156 blocks them by default, in a fresh profile as well as in Playwright's
	 * {@code Browser.newContext()}; cookies refused that way carry the blocked reason "UserPreferences".
	 * With {@code -Dspaauth.block-third-party-cookies=true} it blocks them like
	 * {@link #newContextBlockingThirdPartyCookies()}, to run the whole suite as such a browser.
	 */
	BrowserContext newContext() {
		// profile.cookie_controls_mode: 0 allow third-party cookies, 1 block them.
		return newContext("{\"cookie_controls_mode\": " + (Boolean.getBoolean("spaauth.block-third-party-cookies") ? 1 : 0)
				+ "}");
	}

	/** A new browser with "Block third-party cookies" (Chromium 156's default here). */
	BrowserContext newContextBlockingThirdPartyCookies() {
		return newContext("{\"cookie_controls_mode\": 1}");
	}

	/**
	 * A new browser with "Don't allow sites to save data" (Chromium's content setting for cookies:
	 * 2 blocks them): no site keeps any cookie, first-party or not.
	 */
	BrowserContext newContextBlockingAllCookies() {
		return newContext("{\"default_content_setting_values\": {\"cookies\": 2}}");
	}

	/** A new browser whose profile starts with the given {@code profile} preferences (JSON). */
	private synchronized BrowserContext newContext(String profilePreferences) {
		long started = System.nanoTime();
		Path profile = this.work.resolve("profiles/" + (++this.profiles));
		try {
			Files.createDirectories(profile.resolve("Default"));
			Files.writeString(profile.resolve("Default/Preferences"), "{\"profile\": " + profilePreferences + "}");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		BrowserContext context = this.playwright.chromium()
			.launchPersistentContext(profile, new BrowserType.LaunchPersistentContextOptions()
				.setExecutablePath(CHROMIUM)
				.setArgs(this.chromiumArgs));
		context.setDefaultTimeout(10_000);
		this.contextMillis += millisSince(started);
		return context;
	}

	Path nginxErrorLog() {
		return this.nginx.errorLog();
	}

	@Override
	public void close() {
		long started = System.nanoTime();
		try {
			this.playwright.close();
		}
		finally {
			this.nginx.close();
			this.backends.values().forEach(ConfigurableApplicationContext::close);
			this.provider.close();
		}
		log("suite stopped in %d ms; %d browsers launched in %d ms in all", millisSince(started), this.profiles,
				this.contextMillis);
	}

	static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	static void log(String format, Object... args) {
		System.out.println("[browser-suite] " + format.formatted(args));
	}

}
