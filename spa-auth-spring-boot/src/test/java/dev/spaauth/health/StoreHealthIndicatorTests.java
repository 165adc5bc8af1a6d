package dev.spaauth.health;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StoreHealthIndicatorTests {

	private static final Duration TIMEOUT = Duration.ofMillis(300);

	@Test
	void healthWhenProbeReturnsThenUpNamingTheStore() {
		try (StoreHealthIndicator indicator = new StoreHealthIndicator("jdbc", () -> {
		}, TIMEOUT)) {
			Health health = indicator.health();

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("store", "jdbc");
		}
	}

	@Test
	void healthWhenProbeThrowsThenDownNamingTheStoreAndTheErrorsClassButNotItsMessage() {
		try (StoreHealthIndicator indicator = new StoreHealthIndicator("redis", () -> {
			throw new IllegalStateException("Unable to connect to 127.0.0.1:6390");
		}, TIMEOUT)) {
			Health health = indicator.health();

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("store", "redis")
				.containsEntry("error", "java.lang.IllegalStateException");
			// Host names, ports and database users stay in the log, not in an answer anyone may get.
			assertThat(health.getDetails().toString()).doesNotContain("127.0.0.1:6390");
		}
	}

	@Test
	void healthWhenProbeHangsThenDownWithinTheTimeoutAndNoSecondProbeWhileTheFirstWaits() throws Exception {
		CountDownLatch answer = new CountDownLatch(1);
		CountDownLatch[] probes = { new CountDownLatch(2) };
		try (StoreHealthIndicator indicator = new StoreHealthIndicator("postgresql", () -> {
			probes[0].countDown();
			try {
				answer.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, TIMEOUT)) {
			long started = System.nanoTime();
			Health hung = indicator.health();
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			Health again = indicator.health();

			assertThat(hung.getStatus()).isEqualTo(Status.DOWN);
			assertThat(hung.getDetails()).containsEntry("store", "postgresql")
				.containsEntry("error", "no answer within 300 ms");
			assertThat(took).isBetween(TIMEOUT, TIMEOUT.plusSeconds(2));
			assertThat(again.getStatus()).isEqualTo(Status.DOWN);
			assertThat(again.getDetails()).containsEntry("error", "the previous check got no answer yet");
			assertThat(probes[0].getCount()).as("probes started").isEqualTo(1);

			answer.countDown();
			await().atMost(Duration.ofSeconds(2)).until(() -> indicator.health().getStatus().equals(Status.UP));
		}
	}

}
