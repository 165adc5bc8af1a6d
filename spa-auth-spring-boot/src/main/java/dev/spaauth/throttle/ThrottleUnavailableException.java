package dev.spaauth.throttle;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Thrown when the shared store of the throttle's buckets cannot be reached; a data-access resource
 * failure, so it is answered 503 like any other store outage.
 */
public class ThrottleUnavailableException extends DataAccessResourceFailureException {

	/**
	 * Creates the exception.
	 * @param cause the store client's failure
	 */
	public ThrottleUnavailableException(Throwable cause) {
		super("The throttle's store is unavailable", cause);
	}

}
