package dev.spaauth.account;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.mail.Notices;
import dev.spaauth.problem.FieldErrors;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.session.UserSessions;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.EmailAddresses;
import dev.spaauth.user.OneTimeTokens;
import dev.spaauth.user.PasswordPolicy;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;

/**
 * Password reset by mail (OWASP Forgot Password Cheat Sheet; ASVS 6.4.1, 6.4.3): a request answers
 * the same way whether or not an account uses the address, and mails a single-use link (a newer
 * request revokes older links) to the SPA's reset page, built from {@code spa-auth.spa-url}, never
 * from request headers; the confirmation sets the password, ends every session of the user and logs
 * nobody in. Both are throttled like log-in.
 */
public final class PasswordResetService {

	private final UserAccounts accounts;

	private final OneTimeTokens tokens;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final UserSessions userSessions;

	private final LoginThrottle throttle;

	private final Notices notices;

	private final SecurityEvents events;

	private final Duration lifetime;

	private final AccountWork work;

	/**
	 * Creates the service.
	 * @param accounts the account store
	 * @param tokens issues and redeems reset tokens
	 * @param policy judges the new password
	 * @param encoder hashes it
	 * @param userSessions ends the user's sessions
	 * @param throttle limits requests per address and per submitted email
	 * @param notices sends the link and the notice
	 * @param events publishes the audit trail
	 * @param lifetime how long a reset link works
	 * @param work runs the lookup of the address and what follows off the request thread
	 */
	public PasswordResetService(UserAccounts accounts, OneTimeTokens tokens, PasswordPolicy policy,
			PasswordEncoder encoder, UserSessions userSessions, LoginThrottle throttle, Notices notices,
			SecurityEvents events, Duration lifetime, AccountWork work) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.policy = policy;
		this.encoder = encoder;
		this.userSessions = userSessions;
		this.throttle = throttle;
		this.notices = notices;
		this.events = events;
		this.lifetime = lifetime;
		this.work = work;
	}

	/**
	 * Mails a reset link if an account uses the address. The lookup of the address, the token and the
	 * mail happen on another thread ({@link AccountWork}), so the request does the same work, and takes
	 * the same time, for known and unknown addresses.
	 * @param email the address as submitted
	 * @param request the request, for the throttle and the audit trail
	 * @throws dev.spaauth.problem.ValidationFailedException for a missing or malformed address (400)
	 * @throws dev.spaauth.throttle.RateLimitedException after too many requests for the address or from
	 * the client (429)
	 * @throws ProblemException 503 {@code service_unavailable} when no SPA URL is configured for links
	 */
	public void request(@Nullable String email, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String address = (email != null) ? email.strip() : null;
		EmailAddresses.check(errors, "email", "Email", address);
		errors.throwIfAny();
		this.throttle.begin(address, request);
		if (!this.notices.canSendLinks()) {
			throw new ProblemException(ProblemCode.SERVICE_UNAVAILABLE,
					"Password reset is not available: the server has no spa-auth.spa-url to build links with.");
		}
		this.work.submit("password reset", () -> this.accounts.findByEmail(address).ifPresent((user) -> {
			String token = this.tokens.issue(user.getId(), OneTimeTokens.Purpose.PASSWORD_RESET, null, this.lifetime);
			this.notices.passwordReset(user.getEmail(), token, this.lifetime.toMinutes());
		}));
		this.events.publish(SecurityEvent.Type.PASSWORD_RESET_REQUESTED, request, null, null);
	}

	/**
	 * Sets a new password with a mailed token, ends every session of the user (and the request's own)
	 * and cancels pending email changes.
	 * @param token the token from the link
	 * @param newPassword the new password
	 * @param request the request; a session it has is ended too
	 * @throws ProblemException 400 {@code invalid_token} for an unknown, used or expired token
	 * @throws dev.spaauth.problem.ValidationFailedException for a missing field or a weak password (the
	 * token stays usable)
	 * @throws dev.spaauth.throttle.RateLimitedException after many attempts from the client (429)
	 */
	public void confirm(@Nullable String token, @Nullable String newPassword, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		errors.require("token", "Token", token);
		errors.require("newPassword", "New password", newPassword);
		errors.throwIfAny();
		LoginThrottle.Attempt attempt = this.throttle.begin(null, request);
		SpaAuthUser user = this.tokens.peek(token, OneTimeTokens.Purpose.PASSWORD_RESET)
			.flatMap((grant) -> this.accounts.findById(grant.userId()))
			.orElseThrow(PasswordResetService::invalidToken);
		this.policy.check(newPassword, List.of(user.getUsername(), user.getEmail()))
			.ifPresent((message) -> new FieldErrors().add("newPassword", message).throwIfAny());
		this.tokens.redeem(token, OneTimeTokens.Purpose.PASSWORD_RESET).orElseThrow(PasswordResetService::invalidToken);
		this.accounts.updatePassword(user.getId(), this.encoder.encode(newPassword));
		// The link came through the account's mailbox: the address is proven.
		this.accounts.markEmailVerified(user.getId());
		// A pending email change might be an attacker's, who knew the old password: it dies too.
		this.tokens.revokeAll(user.getId(), OneTimeTokens.Purpose.EMAIL_CHANGE);
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		this.userSessions.endAllBut(user.getUsername(), null);
		attempt.succeeded();
		this.notices.passwordReset(user.getEmail());
		this.events.publish(SecurityEvent.Type.PASSWORD_RESET, request, user.getUsername(), null);
	}

	private static ProblemException invalidToken() {
		return new ProblemException(ProblemCode.INVALID_TOKEN,
				"This reset link is invalid, used or expired. Ask for a new one.");
	}

}
