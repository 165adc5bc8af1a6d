package dev.spaauth.signup;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.spaauth.account.AccountWork;
import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.mail.Notices;
import dev.spaauth.problem.FieldErrors;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.EmailAddresses;
import dev.spaauth.user.OneTimeTokens;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;

/**
 * Proving a new account's email address by a mailed single-use link (ASVS 6.4.1 and the OWASP
 * Authentication Cheat Sheet): sent at sign-up, sent again on request, and followed from the SPA's
 * {@code #/verify-email?token=...}. A request to send it again answers the same whether or not the
 * address has an account, is verified already, or is unknown, and does the lookup on another thread
 * ({@link AccountWork}), so neither the answer nor its time tells. Following a password-reset link
 * proves the address too.
 */
public final class EmailVerifications {

	private final UserAccounts accounts;

	private final OneTimeTokens tokens;

	private final Notices notices;

	private final LoginThrottle throttle;

	private final SecurityEvents events;

	private final Duration lifetime;

	private final AccountWork work;

	/**
	 * Creates the verifications.
	 * @param accounts the account store
	 * @param tokens issues and redeems the links' tokens
	 * @param notices mails the links
	 * @param throttle limits requests per client address and per submitted address
	 * @param events publishes the audit trail
	 * @param lifetime how long a link works ({@code spa-auth.tokens.email-verification-lifetime})
	 * @param work runs the lookup of a resend off the request thread
	 */
	public EmailVerifications(UserAccounts accounts, OneTimeTokens tokens, Notices notices, LoginThrottle throttle,
			SecurityEvents events, Duration lifetime, AccountWork work) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.notices = notices;
		this.throttle = throttle;
		this.events = events;
		this.lifetime = lifetime;
		this.work = work;
	}

	/**
	 * Mails a new account its link; earlier links of the account stop working.
	 * @param user the new account
	 */
	public void send(SpaAuthUser user) {
		String token = this.tokens.issue(user.getId(), OneTimeTokens.Purpose.EMAIL_VERIFICATION, null, this.lifetime);
		this.notices.verifyEmail(user.getEmail(), token, this.lifetime.toHours());
	}

	/**
	 * Mails a new link if an account with an unverified address uses the address.
	 * @param email the address as submitted
	 * @param request the request, for the throttle and the audit trail
	 * @throws dev.spaauth.problem.ValidationFailedException for a missing or malformed address (400)
	 * @throws dev.spaauth.throttle.RateLimitedException after too many requests for the address or from
	 * the client (429)
	 */
	public void resend(@Nullable String email, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String address = (email != null) ? email.strip() : null;
		EmailAddresses.check(errors, "email", "Email", address);
		errors.throwIfAny();
		this.throttle.begin(address, request);
		this.work.submit("email verification", () -> this.accounts.findByEmail(address)
			.filter((user) -> !user.isEmailVerified())
			.ifPresent(this::send));
		this.events.publish(SecurityEvent.Type.EMAIL_VERIFICATION_REQUESTED, request, null, null);
	}

	/**
	 * Follows a link: the account's address is verified.
	 * @param token the token from the link
	 * @param request the request, for the throttle and the audit trail
	 * @return the account, as it is now
	 * @throws ProblemException 400 {@code invalid_token} for an unknown, used or expired token
	 * @throws dev.spaauth.problem.ValidationFailedException for a missing token (400)
	 */
	public SpaAuthUser verify(@Nullable String token, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		errors.require("token", "Token", token);
		errors.throwIfAny();
		LoginThrottle.Attempt attempt = this.throttle.begin(null, request);
		SpaAuthUser user = this.tokens.redeem(token, OneTimeTokens.Purpose.EMAIL_VERIFICATION)
			.flatMap((grant) -> {
				this.accounts.markEmailVerified(grant.userId());
				return this.accounts.findById(grant.userId());
			})
			.orElseThrow(() -> new ProblemException(ProblemCode.INVALID_TOKEN,
					"This confirmation link is used, expired or unknown. Ask for a new one."));
		attempt.succeeded();
		user.eraseCredentials();
		this.events.publish(SecurityEvent.Type.EMAIL_VERIFIED, request, user.getUsername(), null);
		return user;
	}

}
