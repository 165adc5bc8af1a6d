package dev.spaauth.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health} is open to anyone (spa-auth's default rules) and, with Boot's defaults,
 * served on the application's own port: concurrent checks share the probe that is running instead of
 * queueing for probes of their own, so a burst of health requests during a slow store holds no request
 * thread longer than one probe. (Found by a review: the n-th caller waited n probes before.)
 */
class StoreHealthIndicatorConcurrencyTests {

	private static final Duration PROBE_TIME = Duration.ofMillis(400);

	private static final int CALLERS = 6;

	@Test
	void healthWhenCalledConcurrentlyThenNoCallerWaitsForOtherCallersProbes() throws Exception {
		AtomicInteger probes = new AtomicInteger();
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
		try (StoreHealthIndicator indicator = new StoreHealthIndicator("jdbc", () -> {
			probes.incrementAndGet();
			try {
				Thread.sleep(PROBE_TIME.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, Duration.ofSeconds(3))) {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Duration>> took = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				took.add(callers.submit(() -> {
					start.await();
					long began = System.nanoTime();
					indicator.health();
					return Duration.ofNanos(System.nanoTime() - began);
				}));
			}
			start.countDown();
			Duration slowest = Duration.ZERO;
			for (Future<Duration> each : took) {
				Duration one = each.get();
				slowest = (one.compareTo(slowest) > 0) ? one : slowest;
			}

			assertThat(slowest).as("slowest of %d concurrent callers (probes run: %d)", CALLERS, probes.get())
				.isLessThan(PROBE_TIME.multipliedBy(3));
		}
		finally {
			callers.shutdownNow();
		}
	}

}
