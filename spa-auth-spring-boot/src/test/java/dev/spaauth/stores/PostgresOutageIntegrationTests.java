package dev.spaauth.stores;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.PrivatePostgres;
import dev.spaauth.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application whose sessions, accounts and throttle counts live in PostgreSQL, while that server
 * is stopped ({@code pg_ctl stop -m immediate}) and while it hangs (SIGSTOP): requests that need the
 * database get 503 with {@code Retry-After} within seconds, never a 500, never an anonymous answer
 * and no cookie; 200 at once get no 500; requests that need no database stay fast; the stores'
 * health turns DOWN within its bound; and service returns with the database, without a restart, for
 * the sessions that were there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresOutageIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple 42";

	/** How long a request may take to be refused: the 2 s bounds plus a loaded CI machine's slack. */
	private static final Duration REFUSED_WITHIN = Duration.ofSeconds(4);

	private static PrivatePostgres postgres;

	private static ConfigurableApplicationContext app;

	@BeforeAll
	static void start() throws IOException {
		postgres = PrivatePostgres.start();
		app = SpringApplication.run(TestApplication.class, "--server.port=0", "--spring.datasource.url=" + postgres.url(),
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--spring.mail.host=",
				"--spring.main.banner-mode=off", "--management.endpoint.health.show-details=always");
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		postgres.close();
	}

	@Test
	@Order(1)
	void stoppedDatabaseIsAnswered503WithinSecondsAndTheSessionWorksAgainWhenItIsBack() throws Exception {
		ApiClient user = signedUp();
		String token = user.csrf();

		postgres.stop();
		try {
			refusedWhileDown(user, token);
		}
		finally {
			postgres.restart();
		}

		servedAgainAfter(user, System.nanoTime());
	}

	@Test
	@Order(2)
	void hungDatabaseIsAnswered503WithinSecondsAndTheSessionWorksAgainWhenItAnswers() throws Exception {
		ApiClient user = signedUp();
		String token = user.csrf();

		postgres.hang();
		try {
			refusedWhileDown(user, token);
		}
		finally {
			postgres.resume();
		}

		servedAgainAfter(user, System.nanoTime());
	}

	@Test
	@Order(3)
	void hungDatabaseTurnsTheStoresHealthDownWithinItsBoundAndUpAgainWhenItAnswers() throws Exception {
		assertThat(health("spaAuthSessionStore").status()).isEqualTo(200);

		postgres.hang();
		Timed<Response> sessions;
		Timed<Response> throttle;
		try {
			sessions = timed(() -> health("spaAuthSessionStore"));
			throttle = timed(() -> health("spaAuthThrottleStore"));
		}
		finally {
			postgres.resume();
		}

		assertThat(sessions.value().status()).as(sessions.value().body()).isEqualTo(503);
		assertThat(sessions.value().json().get("details").get("store").asString()).isEqualTo("jdbc");
		assertThat(throttle.value().status()).as(throttle.value().body()).isEqualTo(503);
		assertThat(throttle.value().json().get("details").get("store").asString()).isEqualTo("postgresql");
		assertThat(sessions.took()).isLessThan(REFUSED_WITHIN);
		assertThat(throttle.took()).isLessThan(REFUSED_WITHIN);
		long back = System.nanoTime();
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> health("spaAuthSessionStore").status() == 200 && health("spaAuthThrottleStore").status() == 200);
		System.out.printf("[outage] store health with the database hung: sessions DOWN in %d ms, throttle DOWN in %d ms; "
				+ "UP again %d ms after it answered%n", sessions.took().toMillis(), throttle.took().toMillis(),
				(System.nanoTime() - back) / 1_000_000);
	}

	private static Response health(String indicator) {
		return new ApiClient(port()).get("/actuator/health/" + indicator).send();
	}

	private static void refusedWhileDown(ApiClient user, String token) throws Exception {
		// 200 session requests at once, as the outage begins, while requests without a session go on.
		ExecutorService noStoreThread = Executors.newSingleThreadExecutor();
		java.util.concurrent.atomic.AtomicBoolean bursting = new java.util.concurrent.atomic.AtomicBoolean(true);
		Future<List<Timed<Response>>> noStoreDuring = noStoreThread.submit(() -> {
			List<Timed<Response>> answers = new ArrayList<>();
			while (bursting.get()) {
				answers.add(timed(() -> new ApiClient(port()).get("/api/auth/session").send()));
				Thread.sleep(50);
			}
			return answers;
		});
		List<Timed<Response>> burst;
		try {
			burst = concurrently(200, () -> {
				ApiClient sameBrowser = new ApiClient(port());
				sameBrowser.cookies().putAll(user.cookies());
				return sameBrowser.get("/api/things").send();
			});
		}
		finally {
			bursting.set(false);
			noStoreThread.shutdown();
		}
		for (Timed<Response> each : burst) {
			assertUnavailable(each.value());
			assertThat(each.took()).isLessThan(REFUSED_WITHIN);
		}
		List<Timed<Response>> withoutSession = noStoreDuring.get();
		withoutSession.forEach((each) -> {
			assertThat(each.value().status()).isEqualTo(200);
			// Not held up behind the requests that wait for the database (1.7 s before the bound on waiters).
			assertThat(each.took()).isLessThan(Duration.ofSeconds(1));
		});

		Timed<Response> next = timed(() -> user.get("/api/things").send());
		assertUnavailable(next.value());
		assertUnavailable(user.get("/api/auth/session").send());
		assertUnavailable(user.get("/api/auth/csrf").send());
		assertUnavailable(user.post("/api/things").csrf(token).json(Map.of("name", "x")).send());
		assertUnavailable(user.post("/api/auth/logout").csrf(token).send());
		Response login = new ApiClient(port()).login("someone", PASSWORD);
		assertUnavailable(login);

		Timed<Response> noStore = timed(() -> new ApiClient(port()).get("/api/auth/session").send());
		assertThat(noStore.value().status()).as("no session cookie needs no store").isEqualTo(200);
		assertThat(noStore.took()).isLessThan(Duration.ofMillis(500));
		long[] burstMillis = burst.stream().mapToLong((each) -> each.took().toMillis()).sorted().toArray();
		System.out.printf("[outage] 200 session requests at once: 503 after %d ms (median) to %d ms (slowest); "
				+ "requests without a session meanwhile: %d answered, slowest %d ms; afterwards: a session request "
				+ "503 in %d ms, one without a session 200 in %d ms%n", burstMillis[burstMillis.length / 2],
				burstMillis[burstMillis.length - 1], withoutSession.size(),
				withoutSession.stream().mapToLong((each) -> each.took().toMillis()).max().orElse(-1),
				next.took().toMillis(), noStore.took().toMillis());
	}

	private static void servedAgainAfter(ApiClient user, long outageEnded) {
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> user.get("/api/things").send().status() == 200);
		System.out.printf("[outage] the session served again %d ms after the database came back%n",
				(System.nanoTime() - outageEnded) / 1_000_000);
	}

	private static void assertUnavailable(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo("service_unavailable");
		assertThat(response.header("Retry-After")).isPresent();
		assertThat(response.setCookies()).as("no cookie set or deleted while the store is down").isEmpty();
	}

	private static ApiClient signedUp() {
		ApiClient client = new ApiClient(port());
		String username = "pg" + Long.toString(System.nanoTime(), 36);
		assertThat(client.signup(username, username + "@example.com", PASSWORD).status()).isEqualTo(201);
		assertThat(client.get("/api/things").send().status()).isEqualTo(200);
		return client;
	}

	private static <T> List<Timed<T>> concurrently(int count, Supplier<T> work) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			List<Future<Timed<T>>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(threads.submit(() -> timed(work)));
			}
			List<Timed<T>> results = new ArrayList<>();
			for (Future<Timed<T>> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static <T> Timed<T> timed(Supplier<T> work) {
		long started = System.nanoTime();
		T value = work.get();
		return new Timed<>(value, Duration.ofNanos(System.nanoTime() - started));
	}

	private static int port() {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private record Timed<T>(T value, Duration took) {
	}

}
