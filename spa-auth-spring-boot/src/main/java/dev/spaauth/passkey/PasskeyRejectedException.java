package dev.spaauth.passkey;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;

/**
 * A passkey's answer that is not accepted: malformed, for an unknown, used or expired ceremony, for
 * another origin or relying party, with a bad signature or without user verification. Answered as
 * 400 problem {@code passkey_rejected}; what exactly failed goes to the debug log, not to the client.
 */
public class PasskeyRejectedException extends ProblemException {

	/**
	 * Creates the exception.
	 * @param detail what the user can do
	 */
	public PasskeyRejectedException(String detail) {
		super(ProblemCode.PASSKEY_REJECTED, detail);
	}


	/**
	 * Returns the answer to a ceremony that is unknown, used, expired or for another purpose.
	 * @return the exception
	 */
	static PasskeyRejectedException expired() {
		return new PasskeyRejectedException("This passkey request is used or has expired (they last 5 minutes). "
				+ "Start again.");
	}

}
