package dev.spaauth.problem;

/**
 * Thrown when a password cannot be hashed because as many hashes as allowed are already running and
 * none finished in time; answered as 503 problem {@code service_unavailable} with
 * {@code Retry-After}.
 */
public class PasswordHashingBusyException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what was waited for, for the log
	 */
	public PasswordHashingBusyException(String message) {
		super(message);
	}

}
