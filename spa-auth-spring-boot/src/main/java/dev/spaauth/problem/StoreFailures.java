package dev.spaauth.problem;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of a store the request needs (the session store, the database, the throttle's
 * shared store: down or timing out) from a fault, and answers it as 503 problem
 * {@code service_unavailable} with {@code Retry-After}: never a 500 with a stack trace, never an
 * anonymous answer to a request that had a session (ASVS 16.5.2, 16.5.3).
 */
public final class StoreFailures {

	/** The {@code Retry-After} of a store outage, in seconds. */
	public static final String RETRY_AFTER_SECONDS = "5";

	private static final Logger logger = LoggerFactory.getLogger(StoreFailures.class);

	/** At most one warning per this many nanoseconds (10 s): an outage must not flood the log. */
	private static final long WARN_INTERVAL = 10_000_000_000L;

	private static final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

	private static final AtomicLong unwarned = new AtomicLong();

	private StoreFailures() {
	}

	/**
	 * Logs that a request was answered 503 for a store outage: a warning at most every 10 seconds,
	 * with how many more were answered since the last one.
	 * @param ex the store failure
	 */
	public static void logOutage(Throwable ex) {
		long now = System.nanoTime();
		long next = nextWarning.get();
		if (now - next < 0 || !nextWarning.compareAndSet(next, now + WARN_INTERVAL)) {
			unwarned.incrementAndGet();
			return;
		}
		logger.warn("Session or account store unavailable: {} ({} more requests answered 503 since the last warning)",
				NestedExceptionUtils.getMostSpecificCause(ex).getClass().getSimpleName(), unwarned.getAndSet(0));
	}

	/**
	 * Returns whether an exception, or one of its causes, is a store outage or timeout: Spring's
	 * data-access resource failures and transient failures; a transaction that could not begin
	 * ({@link CannotCreateTransactionException}, no connection); and, under any wrapper (a commit or
	 * rollback that failed, {@code TransactionSystemException}), a JDBC connection failure (SQLSTATE
	 * class 08, or 57P01-57P03 when PostgreSQL shuts down or is not yet accepting connections), a
	 * connection-level {@link SQLException} subclass or a socket read that timed out.
	 * @param ex the exception
	 * @return whether a store outage or timeout caused it
	 */
	public static boolean isStoreFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
					|| t instanceof CannotCreateTransactionException || t instanceof SocketTimeoutException
					|| (t instanceof SQLException sql && isConnectionFailure(sql))
					|| (t instanceof TransactionSystemException tx && isFailedCommitOrRollback(tx))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A commit or rollback that JDBC could not carry out (the connection broke: Spring could not
	 * translate the {@link SQLException} into anything more specific), or a rollback that replaced a
	 * store failure of the work it was undoing.
	 */
	private static boolean isFailedCommitOrRollback(TransactionSystemException ex) {
		Throwable work = ex.getApplicationException();
		return ex.getCause() instanceof SQLException || (work != null && isStoreFailure(work));
	}

	private static boolean isConnectionFailure(SQLException ex) {
		String state = ex.getSQLState();
		return ex instanceof SQLTransientConnectionException || ex instanceof SQLNonTransientConnectionException
				|| ex instanceof SQLRecoverableException
				|| (state != null && (state.startsWith("08") || state.matches("57P0[123]")));
	}

	/**
	 * Returns the problem answered while a store is unavailable.
	 * @return 503 problem {@code service_unavailable}
	 */
	public static ProblemDetail unavailable() {
		return Problems.of(ProblemCode.SERVICE_UNAVAILABLE,
				"The server cannot reach its session or account store right now. Try again in a few seconds.");
	}

}
