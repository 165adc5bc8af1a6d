package dev.spaauth.signup;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.login.AuthResponses;
import dev.spaauth.problem.FieldErrors;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.EmailAddresses;
import dev.spaauth.user.PasswordPolicy;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;
import dev.spaauth.user.UserView;

/**
 * The JSON sign-up endpoint, {@code POST {base-path}/signup}: creates an account and logs it in.
 * Signing up tells whether a username or email is taken; that is inherent to choosing one, and
 * sign-up is CSRF-protected like every unsafe request.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class SignupController {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,50}");

	private final UserAccounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final SessionLifecycle sessions;

	private final LoginThrottle throttle;

	private final SecurityEvents events;

	/**
	 * Creates the controller.
	 * @param accounts the account store
	 * @param passwordEncoder hashes the password
	 * @param passwordPolicy judges the password
	 * @param sessions starts the session of the new account
	 * @param throttle limits attempts per username and per client address
	 * @param events publishes the audit trail
	 */
	public SignupController(UserAccounts accounts, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
			SessionLifecycle sessions, LoginThrottle throttle, SecurityEvents events) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.sessions = sessions;
		this.throttle = throttle;
		this.events = events;
	}

	/**
	 * Signs up and logs in.
	 * @param body username, email and password
	 * @param request the request
	 * @param response the response that gets the session and CSRF cookies
	 * @return 201 with the user and a new CSRF token; 400 {@code validation_failed} with an
	 * {@code errors} member for a missing, malformed or taken username or email, or a weak password;
	 * 429 {@code rate_limited} with {@code Retry-After} after too many attempts from the address
	 */
	@PostMapping(path = "/signup", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	public AuthResponses.LoggedIn signup(@RequestBody SignupRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		// Every attempt from the address counts, successful or not: sign-ups create accounts and
		// tell which names are taken.
		this.throttle.begin(null, request.getRemoteAddr());
		FieldErrors errors = new FieldErrors();
		String username = (body.username() != null) ? body.username().strip() : null;
		String email = (body.email() != null) ? body.email().strip() : null;
		if (errors.require("username", "Username", username) && !USERNAME.matcher(username).matches()) {
			errors.add("username", "Use 3 to 50 letters, digits, '.', '_' or '-'.");
		}
		if (errors.require("email", "Email", email)
				&& !EmailAddresses.isValid(email)) {
			errors.add("email", "Enter an email address such as name@example.com.");
		}
		if (errors.require("password", "Password", body.password())) {
			this.passwordPolicy
				.check(body.password(), List.of((username != null) ? username : "", (email != null) ? email : ""))
				.ifPresent((message) -> errors.add("password", message));
		}
		if (!errors.has("username") && this.accounts.usernameTaken(username)) {
			errors.add("username", "This username is taken. Choose another.");
		}
		if (!errors.has("email") && this.accounts.emailTaken(email)) {
			errors.add("email", "An account with this email exists. Log in instead.");
		}
		errors.throwIfAny();
		SpaAuthUser user = create(username, email, body.password());
		user.eraseCredentials();
		CsrfToken token = this.sessions.logIn(
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), request,
				response);
		this.events.publish(SecurityEvent.Type.SIGNED_UP, request, user.getUsername(), null);
		return new AuthResponses.LoggedIn(UserView.of(user), token.getToken());
	}

	private SpaAuthUser create(String username, String email, String password) {
		try {
			return this.accounts.create(username, email, this.passwordEncoder.encode(password));
		}
		catch (DuplicateKeyException ex) {
			// Another sign-up took the username or email between the check and the insert.
			FieldErrors errors = new FieldErrors();
			if (this.accounts.usernameTaken(username)) {
				errors.add("username", "This username is taken. Choose another.");
			}
			if (this.accounts.emailTaken(email)) {
				errors.add("email", "An account with this email exists. Log in instead.");
			}
			errors.throwIfAny();
			throw ex;
		}
	}

}
