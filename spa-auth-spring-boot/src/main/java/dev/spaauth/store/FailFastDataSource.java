package dev.spaauth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's {@code DataSource} as spa-auth leaves it: fail fast and closed while the
 * database is down or hung, instead of holding every request thread for the pool's and the
 * driver's waits (OWASP ASVS 16.5.2, 16.5.3: fail securely, degrade gracefully).
 * <ul>
 * <li>A Resilience4j circuit breaker counts connection attempts: when at least half of the last 10
 * (and at least 5) failed, it opens, and for the next second every {@code getConnection()} fails at
 * once with an {@link SQLTransientConnectionException} (SQLSTATE {@code 08001}), which Spring turns
 * into a {@code CannotGetJdbcConnectionException} or {@code CannotCreateTransactionException} and
 * spa-auth answers as 503 with {@code Retry-After}. Then one call tries the database again: its
 * success closes the breaker, so service returns within about a second of the database.</li>
 * <li>A Resilience4j bulkhead lets at most {@code maxWaiting} threads wait for a connection at once;
 * one more fails at once the same way. A healthy pool hands out connections in microseconds, so
 * waiters pile up only while the database is down, hung or overloaded; without the bound, the
 * requests that arrive in the first seconds of an outage held every request thread of the server for
 * the pool's whole wait, and requests that need no database waited behind them.</li>
 * <li>A connection taken while a request is being served ({@link #boundRequest()}) gets a network
 * timeout ({@link Connection#setNetworkTimeout}): a statement that waits longer than the request
 * timeout for the database's answer (a hung server, a lost network) fails with the connection, which
 * the pool then replaces. Connections taken outside requests (start-up migrations, background work)
 * keep the pool's own settings. A pool that does not reset the timeout when a connection comes back
 * (HikariCP does) keeps it on that connection.</li>
 * </ul>
 * The wait for a connection from the pool is the pool's own ({@code spring.datasource.hikari.connection-timeout},
 * 2 seconds by spa-auth's default).
 */
public final class FailFastDataSource extends DelegatingDataSource implements AutoCloseable {

	private static final ThreadLocal<Boolean> IN_REQUEST = new ThreadLocal<>();

	/** Runs {@link Connection#setNetworkTimeout}'s work on the calling thread; drivers rarely use it. */
	private static final Executor CALLER = Runnable::run;

	private final CircuitBreaker breaker;

	private final Bulkhead waiting;

	private final int requestTimeoutMillis;

	private volatile boolean networkTimeoutSupported = true;

	/**
	 * Wraps a data source.
	 * @param target the application's data source
	 * @param requestTimeout the longest a statement run for a request waits for the database's
	 * answer; at least 1 millisecond
	 * @param maxWaiting how many threads may wait for a connection at once; at least 1
	 * @throws IllegalArgumentException if the timeout is under 1 millisecond or maxWaiting under 1
	 */
	public FailFastDataSource(DataSource target, Duration requestTimeout, int maxWaiting) {
		super(target);
		if (requestTimeout.toMillis() < 1) {
			throw new IllegalArgumentException("The request timeout must be at least 1 ms, not " + requestTimeout);
		}
		if (maxWaiting < 1) {
			throw new IllegalArgumentException("At least 1 thread must be allowed to wait for a connection, not "
					+ maxWaiting);
		}
		this.waiting = Bulkhead.of("spa-auth-database-waiting",
				BulkheadConfig.custom().maxConcurrentCalls(maxWaiting).maxWaitDuration(Duration.ZERO).build());
		this.requestTimeoutMillis = Math.toIntExact(requestTimeout.toMillis());
		this.breaker = CircuitBreaker.of("spa-auth-database", CircuitBreakerConfig.custom()
			.slidingWindowType(SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(1))
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
	}

	/**
	 * Marks the calling thread as serving a request until the returned scope is closed: connections it
	 * takes meanwhile get the request timeout. Scopes nest; only the outermost one ends the mark.
	 * @return the scope to close when the request has been served
	 */
	public static RequestScope boundRequest() {
		if (IN_REQUEST.get() != null) {
			return () -> {
			};
		}
		IN_REQUEST.set(Boolean.TRUE);
		return IN_REQUEST::remove;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return guarded(null, null);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return guarded(username, password);
	}

	/**
	 * Returns the circuit breaker's state, for health checks and tests.
	 * @return {@code CLOSED} while the database answers, {@code OPEN} while calls fail at once,
	 * {@code HALF_OPEN} while one call tries the database again
	 */
	public CircuitBreaker.State state() {
		return this.breaker.getState();
	}

	/** Closes the target (the connection pool) when the application context closes. */
	@Override
	public void close() throws Exception {
		if (obtainTargetDataSource() instanceof AutoCloseable pool) {
			pool.close();
		}
	}

	private Connection guarded(@Nullable String username, @Nullable String password) throws SQLException {
		if (!this.breaker.tryAcquirePermission()) {
			throw new SQLTransientConnectionException("The database failed repeatedly; calls fail at once until it "
					+ "answers again (spa-auth tries it again within a second)", "08001");
		}
		if (!this.waiting.tryAcquirePermission()) {
			this.breaker.releasePermission();
			throw new SQLTransientConnectionException("Too many requests already wait for a database connection; "
					+ "the database is down, hung or overloaded", "08001");
		}
		long started = System.nanoTime();
		Connection connection;
		try {
			connection = (username != null) ? obtainTargetDataSource().getConnection(username, password)
					: obtainTargetDataSource().getConnection();
		}
		catch (SQLException | RuntimeException ex) {
			this.breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, ex);
			throw ex;
		}
		finally {
			this.waiting.onComplete();
		}
		this.breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		if (IN_REQUEST.get() != null) {
			boundForRequest(connection);
		}
		return connection;
	}

	private void boundForRequest(Connection connection) throws SQLException {
		if (!this.networkTimeoutSupported) {
			return;
		}
		try {
			connection.setNetworkTimeout(CALLER, this.requestTimeoutMillis);
		}
		catch (SQLFeatureNotSupportedException | UnsupportedOperationException ex) {
			// An embedded database (H2 in-process) has no network to time out.
			this.networkTimeoutSupported = false;
		}
	}

	/** A request's mark on its thread; closing it ends the mark. */
	@FunctionalInterface
	public interface RequestScope extends AutoCloseable {

		/** Ends the mark. */
		@Override
		void close();

	}

}
