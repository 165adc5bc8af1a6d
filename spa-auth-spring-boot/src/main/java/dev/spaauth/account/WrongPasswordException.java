package dev.spaauth.account;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;

/**
 * The signed-in user's password, asked for again, is wrong; answered as 400 problem
 * {@code invalid_credentials} with a detail about the password only (there is no username to get
 * wrong here).
 */
public class WrongPasswordException extends ProblemException {

	/** Creates the exception. */
	public WrongPasswordException() {
		super(ProblemCode.INVALID_CREDENTIALS, "That is not your current password.");
	}

}
