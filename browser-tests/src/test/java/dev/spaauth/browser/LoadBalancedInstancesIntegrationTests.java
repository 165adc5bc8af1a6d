package dev.spaauth.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

import dev.spaauth.demo.DemoApplication;
import dev.spaauth.testapp.PrivateRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Scale-out: two demo instances behind nginx running {@code deploy/nginx/load-balancer.conf} as users
 * copy it (only ports, host name, paths and certificates substituted), over TLS with the suite's
 * throwaway CA, sharing sessions in a private Redis ({@code spa-auth.session.store=redis}) and one
 * database (an in-memory H2 that both instances in this JVM open by name), with the same CSRF signing
 * secret. No browser: a JDK {@code HttpClient} per run that trusts only the test CA and reaches
 * {@code https://app.example.test:PORT} through {@link LoopbackConnectProxy}, one cookie jar per user.
 *
 * <p>Test-only addition to the recipe: {@code add_header X-Upstream $upstream_addr always;}, so that
 * each answer tells which instance gave it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancedInstancesIntegrationTests {

	private static final String HOST = BrowserSuite.APP_HOST;

	private static final String PASSWORD = "correct horse battery staple 42";

	private static final String CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	private static final JsonMapper JSON = JsonMapper.shared();

	/** Raise for a longer run with {@code -Dspaauth.lb.users=90}: fewer than 100, the address throttle's sign-ups. */
	private static final int LOAD_USERS = Integer.getInteger("spaauth.lb.users", 40);

	/** Requests per user between sign-up and log-out: adding a note, listing notes, the session status. */
	private static final int LOAD_REQUESTS_PER_USER = Integer.getInteger("spaauth.lb.requests", 24);

	/** Short and unique per run, in every username of the run: {@code lb<run>u<n>}. */
	private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

	private static final Pattern ANY_USERNAME = Pattern.compile("lb" + RUN + "u[0-9]{3}");

	private static Path work;

	private static PrivateRedis redis;

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private static final List<String> upstreamAddresses = new ArrayList<>();

	private static NginxServer nginx;

	private static LoopbackConnectProxy proxy;

	private static HttpClient http;

	private static String origin;

	private static int usernames;

	@BeforeAll
	static void start() throws java.io.IOException {
		long started = System.nanoTime();
		work = Path.of(System.getProperty("spaauth.work", "target/browser-suite"))
			.toAbsolutePath()
			.normalize()
			.resolveSibling("load-balancer");
		FileSystemUtils.deleteRecursively(work.toFile());
		int nginxPort = freePort();
		origin = "https://" + HOST + ":" + nginxPort;
		redis = PrivateRedis.start(work.resolve("redis"));
		String signingSecret = randomSecret();
		for (int i = 0; i < 2; i++) {
			ConfigurableApplicationContext instance = startInstance(signingSecret);
			instances.add(instance);
			upstreamAddresses.add("127.0.0.1:" + ((WebServerApplicationContext) instance).getWebServer().getPort());
		}
		TestCertificates certificates = TestCertificates.create(work.resolve("tls"), List.of(HOST));
		Path recipes = Path.of(System.getProperty("spaauth.repo", "..")).resolve("deploy/nginx");
		String recipe = NginxRecipe.of("load-balancer.conf")
			.port(nginxPort)
			.serverName("app.example.com", HOST)
			.certificates(certificates)
			.root(copySpaFiles(work.resolve("spa")))
			.upstream(port(0), port(1))
			.render(recipes);
		nginx = NginxServer.start(work.resolve("nginx"), List.of(withUpstreamHeader(recipe)), List.of(nginxPort));
		proxy = LoopbackConnectProxy.start();
		http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(trusting(certificates.caCertificate()))
			.proxy(proxy.selector())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		log("redis, two instances (%s) and nginx on %s started in %d ms", upstreamAddresses, origin,
				BrowserSuite.millisSince(started));
	}

	@AfterAll
	static void stop() {
		try {
			if (nginx != null) {
				nginx.close();
			}
			if (proxy != null) {
				proxy.close();
			}
		}
		finally {
			try {
				instances.forEach(ConfigurableApplicationContext::close);
			}
			finally {
				if (redis != null) {
					redis.close();
				}
			}
		}
	}

	@Test
	@Order(1)
	void requestsAlternateBetweenTheInstancesAndASessionWorksOnBothUntilLogOut() {
		User visitor = new User("visitor");
		Reply page = visitor.send("GET", "/", null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<!doctype html");
		assertThat(page.header("Content-Security-Policy")).contains(CSP);
		assertThat(page.upstream()).as("the SPA's files come from nginx").isNull();

		List<String> servedBy = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Reply session = visitor.send("GET", "/api/auth/session", null);
			assertThat(session.status()).isEqualTo(200);
			servedBy.add(session.upstream());
		}
		assertThat(servedBy).as("round-robin").containsOnly(upstreamAddresses.toArray(String[]::new));
		for (int i = 1; i < servedBy.size(); i++) {
			assertThat(servedBy.get(i)).as("request %d of %s", i, servedBy).isNotEqualTo(servedBy.get(i - 1));
		}

		User alice = new User(newUsername());
		alice.signUp();
		Set<String> addedOn = new LinkedHashSet<>();
		Set<String> listedOn = new LinkedHashSet<>();
		Set<String> statusOn = new LinkedHashSet<>();
		List<String> texts = new ArrayList<>();
		// add, list, session: with strict alternation each kind of request reaches both instances.
		for (int i = 0; i < 4; i++) {
			String text = "note " + i + " of " + alice.username;
			Reply added = alice.send("POST", "/api/notes", Map.of("text", text));
			assertThat(added.status()).as("%s", added).isEqualTo(201);
			texts.add(0, text);
			addedOn.add(added.upstream());
			Reply listed = alice.send("GET", "/api/notes", null);
			assertThat(listed.status()).as("%s", listed).isEqualTo(200);
			assertThat(noteTexts(listed)).as("read on %s right after the write on %s", listed.upstream(),
					added.upstream()).isEqualTo(texts);
			listedOn.add(listed.upstream());
			Reply status = alice.send("GET", "/api/auth/session", null);
			assertThat(status.json().get("user").get("username").asString()).isEqualTo(alice.username);
			statusOn.add(status.upstream());
		}
		assertThat(addedOn).containsExactlyInAnyOrderElementsOf(upstreamAddresses);
		assertThat(listedOn).containsExactlyInAnyOrderElementsOf(upstreamAddresses);
		assertThat(statusOn).containsExactlyInAnyOrderElementsOf(upstreamAddresses);

		String oldCookie = alice.cookies.get("__Host-SESSION");
		assertThat(oldCookie).isNotNull();
		Reply logout = alice.send("POST", "/api/auth/logout", null);
		assertThat(logout.status()).isEqualTo(200);
		assertThat(alice.cookies).doesNotContainKey("__Host-SESSION");
		User replay = new User(alice.username);
		replay.cookies.put("__Host-SESSION", oldCookie);
		Set<String> refusedOn = new LinkedHashSet<>();
		for (int i = 0; i < 2; i++) {
			Reply refused = replay.send("GET", "/api/notes", null);
			assertThat(refused.status()).as("the old cookie on %s after log-out on %s", refused.upstream(),
					logout.upstream()).isEqualTo(401);
			assertThat(refused.json().get("code").asString()).isEqualTo("unauthenticated");
			refusedOn.add(refused.upstream());
		}
		assertThat(refusedOn).containsExactlyInAnyOrderElementsOf(upstreamAddresses);
		log("session used on %s, ended on %s, refused afterwards on %s", addedOn, logout.upstream(), refusedOn);
	}

	@Test
	@Order(2)
	void concurrentUsersThroughTheLoadBalancerGetNo5xxAndNeverAnotherUsersData() throws Exception {
		Stats stats = new Stats();
		List<Callable<Void>> users = new ArrayList<>();
		CountDownLatch ready = new CountDownLatch(LOAD_USERS);
		CountDownLatch go = new CountDownLatch(1);
		// An instance runs one Argon2id hash per two cores (at least one) and answers 503 "busy"
		// (Retry-After: 1) to a log-in or sign-up that waited 1 s for one: the documented back-pressure,
		// not what this test measures. So at most as many sign-ups run at once as the two instances have
		// hash slots; everything else runs unbounded.
		Semaphore signUps = new Semaphore(2 * Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
		for (int i = 0; i < LOAD_USERS; i++) {
			User user = new User(newUsername());
			user.stats = stats;
			users.add(() -> {
				ready.countDown();
				go.await();
				runUser(user, stats, signUps);
				return null;
			});
		}
		ExecutorService threads = Executors.newFixedThreadPool(LOAD_USERS);
		long started;
		long took;
		List<Future<Void>> done = new ArrayList<>();
		try {
			users.forEach((user) -> done.add(threads.submit(user)));
			ready.await(10, TimeUnit.SECONDS);
			started = System.nanoTime();
			go.countDown();
			threads.shutdown();
			long limit = Math.max(40, LOAD_USERS * LOAD_REQUESTS_PER_USER / 25);
			boolean finished = threads.awaitTermination(limit, TimeUnit.SECONDS);
			took = System.nanoTime() - started;
			assertThat(finished).as("every user done within %d s", limit).isTrue();
		}
		finally {
			threads.shutdownNow();
		}
		for (Future<Void> user : done) {
			try {
				user.get();
			}
			catch (ExecutionException ex) {
				stats.problems.add("a user stopped: " + ex.getCause());
			}
		}
		double seconds = took / 1e9;
		long requests = stats.requests.sum();
		log("%d users, %d requests in %.1f s: %.0f requests/s; statuses %s; by instance %s", LOAD_USERS, requests,
				seconds, requests / seconds, stats.statuses(), stats.upstreams());
		log("latency in ms: sign-up p50 %d, p95 %d, max %d; other requests p50 %d, p95 %d, max %d",
				stats.percentile(true, 50), stats.percentile(true, 95), stats.percentile(true, 100),
				stats.percentile(false, 50), stats.percentile(false, 95), stats.percentile(false, 100));
		assertSoftly((softly) -> {
			softly.assertThat(stats.serverErrors).as("answers >= 500").isEmpty();
			softly.assertThat(stats.leaks).as("answers holding another user's data").isEmpty();
			softly.assertThat(stats.problems).as("other unexpected answers").isEmpty();
			softly.assertThat(requests).isEqualTo((long) LOAD_USERS * (LOAD_REQUESTS_PER_USER + 4));
			softly.assertThat(stats.upstreams().keySet()).containsExactlyInAnyOrderElementsOf(upstreamAddresses);
		});
	}

	/**
	 * An instance goes away: nginx passes its requests to the other one and no session is lost. A
	 * POST that met the stopped instance had not reached it (connection refused), so nginx passes it
	 * on too, and it is applied once.
	 */
	@Test
	@Order(3)
	void whenAnInstanceStopsTheOtherAnswersEveryRequestOfTheSameSession() {
		User bob = new User(newUsername());
		bob.signUp();
		Reply added = bob.send("POST", "/api/notes", Map.of("text", "before " + bob.username));
		assertThat(added.status()).isEqualTo(201);

		instances.get(1).close();
		String stopped = upstreamAddresses.get(1);
		String remaining = upstreamAddresses.get(0);
		List<String> postedVia = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Reply another = bob.send("POST", "/api/notes", Map.of("text", "after " + i + " " + bob.username));
			assertThat(another.status()).as("%s", another).isEqualTo(201);
			postedVia.add(another.upstream());
		}
		assertThat(postedVia).as("one of two POSTs met the stopped instance first").contains(stopped + ", " + remaining);
		for (int i = 0; i < 4; i++) {
			Reply listed = bob.send("GET", "/api/notes", null);
			assertThat(listed.status()).as("%s", listed).isEqualTo(200);
			assertThat(listed.upstream()).isEqualTo(remaining);
			assertThat(noteTexts(listed)).containsExactly("after 1 " + bob.username, "after 0 " + bob.username,
					"before " + bob.username);
		}
		log("instance %s stopped: the next two POSTs went via \"%s\", the session lived on", stopped,
				String.join("\" and \"", postedVia));
	}

	/** Sign-up, then add / list / session status in turn, then log-out and a replay of the old cookie. */
	private static void runUser(User user, Stats stats, Semaphore signUps) throws InterruptedException {
		signUps.acquire();
		try {
			user.signUp();
		}
		finally {
			signUps.release();
		}
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < LOAD_REQUESTS_PER_USER; i++) {
			switch (i % 3) {
				case 0 -> {
					String text = user.username + " note " + i;
					if (user.expect(user.send("POST", "/api/notes", Map.of("text", text)), 201)) {
						texts.add(0, text);
					}
				}
				case 1 -> {
					Reply listed = user.send("GET", "/api/notes", null);
					if (user.expect(listed, 200) && !noteTexts(listed).equals(texts)) {
						stats.problems.add(user.username + " listed " + noteTexts(listed) + " on " + listed.upstream()
								+ ", expected " + texts);
					}
				}
				default -> {
					Reply status = user.send("GET", "/api/auth/session", null);
					if (user.expect(status, 200)
							&& !user.username.equals(status.json().path("user").path("username").asString())) {
						stats.problems.add(user.username + " got the session status " + status.body());
					}
				}
			}
		}
		String cookie = user.cookies.get("__Host-SESSION");
		user.expect(user.send("POST", "/api/auth/logout", null), 200);
		User replay = new User(user.username);
		replay.stats = stats;
		replay.cookies.put("__Host-SESSION", cookie);
		replay.expect(replay.send("GET", "/api/notes", null), 401);
	}

	private static List<String> noteTexts(Reply notes) {
		List<String> texts = new ArrayList<>();
		notes.json().get("notes").forEach((note) -> texts.add(note.get("text").asString()));
		return texts;
	}

	private static synchronized String newUsername() {
		return "lb" + RUN + "u" + "%03d".formatted(++usernames);
	}

	/** One browser profile: its cookies (by name) and the CSRF token from the last JSON that had one. */
	private static final class User {

		final String username;

		final Map<String, String> cookies = new LinkedHashMap<>();

		String csrfToken;

		Stats stats;

		User(String username) {
			this.username = username;
		}

		void signUp() {
			Reply csrf = send("GET", "/api/auth/csrf", null);
			if (!expect(csrf, 200)) {
				throw new AssertionError("GET /api/auth/csrf: " + csrf);
			}
			Reply signup = send("POST", "/api/auth/signup",
					Map.of("username", this.username, "email", this.username + "@example.com", "password", PASSWORD));
			if (!expect(signup, 201)) {
				throw new AssertionError("sign-up: " + signup);
			}
		}

		/** Records an answer other than {@code status} as a problem (or in the statistics of the run). */
		boolean expect(Reply reply, int status) {
			if (reply.status() == status) {
				return true;
			}
			if (this.stats == null) {
				assertThat(reply.status()).as("%s", reply).isEqualTo(status);
			}
			else if (reply.status() < 500) {
				this.stats.problems.add("expected " + status + ": " + reply);
			}
			return false;
		}

		Reply send(String method, String path, Object body) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
				.timeout(Duration.ofSeconds(20))
				.header("Accept", "application/json, text/html;q=0.9");
			if (!this.cookies.isEmpty()) {
				request.header("Cookie", this.cookies.entrySet()
					.stream()
					.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
					.collect(Collectors.joining("; ")));
			}
			if (!method.equals("GET")) {
				// What a browser sends with fetch() from the SPA's page.
				request.header("Origin", origin);
				request.header("Sec-Fetch-Site", "same-origin");
				if (this.csrfToken != null) {
					request.header("X-XSRF-TOKEN", this.csrfToken);
				}
			}
			if (body != null) {
				request.header("Content-Type", "application/json");
				request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			long started = System.nanoTime();
			HttpResponse<String> response;
			try {
				response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(method + " " + path + " for " + this.username, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			Reply reply = new Reply(method, path, response);
			for (String setCookie : response.headers().allValues("Set-Cookie")) {
				String pair = setCookie.split(";", 2)[0];
				String name = pair.substring(0, pair.indexOf('='));
				String value = pair.substring(pair.indexOf('=') + 1);
				if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, value);
				}
			}
			if (reply.isJson() && reply.json().hasNonNull("csrfToken")) {
				this.csrfToken = reply.json().get("csrfToken").asString();
			}
			if (this.stats != null) {
				this.stats.record(this.username, reply, System.nanoTime() - started);
			}
			return reply;
		}

	}

	private record Reply(String method, String path, int status, String body, String upstream,
			java.net.http.HttpHeaders headers) {

		Reply(String method, String path, HttpResponse<String> response) {
			this(method, path, response.statusCode(), response.body(),
					response.headers().firstValue("X-Upstream").orElse(null), response.headers());
		}

		Optional<String> header(String name) {
			return this.headers.firstValue(name);
		}

		boolean isJson() {
			return header("Content-Type").map((type) -> type.contains("json")).orElse(false);
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path + " -> " + this.status + " from " + this.upstream + ": "
					+ (this.body.length() > 300 ? this.body.substring(0, 300) + "..." : this.body);
		}

	}

	/** What the load test saw, from every user's thread. */
	private static final class Stats {

		final LongAdder requests = new LongAdder();

		final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

		final Map<String, LongAdder> byUpstream = new ConcurrentHashMap<>();

		final Collection<Long> signUpLatencies = new ConcurrentLinkedQueue<>();

		final Collection<Long> otherLatencies = new ConcurrentLinkedQueue<>();

		final Collection<String> serverErrors = new ConcurrentLinkedQueue<>();

		final Collection<String> leaks = new ConcurrentLinkedQueue<>();

		final Collection<String> problems = new ConcurrentLinkedQueue<>();

		void record(String username, Reply reply, long nanos) {
			this.requests.increment();
			(reply.path().endsWith("/signup") ? this.signUpLatencies : this.otherLatencies).add(nanos);
			this.byStatus.computeIfAbsent(reply.status(), (status) -> new LongAdder()).increment();
			this.byUpstream.computeIfAbsent(String.valueOf(reply.upstream()), (upstream) -> new LongAdder()).increment();
			if (reply.status() >= 500) {
				this.serverErrors.add(username + ": " + reply);
			}
			Matcher names = ANY_USERNAME.matcher(reply.body());
			while (names.find()) {
				if (!names.group().equals(username)) {
					this.leaks.add(username + " saw " + names.group() + ": " + reply);
				}
			}
		}

		Map<Integer, Long> statuses() {
			return new TreeMap<>(this.byStatus.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().sum())));
		}

		Map<String, Long> upstreams() {
			return new TreeMap<>(this.byUpstream.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().sum())));
		}

		long percentile(boolean signUps, int percent) {
			List<Long> sorted = (signUps ? this.signUpLatencies : this.otherLatencies).stream().sorted().toList();
			if (sorted.isEmpty()) {
				return 0;
			}
			int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
			return sorted.get(Math.max(0, index)) / 1_000_000;
		}

	}

	private static ConfigurableApplicationContext startInstance(String signingSecret) {
		long started = System.nanoTime();
		// Command-line arguments: they win over the demo's application.properties (file database, port 8080).
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DemoApplication.class).run(
				"--server.port=0", "--management.server.port=0", "--server.address=127.0.0.1",
				"--server.forward-headers-strategy=native",
				"--spa-auth.session.store=redis", "--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + redis.port(), "--spring.session.data.redis.namespace=spa-auth-lb-" + RUN,
				"--spring.datasource.url=jdbc:h2:mem:load-balancer-" + RUN + ";DB_CLOSE_DELAY=-1",
				"--spa-auth.csrf.signing-secret=" + signingSecret,
				"--spa-auth.mail.dev-mailbox=" + work.resolve("mailbox"), "--spa-auth.spa-url=" + origin,
				// These users sign up and go on at once: what is measured here is instances sharing sessions.
				"--spa-auth.signup.email-verification=optional",
				"--spring.main.banner-mode=off", "--spring.jmx.enabled=false", "--logging.level.root=WARN");
		log("instance %d started in %d ms", instances.size() + 1, BrowserSuite.millisSince(started));
		return context;
	}

	private static int port(int instance) {
		String address = upstreamAddresses.get(instance);
		return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
	}

	/** Test only: which instance answered, next to the recipe's Content-Security-Policy header. */
	private static String withUpstreamHeader(String recipe) {
		String anchor = "    add_header Content-Security-Policy ";
		if (!recipe.contains(anchor)) {
			throw new IllegalStateException("load-balancer.conf no longer sets the Content-Security-Policy header");
		}
		return recipe.replace(anchor, "    add_header X-Upstream $upstream_addr always;  # test only\n" + anchor);
	}

	private static String randomSecret() {
		SecureRandom random = new SecureRandom();
		String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
		StringBuilder secret = new StringBuilder();
		for (int i = 0; i < 40; i++) {
			secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return secret.toString();
	}

	/** An SSLContext that trusts the suite's throwaway CA and nothing else. */
	private static SSLContext trusting(Path caCertificate) {
		try (InputStream in = Files.newInputStream(caCertificate)) {
			KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
			trusted.load(null, null);
			trusted.setCertificateEntry("spa-auth-test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), new SecureRandom());
			return context;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The demo's static files (the SPA and the JS client) from the classpath, for nginx to serve. */
	private static Path copySpaFiles(Path target) {
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:static/**")) {
				String url = resource.getURL().toString();
				if (url.endsWith("/") || !resource.isReadable()) {
					continue;
				}
				Path file = target.resolve(url.substring(url.lastIndexOf("/static/") + "/static/".length()));
				Files.createDirectories(file.getParent());
				try (InputStream in = resource.getInputStream()) {
					Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void log(String format, Object... args) {
		System.out.println("[load-balancer] " + format.formatted(args));
	}

}
