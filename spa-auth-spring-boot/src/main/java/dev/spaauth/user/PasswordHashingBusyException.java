package dev.spaauth.user;

import org.springframework.http.HttpHeaders;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;

/**
 * Thrown when a password cannot be hashed because as many hashes as allowed are already running and
 * none finished in time; answered as 503 problem {@code service_unavailable} with
 * {@code Retry-After: 1}.
 */
public class PasswordHashingBusyException extends ProblemException {

	/** Creates the exception. */
	public PasswordHashingBusyException() {
		super(ProblemCode.SERVICE_UNAVAILABLE, "The server is busy checking other passwords. Try again in a second.");
		getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
	}

}
