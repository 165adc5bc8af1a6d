package dev.spaauth.reauth;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * The signed-in user's password, asked for again, is wrong; answered as 400 problem
 * {@code invalid_credentials} with a detail about the password only (there is no username to get
 * wrong here).
 */
public class WrongPasswordException extends BadCredentialsException {

	/** Creates the exception. */
	public WrongPasswordException() {
		super("Wrong password");
	}

}
