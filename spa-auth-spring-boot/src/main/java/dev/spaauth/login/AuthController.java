package dev.spaauth.login;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.annotation.CurrentSecurityContext;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.csrf.SessionBoundCsrfTokenRepository;
import dev.spaauth.device.SignInNotices;
import dev.spaauth.mfa.SecondFactors;
import dev.spaauth.mfa.TwoStepLogIn;
import dev.spaauth.problem.FieldErrors;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserView;

/**
 * The JSON log-in, log-out and session-status endpoints under {@code spa-auth.base-path}. All
 * unsafe requests here need the CSRF token (log-in too: login CSRF), which the security filter chain
 * checks before these methods run.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuthController {

	/** Longest password a log-in attempt may send, in characters; longer ones are never hashed. */
	static final int MAX_LOGIN_PASSWORD_LENGTH = 1024;

	private final AuthenticationManager authenticationManager;

	private final SessionLifecycle sessions;

	private final LoginThrottle throttle;

	private final SecurityEvents events;

	private final Reauthentication reauthentication;

	private final SecondFactors secondFactors;

	private final TwoStepLogIn twoStep;

	private final SignInNotices signInNotices;

	private final boolean verifiedEmailRequired;

	private final SessionBoundCsrfTokenRepository csrfTokens;

	/**
	 * Creates the controller.
	 * @param authenticationManager checks username and password
	 * @param sessions starts and ends sessions
	 * @param throttle limits failed attempts per account and per client address
	 * @param events publishes the audit trail
	 * @param reauthentication tells when the session stops being fresh
	 * @param secondFactors tells whether the account needs a second factor
	 * @param twoStep starts and reads log-ins waiting for their second factor
	 * @param signInNotices mails the account about a sign-in from a new browser
	 * @param verifiedEmailRequired whether an account logs in only once its address is verified
	 * ({@code spa-auth.signup.email-verification=required})
	 * @param csrfTokens tells which of the API's cookies an anonymous request lacks
	 */
	public AuthController(AuthenticationManager authenticationManager, SessionLifecycle sessions,
			LoginThrottle throttle, SecurityEvents events, Reauthentication reauthentication,
			SecondFactors secondFactors, TwoStepLogIn twoStep, SignInNotices signInNotices,
			boolean verifiedEmailRequired, SessionBoundCsrfTokenRepository csrfTokens) {
		this.verifiedEmailRequired = verifiedEmailRequired;
		this.csrfTokens = csrfTokens;
		this.authenticationManager = authenticationManager;
		this.sessions = sessions;
		this.throttle = throttle;
		this.events = events;
		this.reauthentication = reauthentication;
		this.secondFactors = secondFactors;
		this.twoStep = twoStep;
		this.signInNotices = signInNotices;
	}

	/**
	 * Logs in. A wrong password and an unknown username get the same answer in about the same time.
	 * An account with a second factor gets a session that only waits for it ({@link TwoStepLogIn}).
	 * @param body username and password
	 * @param request the request
	 * @param response the response that gets the new session and CSRF cookies
	 * @return 200 with the user and the new CSRF token ({@link AuthResponses.LoggedIn}), or, when the
	 * account has a second factor, 200 {@code {"mfaRequired": true, "methods", "expiresAt", "csrfToken"}}
	 * ({@link TwoStepLogIn.Started}); 400 {@code validation_failed} for a missing
	 * field; 400 {@code invalid_credentials} for a wrong username or password; 429
	 * {@code rate_limited} with {@code Retry-After} after too many failed attempts for the account
	 * or from the address, whether the password is right or not; 403 {@code email_not_verified}, only
	 * after the right password, when verification is required and the address is not verified yet
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.INVALID_CREDENTIALS,
			ProblemCode.EMAIL_NOT_VERIFIED, ProblemCode.RATE_LIMITED })
	@ApiResponse(responseCode = "200", description = "Logged in, or waiting for a second factor (mfaRequired)",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(oneOf = { AuthResponses.LoggedIn.class, TwoStepLogIn.Started.class })))
	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Object login(@RequestBody LoginRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		FieldErrors errors = new FieldErrors();
		errors.require("username", "Username", body.username());
		if (errors.require("password", "Password", body.password())
				&& body.password().length() > MAX_LOGIN_PASSWORD_LENGTH) {
			errors.add("password", "Password is longer than " + MAX_LOGIN_PASSWORD_LENGTH + " characters.");
		}
		errors.throwIfAny();
		LoginThrottle.Attempt attempt = this.throttle.begin(body.username(), request);
		Authentication authentication;
		try {
			authentication = this.authenticationManager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(body.username(), body.password()));
		}
		catch (BadCredentialsException ex) {
			this.events.publish(SecurityEvent.Type.LOGIN_FAILED, request, body.username(), null, "invalid_credentials",
					SecurityEvent.PASSWORD);
			throw ex;
		}
		attempt.succeeded();
		SpaAuthUser user = (SpaAuthUser) authentication.getPrincipal();
		if (this.verifiedEmailRequired && !user.isEmailVerified()) {
			this.events.publish(SecurityEvent.Type.LOGIN_FAILED, request, user.getUsername(), "email not verified",
					"email_not_verified", SecurityEvent.PASSWORD);
			throw new ProblemException(ProblemCode.EMAIL_NOT_VERIFIED, "Confirm your email address first: open the "
					+ "link we mailed to it when you signed up, or ask for a new one.");
		}
		List<String> methods = this.secondFactors.methods(user.getId());
		if (!methods.isEmpty()) {
			TwoStepLogIn.Started started = this.twoStep.start(user, methods, request, response);
			this.events.publish(SecurityEvent.Type.SECOND_FACTOR_REQUIRED, request, user.getUsername(), null, null,
					SecurityEvent.PASSWORD);
			return started;
		}
		CsrfToken token = this.sessions.logIn(authentication, request, response);
		this.twoStep.rememberMethods(request.getSession(false), methods);
		this.events.publish(SecurityEvent.Type.LOGIN_SUCCEEDED, request, authentication.getName(), null, null,
				SecurityEvent.PASSWORD);
		this.signInNotices.signedIn(user, request, response);
		return new AuthResponses.LoggedIn(UserView.of(user), token.getToken());
	}

	/**
	 * Logs out: deletes the session on the server and expires its cookie. Without a session it
	 * answers the same, so a client whose session already ended is never stuck.
	 * @param user the principal, or null when the session had already ended
	 * @param request the request
	 * @param response the response that expires the session cookie and sets a new CSRF cookie
	 * @return 200 with a fresh anonymous CSRF token
	 */
	@PostMapping("/logout")
	public AuthResponses.LoggedOut logout(@AuthenticationPrincipal SpaAuthUser user, HttpServletRequest request,
			HttpServletResponse response) {
		CsrfToken token = this.sessions.logOut(request, response);
		if (user != null) {
			this.events.publish(SecurityEvent.Type.LOGGED_OUT, request, user.getUsername(), null);
		}
		return new AuthResponses.LoggedOut(token.getToken());
	}

	/**
	 * Tells whether the request has an authenticated session, and when it ends, the factors it holds
	 * and the account's second-factor methods. Creates no session.
	 * @param authentication the session's authentication, or null when anonymous
	 * @param request the request
	 * @return 200 {@code {"authenticated": false, "missingCookies": "none" | "csrf_only" |
	 * "session_not_found"}} (the field is left out when both cookies came back), {@code {"authenticated": false, "mfaRequired": true,
	 * "factors": ["password"], "missing": ["second_factor"], "methods", "mfaExpiresAt"}} while a log-in
	 * waits for its second factor, or {@code {"authenticated": true, "user": {...}, "factors", "methods",
	 * ...}}
	 */
	@GetMapping("/session")
	public AuthResponses.SessionStatus session(@CurrentSecurityContext(expression = "authentication") @Nullable Authentication authentication,
			HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || authentication == null || !(authentication.getPrincipal() instanceof SpaAuthUser user)) {
			return this.twoStep.pending(request).map(AuthResponses.SessionStatus::pending)
				.orElseGet(() -> AuthResponses.SessionStatus.anonymous(this.csrfTokens.missingCookies(request)));
		}
		Instant idle = Instant.ofEpochMilli(session.getLastAccessedTime()).plusSeconds(session.getMaxInactiveInterval());
		Instant absolute = Instant.ofEpochMilli(session.getCreationTime()).plus(this.sessions.timeouts().absolute());
		Instant freshUntil = this.reauthentication.freshUntil(session);
		return AuthResponses.SessionStatus.authenticated(UserView.of(user), idle, absolute,
				(freshUntil != null && freshUntil.isAfter(Instant.now())) ? freshUntil : null,
				TwoStepLogIn.factors(authentication), this.twoStep.methods(session));
	}

}
