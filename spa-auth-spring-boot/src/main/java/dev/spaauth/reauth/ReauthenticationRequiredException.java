package dev.spaauth.reauth;

/**
 * Thrown by a sensitive operation on a session that was not authenticated recently enough; answered
 * as 403 problem {@code reauthentication_required}, distinct from a CSRF failure and from 401.
 */
public class ReauthenticationRequiredException extends RuntimeException {

	/** Creates the exception. */
	public ReauthenticationRequiredException() {
		super("Re-authentication required");
	}

}
