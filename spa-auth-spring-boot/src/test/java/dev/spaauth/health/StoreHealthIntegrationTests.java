package dev.spaauth.health;

import java.io.IOException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.PrivateRedis;
import dev.spaauth.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The actuator's health answer names spa-auth's stores and turns DOWN within seconds when one stops
 * answering: a private Redis (sessions and throttle counts) stopped and started again, hung (SIGSTOP)
 * and let go, and the database pool of the JDBC session store closed.
 */
class StoreHealthIntegrationTests {

	private static PrivateRedis redis;

	private static ConfigurableApplicationContext onRedis;

	private static ConfigurableApplicationContext onJdbc;

	@BeforeAll
	static void start() throws IOException {
		redis = PrivateRedis.start();
		onRedis = SpringApplication.run(TestApplication.class, "--server.port=0", "--spa-auth.session.store=redis",
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redis.port(),
				"--spring.datasource.url=jdbc:h2:mem:spa-auth-health-redis;DB_CLOSE_DELAY=-1",
				"--management.endpoint.health.show-details=always", "--management.health.mail.enabled=false",
				"--spring.main.banner-mode=off");
		onJdbc = SpringApplication.run(TestApplication.class, "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:spa-auth-health-jdbc;DB_CLOSE_DELAY=-1",
				"--management.endpoint.health.show-details=always", "--management.health.mail.enabled=false",
				"--spring.main.banner-mode=off");
	}

	@AfterAll
	static void stop() {
		if (onRedis != null) {
			onRedis.close();
		}
		if (onJdbc != null) {
			onJdbc.close();
		}
		redis.close();
	}

	@Test
	void redisStoppedThenBothStoresDownWithinSecondsAndUpAgainWhenItIsBack() throws IOException {
		JsonNode up = health(onRedis, 200);
		assertStore(up, "spaAuthSessionStore", "UP", "redis");
		assertStore(up, "spaAuthThrottleStore", "UP", "redis");

		redis.stop();
		long started = System.nanoTime();
		JsonNode down = health(onRedis, 503);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(down.get("status").asString()).isEqualTo("DOWN");
		assertStore(down, "spaAuthSessionStore", "DOWN", "redis");
		assertStore(down, "spaAuthThrottleStore", "DOWN", "redis");
		assertThat(down.get("components").get("spaAuthSessionStore").get("details").get("error").asString()).isNotBlank();
		System.out.printf("[health] Redis stopped: DOWN answered in %d ms (%s)%n", took.toMillis(),
				down.get("components").get("spaAuthSessionStore").get("details").get("error").asString());
		// Boot runs the indicators one after the other: its own "redis" one waits for Redis too.
		assertThat(took).as("health answered while Redis is down").isLessThan(Duration.ofSeconds(10));

		redis.restart();
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> get(onRedis, "").status() == 200);
		assertStore(health(onRedis, 200), "spaAuthSessionStore", "UP", "redis");
	}

	@Test
	void redisHungThenEachIndicatorDownWithinItsTimeoutAndUpAgainWhenItAnswers() throws Exception {
		assertStore(health(onRedis, 200), "spaAuthSessionStore", "UP", "redis");

		redis.hang();
		Response session;
		Response throttle;
		Duration sessionTook;
		Duration throttleTook;
		try {
			long started = System.nanoTime();
			session = get(onRedis, "/spaAuthSessionStore");
			sessionTook = Duration.ofNanos(System.nanoTime() - started);
			started = System.nanoTime();
			throttle = get(onRedis, "/spaAuthThrottleStore");
			throttleTook = Duration.ofNanos(System.nanoTime() - started);
		}
		finally {
			redis.resume();
		}

		assertThat(session.status()).as(session.body()).isEqualTo(503);
		assertThat(session.json().get("details").get("store").asString()).isEqualTo("redis");
		assertThat(throttle.status()).as(throttle.body()).isEqualTo(503);
		System.out.printf("[health] Redis hung: session store DOWN in %d ms, throttle store DOWN in %d ms%n",
				sessionTook.toMillis(), throttleTook.toMillis());
		// The indicators' own bound (3 s), and a loaded machine's slack.
		Duration bound = Duration.ofSeconds(4);
		assertThat(sessionTook).as("session store's health while Redis hangs").isLessThan(bound);
		assertThat(throttleTook).as("throttle store's health while Redis hangs").isLessThan(bound);
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> get(onRedis, "").status() == 200);
	}

	@Test
	void jdbcPoolClosedThenSessionStoreDownAndTheThrottleInMemoryStaysUp() {
		JsonNode up = health(onJdbc, 200);
		assertStore(up, "spaAuthSessionStore", "UP", "jdbc");
		assertStore(up, "spaAuthThrottleStore", "UP", "memory");

		try {
			onJdbc.getBean(DataSource.class).unwrap(HikariDataSource.class).close();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		JsonNode down = health(onJdbc, 503);

		assertStore(down, "spaAuthSessionStore", "DOWN", "jdbc");
		assertStore(down, "spaAuthThrottleStore", "UP", "memory");
	}

	private static void assertStore(JsonNode health, String component, String status, String store) {
		JsonNode indicator = health.get("components").get(component);
		assertThat(indicator).as("%s in %s", component, health).isNotNull();
		assertThat(indicator.get("status").asString()).as(indicator.toString()).isEqualTo(status);
		assertThat(indicator.get("details").get("store").asString()).isEqualTo(store);
	}

	private static JsonNode health(ConfigurableApplicationContext context, int status) {
		Response response = get(context, "");
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return response.json();
	}

	private static Response get(ConfigurableApplicationContext context, String component) {
		return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort())
			.get("/actuator/health" + component)
			.send();
	}

}
