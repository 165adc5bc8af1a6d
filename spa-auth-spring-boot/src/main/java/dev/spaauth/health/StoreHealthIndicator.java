package dev.spaauth.health;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Tells whether one of spa-auth's stores answers, by running a probe that reads from it as a request
 * would (a session looked up by an id that no session has, a throttle bucket read). UP when the probe
 * returns within the timeout; DOWN when it throws or takes longer. The detail {@code store} names the
 * store ({@code jdbc}, {@code redis}, {@code postgresql}, {@code memory}); a DOWN adds {@code error}.
 * <p>
 * The probe runs on a thread of its own, so a hung store cannot hold the caller past the timeout.
 * Concurrent checks share the probe that is running rather than queueing for probes of their own, so
 * a burst of health requests waits at most one timeout; while a probe that timed out still waits, the
 * next check answers DOWN at once instead of starting another, so a hung store holds at most one
 * thread per indicator (OWASP ASVS 16.5.2: fail securely). The detail {@code error} names the
 * exception's class only: its message (host names, ports, database users) goes to the log.
 */
public final class StoreHealthIndicator implements HealthIndicator, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StoreHealthIndicator.class);

	private final String store;

	private final Runnable probe;

	private final Duration timeout;

	private final ExecutorService thread;

	private @Nullable Future<?> running;

	private long runningSince;

	/**
	 * Creates the indicator.
	 * @param store the store's name, shown as the detail {@code store}
	 * @param probe reads from the store, and throws when it cannot
	 * @param timeout how long the probe may take before the store counts as down
	 */
	public StoreHealthIndicator(String store, Runnable probe, Duration timeout) {
		this.store = store;
		this.probe = probe;
		this.timeout = timeout;
		this.thread = Executors.newSingleThreadExecutor((runnable) -> {
			Thread daemon = new Thread(runnable, "spa-auth-health-" + store);
			daemon.setDaemon(true);
			return daemon;
		});
	}

	@Override
	public Health health() {
		Future<?> check;
		long deadline;
		synchronized (this) {
			if (this.running == null || this.running.isDone()) {
				this.running = this.thread.submit(this.probe);
				this.runningSince = System.nanoTime();
			}
			check = this.running;
			deadline = this.runningSince + this.timeout.toNanos();
		}
		long left = deadline - System.nanoTime();
		if (left <= 0) {
			return down("the previous check got no answer yet");
		}
		try {
			check.get(left, TimeUnit.NANOSECONDS);
			return Health.up().withDetail("store", this.store).build();
		}
		catch (TimeoutException ex) {
			return down("no answer within " + this.timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			logger.warn("spa-auth's {} store did not answer its health probe: {}", this.store, cause.toString());
			return down(cause.getClass().getName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return down("interrupted");
		}
	}

	private Health down(String error) {
		return Health.down().withDetail("store", this.store).withDetail("error", error).build();
	}

	/** Stops the probe's thread, interrupting a probe that still waits. */
	@Override
	public void close() {
		this.thread.shutdownNow();
	}

}
