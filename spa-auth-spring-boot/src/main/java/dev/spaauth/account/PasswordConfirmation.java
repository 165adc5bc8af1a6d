package dev.spaauth.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.SpaAuthUser;

/**
 * Checks the password of the signed-in user (re-authentication, password change) under the same
 * throttle as log-in, so a stolen session cannot be used to guess the password faster (ASVS 6.3.1).
 */
public final class PasswordConfirmation {

	private final AuthenticationManager authenticationManager;

	private final LoginThrottle throttle;

	private final SecurityEvents events;

	/**
	 * Creates the check.
	 * @param authenticationManager checks username and password
	 * @param throttle the log-in throttle, shared
	 * @param events publishes failures to the audit trail
	 */
	public PasswordConfirmation(AuthenticationManager authenticationManager, LoginThrottle throttle,
			SecurityEvents events) {
		this.authenticationManager = authenticationManager;
		this.throttle = throttle;
		this.events = events;
	}

	/**
	 * Confirms the user's password.
	 * @param user the signed-in user
	 * @param password the password typed
	 * @param request the request, for the client address and the audit trail
	 * @throws WrongPasswordException when the password is wrong (400 {@code invalid_credentials})
	 * @throws dev.spaauth.throttle.RateLimitedException after too many failures (429)
	 */
	public void confirm(SpaAuthUser user, String password, HttpServletRequest request) {
		LoginThrottle.Attempt attempt = this.throttle.begin(user.getUsername(), request);
		try {
			this.authenticationManager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user.getUsername(), password));
		}
		catch (BadCredentialsException ex) {
			this.events.publish(SecurityEvent.Type.REAUTHENTICATION_FAILED, request, user.getUsername(), null,
					"invalid_credentials", SecurityEvent.PASSWORD);
			throw new WrongPasswordException();
		}
		attempt.succeeded();
	}

}
