package dev.spaauth.stores;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
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
import dev.spaauth.testapp.Authenticator;
import dev.spaauth.testapp.PrivateRedis;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of an application sharing sessions in Redis ({@code spa-auth.session.store=redis})
 * and a database: a session started on one is used, listed, revoked and ended on the other, survives
 * a restart, and an outage of Redis is answered 503 until Redis is back, without a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisSessionIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple 42";

	private static PrivateRedis redis;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void start() throws IOException {
		redis = PrivateRedis.start();
		a = instance();
		b = instance();
	}

	@AfterAll
	static void stop() {
		if (a != null) {
			a.close();
		}
		if (b != null) {
			b.close();
		}
		redis.close();
	}

	@Test
	@Order(1)
	void sessionStartedOnOneInstanceWorksOnTheOtherAndLogOutThereEndsItEverywhere() {
		ApiClient onA = new ApiClient(port(a));
		String username = signUp(onA);
		ApiClient onB = sameBrowserOn(b, onA);

		assertThat(onB.get("/api/things").send().json().get("owner").asString()).isEqualTo(username);
		String sessionId = onA.sessionId();
		assertThat(sessionId).matches("[A-Za-z0-9_-]{36}");

		assertThat(onB.post("/api/auth/logout").csrf(onB.csrf()).send().status()).isEqualTo(200);
		ApiClient replayOnA = new ApiClient(port(a));
		replayOnA.cookies().put("__Host-SESSION", onA.cookies().get("__Host-SESSION"));
		assertThat(replayOnA.get("/api/things").send().status()).isEqualTo(401);
	}

	@Test
	@Order(1)
	void sessionAttributesAreStoredAsJsonNeverAsJavaSerialization() {
		ApiClient onA = new ApiClient(port(a));
		String username = signUp(onA);

		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", redis.port()));
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			Map<byte[], byte[]> stored = connection.sync()
				.hgetall(("spa-auth-it:sessions:" + onA.sessionId()).getBytes(StandardCharsets.UTF_8));
			String context = stored.entrySet()
				.stream()
				.filter((entry) -> new String(entry.getKey(), StandardCharsets.UTF_8)
					.equals("sessionAttr:SPRING_SECURITY_CONTEXT"))
				.map((entry) -> new String(entry.getValue(), StandardCharsets.UTF_8))
				.findFirst()
				.orElseThrow();
			assertThat(context).startsWith("{").contains("\"username\":\"" + username + "\"").doesNotContain("argon2");
			assertThat(stored.values()).noneMatch((value) -> value.length > 1 && (value[0] & 0xff) == 0xac
					&& (value[1] & 0xff) == 0xed);
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	@Order(1)
	void aLogInWaitingForItsSecondFactorOnOneInstanceIsCompletedOnTheOther() {
		ApiClient owner = new ApiClient(port(a));
		String username = signUp(owner);
		Authenticator app = Authenticator.enrol(owner, PASSWORD);
		ApiClient onA = new ApiClient(port(a));
		String pending = onA.login(username, PASSWORD).json().get("csrfToken").asString();
		ApiClient onB = sameBrowserOn(b, onA);

		assertThat(onB.get("/api/things").send().json().get("code").asString()).isEqualTo("mfa_required");
		assertThat(Authenticator.verify(onB, pending, "totp", app.code(1)).status()).isEqualTo(200);
		ApiClient backOnA = sameBrowserOn(a, onB);
		assertThat(backOnA.get("/api/things").send().json().get("owner").asString()).isEqualTo(username);
		assertThat(backOnA.get("/api/auth/session").send().json().get("factors").toString())
			.isEqualTo("[\"password\",\"totp\"]");
	}

	@Test
	@Order(2)
	void authenticatedReadsOnEitherInstanceWriteNothingToRedis() {
		ApiClient onA = new ApiClient(port(a));
		signUp(onA);
		ApiClient onB = sameBrowserOn(b, onA);

		Map<String, Long> ran = commandsRunDuring(() -> {
			for (int i = 0; i < 5; i++) {
				assertThat(onA.get("/api/things").send().status()).isEqualTo(200);
				assertThat(onB.authenticated()).isTrue();
			}
		});

		assertThat(ran).as("Redis commands run by 10 authenticated reads")
			.containsEntry("hgetall", 10L)
			.doesNotContainKeys("hset", "hmset", "hdel", "sadd", "srem", "append", "del", "set", "expire", "pexpire",
					"pexpireat", "rename", "zadd", "zrem");
	}

	@Test
	@Order(2)
	void aWriteAnsweredWithAResponseEntityReadsItsSessionFromRedisOnce() {
		ApiClient onA = new ApiClient(port(a));
		signUp(onA);
		String csrf = onA.csrf();

		Map<String, Long> ran = commandsRunDuring(() -> {
			for (int i = 0; i < 5; i++) {
				assertThat(onA.post("/api/things").csrf(csrf).json(Map.of("text", "note " + i)).send().status())
					.isEqualTo(200);
			}
		});

		assertThat(ran).as("Redis commands run by 5 CSRF-checked writes answered with a ResponseEntity (spring-session#1731)")
			.containsEntry("hgetall", 5L);
	}

	@Test
	@Order(3)
	void sessionsAreListedAndRevokedAcrossInstances() {
		ApiClient laptopOnA = new ApiClient(port(a));
		String username = signUp(laptopOnA);
		ApiClient phoneOnB = new ApiClient(port(b));
		assertThat(phoneOnB.login(username, PASSWORD).status()).isEqualTo(200);

		assertThat(laptopOnA.get("/api/auth/sessions").send().json().get("sessions").size()).isEqualTo(2);
		Response revoked = laptopOnA.post("/api/auth/sessions/revoke-others").csrf(laptopOnA.csrf()).send();

		assertThat(revoked.json().get("revoked").asInt()).isEqualTo(1);
		assertThat(phoneOnB.get("/api/things").send().status()).isEqualTo(401);
		assertThat(sameBrowserOn(b, laptopOnA).get("/api/things").send().status()).isEqualTo(200);
	}

	@Test
	@Order(4)
	void throttleCountsAreSharedByTheInstances() {
		String username = signUp(new ApiClient(port(a)));
		assertThat(new ApiClient(port(a)).login(username, "wrong guess one").status()).isEqualTo(400);
		assertThat(new ApiClient(port(b)).login(username, "wrong guess two").status()).isEqualTo(400);
		assertThat(new ApiClient(port(a)).login(username, "wrong guess three").status()).isEqualTo(400);

		Response fourth = new ApiClient(port(b)).login(username, PASSWORD);

		assertThat(fourth.status()).isEqualTo(429);
		assertThat(fourth.json().get("code").asString()).isEqualTo("rate_limited");
	}

	@Test
	@Order(5)
	void restartingAnInstanceLosesNoSession() {
		ApiClient onA = new ApiClient(port(a));
		String username = signUp(onA);

		a.close();
		a = instance();

		assertThat(sameBrowserOn(a, onA).get("/api/things").send().json().get("owner").asString()).isEqualTo(username);
	}

	@Test
	@Order(6)
	void redisOutageIsAnswered503WithinSecondsAndTheServiceRecoversWithoutARestart() throws IOException {
		ApiClient onA = new ApiClient(port(a));
		signUp(onA);

		redis.stop();
		long started = System.nanoTime();
		Response during = onA.get("/api/things").send();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		Response statusDuring = onA.get("/api/auth/session").send();

		assertThat(during.status()).isEqualTo(503);
		assertThat(during.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(during.json().get("code").asString()).isEqualTo("service_unavailable");
		assertThat(during.header("Retry-After")).isPresent();
		assertThat(during.setCookie("__Host-SESSION")).as("no cookie-deleting Set-Cookie").isEmpty();
		assertThat(took).isLessThan(Duration.ofSeconds(8));
		assertThat(statusDuring.status()).as("never an anonymous answer for a session").isEqualTo(503);
		Response loginDuring = new ApiClient(port(a)).login("anyone", PASSWORD);
		assertThat(loginDuring.status()).as("log-in issues no cookie while the store is down").isEqualTo(503);
		assertThat(loginDuring.setCookie("__Host-SESSION")).isEmpty();

		// Lettuce's own reconnect backs off to 16 s after an outage this long: service came back late.
		long down = System.nanoTime() - started;
		sleep(Duration.ofSeconds(12).minusNanos(down));
		redis.restart();
		long back = System.nanoTime();
		ApiClient afterwards = new ApiClient(port(a));
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> afterwards.signup("back" + Long.toString(System.nanoTime(), 36),
					"back" + System.nanoTime() + "@example.com", PASSWORD).status() == 201);
		Duration recovered = Duration.ofNanos(System.nanoTime() - back);
		System.out.printf("[outage] Redis: served again %d ms after Redis came back%n", recovered.toMillis());
		assertThat(recovered).as("service follows Redis back").isLessThan(Duration.ofSeconds(3));
		assertThat(afterwards.get("/api/things").send().status()).isEqualTo(200);
	}

	private static void sleep(Duration duration) {
		if (duration.isNegative()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	@Order(7)
	void hungRedisIsAnswered503WithinSecondsAndTheSessionWorksAgainWhenItAnswers() throws Exception {
		ApiClient onA = new ApiClient(port(a));
		signUp(onA);

		redis.hang();
		java.util.List<java.util.concurrent.Future<Response>> burst = new java.util.ArrayList<>();
		long started = System.nanoTime();
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(20);
		try {
			for (int i = 0; i < 20; i++) {
				burst.add(threads.submit(() -> sameBrowserOn(a, onA).get("/api/things").send()));
			}
			for (java.util.concurrent.Future<Response> each : burst) {
				Response response = each.get();
				assertThat(response.status()).as(response.body()).isEqualTo(503);
				assertThat(response.header("Retry-After")).isPresent();
				assertThat(response.setCookies()).isEmpty();
			}
		}
		finally {
			threads.shutdownNow();
			redis.resume();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		long back = System.nanoTime();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> onA.get("/api/things").send().status() == 200);
		System.out.printf("[outage] Redis hung: 20 at once answered 503 within %d ms; served again %d ms after it "
				+ "answered%n", took.toMillis(), (System.nanoTime() - back) / 1_000_000);
		assertThat(took).isLessThan(Duration.ofSeconds(5));
	}

	/** Returns the Redis commands run while {@code work} ran, by name, with how often each ran. */
	private static Map<String, Long> commandsRunDuring(Runnable work) {
		Map<String, Long> before = redis.commandCalls();
		work.run();
		Map<String, Long> after = redis.commandCalls();
		Map<String, Long> ran = new java.util.TreeMap<>();
		after.forEach((command, calls) -> {
			long delta = calls - before.getOrDefault(command, 0L);
			if (delta > 0 && !command.equals("info")) {
				ran.put(command, delta);
			}
		});
		return ran;
	}

	private static String signUp(ApiClient client) {
		String username = "r" + Long.toString(System.nanoTime(), 36);
		assertThat(client.signup(username, username + "@example.com", PASSWORD).status()).isEqualTo(201);
		return username;
	}

	private static ApiClient sameBrowserOn(ConfigurableApplicationContext instance, ApiClient browser) {
		ApiClient other = new ApiClient(port(instance));
		other.cookies().putAll(browser.cookies());
		return other;
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static ConfigurableApplicationContext instance() {
		return SpringApplication.run(TestApplication.class, "--server.port=0", "--spa-auth.session.store=redis",
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redis.port(),
				"--spring.session.data.redis.namespace=spa-auth-it",
				"--spring.datasource.url=jdbc:h2:mem:spa-auth-redis;DB_CLOSE_DELAY=-1",
				"--spring.mail.host=", "--spring.main.banner-mode=off", "--spa-auth.throttle.account-attempts=3");
	}

}
