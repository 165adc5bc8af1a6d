package dev.spaauth.reset;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.mail.Notices;
import dev.spaauth.problem.FieldErrors;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.sessions.UserSessions;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.EmailAddresses;
import dev.spaauth.user.OneTimeTokens;
import dev.spaauth.user.PasswordPolicy;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;

/**
 * Password reset by mail (OWASP Forgot Password Cheat Sheet; ASVS 6.4.1, 6.4.3):
 * {@code POST {base-path}/password-reset {"email"}} answers 202 the same way and in about the same
 * time whether or not an account uses the address, and mails a single-use link (valid for
 * {@code spa-auth.tokens.password-reset-lifetime}; a newer request revokes older links) to the SPA's
 * reset page, built from {@code spa-auth.spa-url}, never from request headers;
 * {@code POST {base-path}/password-reset/confirm {"token", "newPassword"}} sets the password, ends
 * every session of the user and logs nobody in.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class PasswordResetController {

	private static final String ACCEPTED = "If an account uses this address, we sent it a link to reset the password.";

	private final UserAccounts accounts;

	private final OneTimeTokens tokens;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final UserSessions userSessions;

	private final LoginThrottle throttle;

	private final Notices notices;

	private final SecurityEvents events;

	private final Duration lifetime;

	/**
	 * Creates the controller.
	 * @param accounts the account store
	 * @param tokens issues and redeems reset tokens
	 * @param policy judges the new password
	 * @param encoder hashes it
	 * @param userSessions ends the user's sessions
	 * @param throttle limits requests per address and per submitted email
	 * @param notices sends the link and the notice
	 * @param events publishes the audit trail
	 * @param lifetime how long a reset link works
	 */
	public PasswordResetController(UserAccounts accounts, OneTimeTokens tokens, PasswordPolicy policy,
			PasswordEncoder encoder, UserSessions userSessions, LoginThrottle throttle, Notices notices,
			SecurityEvents events, Duration lifetime) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.policy = policy;
		this.encoder = encoder;
		this.userSessions = userSessions;
		this.throttle = throttle;
		this.notices = notices;
		this.events = events;
		this.lifetime = lifetime;
	}

	/**
	 * Asks for a reset link. Mail goes out on another thread, so the answer takes the same time for
	 * known and unknown addresses.
	 * @param body the address
	 * @param request the request
	 * @return 202 with a detail that does not say whether the address is known; 400
	 * {@code validation_failed} for a malformed address; 429 {@code rate_limited}
	 */
	@PostMapping(path = "/password-reset", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	public Map<String, String> request(@RequestBody ResetRequest body, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String email = (body.email() != null) ? body.email().strip() : null;
		if (errors.require("email", "Email", email) && !EmailAddresses.isValid(email)) {
			errors.add("email", "Enter an email address such as name@example.com.");
		}
		errors.throwIfAny();
		this.throttle.begin(email, request.getRemoteAddr());
		if (!this.notices.canSendLinks()) {
			throw new ProblemException(ProblemCode.SERVICE_UNAVAILABLE,
					"Password reset is not available: the server has no spa-auth.spa-url to build links with.");
		}
		this.accounts.findByEmail(email).ifPresent((user) -> {
			String token = this.tokens.issue(user.getId(), OneTimeTokens.Purpose.PASSWORD_RESET, null, this.lifetime);
			this.notices.passwordReset(user.getEmail(), token, this.lifetime.toMinutes());
		});
		this.events.publish(SecurityEvent.Type.PASSWORD_RESET_REQUESTED, request, null, null);
		return Map.of("detail", ACCEPTED);
	}

	/**
	 * Sets a new password with a mailed token.
	 * @param body the token and the new password
	 * @param request the request; a session it has is ended too
	 * @return 204; 400 {@code invalid_token} for an unknown, used or expired token; 400
	 * {@code validation_failed} for a weak password (the token stays usable); 429 {@code rate_limited}
	 * after many attempts from the address
	 */
	@PostMapping(path = "/password-reset/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<Void> confirm(@RequestBody ResetConfirmation body, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		errors.require("token", "Token", body.token());
		errors.require("newPassword", "New password", body.newPassword());
		errors.throwIfAny();
		this.throttle.begin(null, request.getRemoteAddr());
		SpaAuthUser user = this.tokens.peek(body.token(), OneTimeTokens.Purpose.PASSWORD_RESET)
			.flatMap((grant) -> this.accounts.findById(grant.userId()))
			.orElseThrow(PasswordResetController::invalidToken);
		this.policy.check(body.newPassword(), List.of(user.getUsername(), user.getEmail()))
			.ifPresent((message) -> new FieldErrors().add("newPassword", message).throwIfAny());
		this.tokens.redeem(body.token(), OneTimeTokens.Purpose.PASSWORD_RESET)
			.orElseThrow(PasswordResetController::invalidToken);
		this.accounts.updatePassword(user.getId(), this.encoder.encode(body.newPassword()));
		// A pending email change might be an attacker's, who knew the old password: it dies too.
		this.tokens.revokeAll(user.getId(), OneTimeTokens.Purpose.EMAIL_CHANGE);
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		this.userSessions.endAllBut(user.getUsername(), null);
		this.notices.passwordReset(user.getEmail());
		this.events.publish(SecurityEvent.Type.PASSWORD_RESET, request, user.getUsername(), null);
		return ResponseEntity.noContent().build();
	}

	private static ProblemException invalidToken() {
		return new ProblemException(ProblemCode.INVALID_TOKEN,
				"This reset link is invalid, used or expired. Ask for a new one.");
	}

	/**
	 * Body of a reset request.
	 *
	 * @param email the account's address
	 */
	public record ResetRequest(@Nullable String email) {
	}

	/**
	 * Body of a reset confirmation.
	 *
	 * @param token the token from the link
	 * @param newPassword the new password
	 */
	public record ResetConfirmation(@Nullable String token, @Nullable String newPassword) {

		@Override
		public String toString() {
			return "ResetConfirmation[]";
		}

	}

}
