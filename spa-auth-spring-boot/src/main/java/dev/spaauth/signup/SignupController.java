package dev.spaauth.signup;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.device.SignInNotices;
import dev.spaauth.login.AuthResponses;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserView;

/**
 * The JSON sign-up endpoint, {@code POST {base-path}/signup}: creates an account ({@link SignupService})
 * and, as {@code spa-auth.signup.email-verification} says, mails the link that verifies its address
 * and logs it in ({@code optional}), only mails the link ({@code required}: no session until the
 * address is proven and the user logs in), or only logs it in ({@code off}). CSRF-protected like
 * every unsafe request, and throttled per client address.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class SignupController {

	private final SignupService signup;

	private final SessionLifecycle sessions;

	private final LoginThrottle throttle;

	private final SignInNotices signInNotices;

	private final SecurityEvents events;

	private final @Nullable EmailVerifications verifications;

	private final boolean verificationRequired;

	/**
	 * Creates the controller.
	 * @param signup creates the account
	 * @param sessions starts the session of the new account
	 * @param throttle limits attempts per client address
	 * @param events publishes the audit trail
	 * @param signInNotices records the browser the account was created from
	 * @param verifications mails the link that verifies the address, or null when verification is off
	 * @param verificationRequired whether the account may log in only once the address is verified
	 */
	public SignupController(SignupService signup, SessionLifecycle sessions, LoginThrottle throttle, SecurityEvents events,
			SignInNotices signInNotices, @Nullable EmailVerifications verifications, boolean verificationRequired) {
		this.verifications = verifications;
		this.verificationRequired = verificationRequired;
		this.signup = signup;
		this.sessions = sessions;
		this.throttle = throttle;
		this.events = events;
		this.signInNotices = signInNotices;
	}

	/**
	 * Signs up and, unless the address must be verified first, logs in.
	 * @param body username, email and password
	 * @param request the request
	 * @param response the response that gets the session and CSRF cookies
	 * @return 201 with the user and a new CSRF token ({@code user.emailVerified} false); with
	 * verification required, 201 {@code {"verificationRequired": true, "email"}} and no session; 400 {@code validation_failed} with an
	 * {@code errors} member for a missing, malformed or taken username or email, or a weak password;
	 * 429 {@code rate_limited} with {@code Retry-After} after too many failed attempts from the address
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.RATE_LIMITED })
	@PostMapping(path = "/signup", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "Signed up: logged in, or waiting for the address to be verified",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(oneOf = { AuthResponses.LoggedIn.class, VerificationRequired.class })))
	public Object signup(@RequestBody SignupRequest body, HttpServletRequest request, HttpServletResponse response) {
		// A failed sign-up (a taken name tells that an account exists) counts against the address;
		// a successful one gives its attempt back, so an office can sign up together.
		LoginThrottle.Attempt attempt = this.throttle.begin(null, request);
		SpaAuthUser user = this.signup.create(body);
		attempt.succeeded();
		if (this.verifications != null) {
			this.verifications.send(user);
		}
		if (this.verificationRequired) {
			this.events.publish(SecurityEvent.Type.SIGNED_UP, request, user.getUsername(), "verification required", null,
					SecurityEvent.PASSWORD);
			// This browser made the account: its first log-in is no "new sign-in".
			this.signInNotices.signedUp(user, request, response);
			return new VerificationRequired(true, user.getEmail());
		}
		// The password was just set: the session holds the password factor, as after a log-in.
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		CsrfToken token = this.sessions.logIn(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities),
				request, response);
		this.events.publish(SecurityEvent.Type.SIGNED_UP, request, user.getUsername(), null, null, SecurityEvent.PASSWORD);
		this.signInNotices.signedUp(user, request, response);
		return new AuthResponses.LoggedIn(UserView.of(user), token.getToken());
	}

	/**
	 * Answer of a sign-up whose address must be verified before the account can log in.
	 *
	 * @param verificationRequired always true
	 * @param email where the link was sent
	 */
	public record VerificationRequired(boolean verificationRequired, String email) {
	}

}
