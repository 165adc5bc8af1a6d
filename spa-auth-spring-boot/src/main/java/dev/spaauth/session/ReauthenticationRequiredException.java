package dev.spaauth.session;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;

/**
 * Thrown by a sensitive operation on a session that was not authenticated recently enough; answered
 * as 403 problem {@code reauthentication_required}, distinct from a CSRF failure and from 401.
 */
public class ReauthenticationRequiredException extends ProblemException {

	/** Creates the exception. */
	public ReauthenticationRequiredException() {
		super(ProblemCode.REAUTHENTICATION_REQUIRED,
				"Confirm your password first: POST it to the reauthenticate endpoint, then try again.");
	}

}
