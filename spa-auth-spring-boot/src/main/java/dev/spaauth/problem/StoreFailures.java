package dev.spaauth.problem;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ProblemDetail;

/**
 * Tells a failure of a store the request needs (the session store, the database, the throttle's
 * shared store: down or timing out) from a fault, and answers it as 503 problem
 * {@code service_unavailable} with {@code Retry-After}: never a 500 with a stack trace, never an
 * anonymous answer to a request that had a session (ASVS 16.5.2, 16.5.3).
 */
public final class StoreFailures {

	/** The {@code Retry-After} of a store outage, in seconds. */
	public static final String RETRY_AFTER_SECONDS = "5";

	private StoreFailures() {
	}

	/**
	 * Returns whether an exception, or one of its causes, is a store outage or timeout.
	 * @param ex the exception
	 * @return whether a data-access resource failure or a transient failure caused it
	 */
	public static boolean isStoreFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException) {
				return true;
			}
		}
		return false;
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
