package dev.spaauth.account;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import dev.spaauth.reauth.Reauthentication;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.sessions.UserSessions;
import dev.spaauth.user.EmailAddresses;
import dev.spaauth.user.OneTimeTokens;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;
import dev.spaauth.user.UserView;

/**
 * Email change in two steps (OWASP Authentication Cheat Sheet, "Changing a User's Registered Email
 * Address"; ASVS 7.5.1): {@code POST {base-path}/email {"newEmail"}} needs a fresh session, sends a
 * single-use link to the new address and a notice to the old one, and changes nothing;
 * {@code POST {base-path}/email/confirm {"token"}} makes the change. An address that belongs to
 * another account gets the same 202 and no link, so the answer tells nothing about other accounts.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class EmailChangeController {

	private final Reauthentication reauthentication;

	private final UserAccounts accounts;

	private final OneTimeTokens tokens;

	private final Notices notices;

	private final SessionLifecycle sessions;

	private final SecurityEvents events;

	private final UserSessions userSessions;

	private final Duration lifetime;

	/**
	 * Creates the controller.
	 * @param reauthentication requires a fresh session
	 * @param accounts the account store
	 * @param tokens issues and redeems confirmation tokens
	 * @param notices sends the link and the notices
	 * @param sessions updates the signed-in principal after the change
	 * @param events publishes the audit trail
	 * @param userSessions ends the user's other sessions once the address changed
	 * @param lifetime how long a confirmation link works
	 */
	public EmailChangeController(Reauthentication reauthentication, UserAccounts accounts, OneTimeTokens tokens,
			Notices notices, SessionLifecycle sessions, SecurityEvents events, UserSessions userSessions,
			Duration lifetime) {
		this.reauthentication = reauthentication;
		this.accounts = accounts;
		this.tokens = tokens;
		this.notices = notices;
		this.sessions = sessions;
		this.events = events;
		this.userSessions = userSessions;
		this.lifetime = lifetime;
	}

	/**
	 * Asks for an email change.
	 * @param user the signed-in user
	 * @param body the new address
	 * @param request the request
	 * @return 202 with the pending address; 403 {@code reauthentication_required} when the session is
	 * not fresh; 400 {@code validation_failed}; 503 when no SPA URL is configured for links
	 */
	@PostMapping(path = "/email", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	public PendingEmail request(@AuthenticationPrincipal SpaAuthUser user, @RequestBody NewEmail body,
			HttpServletRequest request) {
		this.reauthentication.requireFresh(request);
		FieldErrors errors = new FieldErrors();
		String newEmail = (body.newEmail() != null) ? body.newEmail().strip() : null;
		if (errors.require("newEmail", "New email", newEmail) && !EmailAddresses.isValid(newEmail)) {
			errors.add("newEmail", "Enter an email address such as name@example.com.");
		}
		if (!errors.has("newEmail") && newEmail.equalsIgnoreCase(user.getEmail())) {
			errors.add("newEmail", "This is already your email address.");
		}
		errors.throwIfAny();
		requireLinks();
		// Read the stored account, not the session's copy: its email may have changed since log-in.
		SpaAuthUser account = this.accounts.findById(user.getId()).orElseThrow(EmailChangeController::invalidToken);
		if (!this.accounts.emailTaken(newEmail)) {
			String token = this.tokens.issue(user.getId(), OneTimeTokens.Purpose.EMAIL_CHANGE, newEmail, this.lifetime);
			this.notices.confirmEmailChange(newEmail, token, this.lifetime.toMinutes());
		}
		this.notices.emailChangeRequested(account.getEmail(), newEmail);
		this.events.publish(SecurityEvent.Type.EMAIL_CHANGE_REQUESTED, request, user.getUsername(), null);
		return new PendingEmail(newEmail);
	}

	/**
	 * Confirms an email change with the mailed token; works without a session (the link may be opened
	 * in another browser), but not in a session of another user.
	 * @param user the signed-in user, or null
	 * @param body the token
	 * @param request the request
	 * @param response the response
	 * @return 200 with the user; 400 {@code invalid_token} for an unknown, used or expired token, one
	 * of another user, or an address taken meanwhile
	 */
	@PostMapping(path = "/email/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Confirmed confirm(@AuthenticationPrincipal @Nullable SpaAuthUser user, @RequestBody TokenBody body,
			HttpServletRequest request, HttpServletResponse response) {
		FieldErrors errors = new FieldErrors();
		errors.require("token", "Token", body.token());
		errors.throwIfAny();
		OneTimeTokens.Grant peeked = this.tokens.peek(body.token(), OneTimeTokens.Purpose.EMAIL_CHANGE)
			.orElseThrow(EmailChangeController::invalidToken);
		if (user != null && peeked.userId() != user.getId()) {
			throw new ProblemException(ProblemCode.INVALID_TOKEN,
					"This link belongs to another account. Log out, then open the link again.");
		}
		OneTimeTokens.Grant grant = this.tokens.redeem(body.token(), OneTimeTokens.Purpose.EMAIL_CHANGE)
			.orElseThrow(EmailChangeController::invalidToken);
		SpaAuthUser account = this.accounts.findById(grant.userId()).orElseThrow(EmailChangeController::invalidToken);
		String newEmail = grant.newEmail();
		try {
			this.accounts.updateEmail(account.getId(), newEmail);
		}
		catch (DuplicateKeyException ex) {
			throw new ProblemException(ProblemCode.INVALID_TOKEN,
					"Another account started using this address meanwhile. Ask for the change again with another address.");
		}
		this.tokens.revokeAll(account.getId(), OneTimeTokens.Purpose.PASSWORD_RESET);
		// Other sessions hold the old address and might be an attacker's: they end, this one is updated.
		HttpSession current = (user != null) ? request.getSession(false) : null;
		this.userSessions.endAllBut(account.getUsername(), (current != null) ? current.getId() : null);
		this.notices.emailChanged(account.getEmail(), newEmail);
		SpaAuthUser changed = new SpaAuthUser(account.getId(), account.getUsername(), newEmail, null);
		if (current != null) {
			this.sessions.saveAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities()), request,
					response);
		}
		this.events.publish(SecurityEvent.Type.EMAIL_CHANGED, request, account.getUsername(), null);
		return new Confirmed(UserView.of(changed));
	}

	private void requireLinks() {
		if (!this.notices.canSendLinks()) {
			throw new ProblemException(ProblemCode.SERVICE_UNAVAILABLE,
					"Email changes are not available: the server has no spa-auth.spa-url to build links with.");
		}
	}

	private static ProblemException invalidToken() {
		return new ProblemException(ProblemCode.INVALID_TOKEN,
				"This confirmation link is invalid, used or expired. Ask for the email change again.");
	}

	/**
	 * Body of an email change.
	 *
	 * @param newEmail the address to use
	 */
	public record NewEmail(@Nullable String newEmail) {
	}

	/**
	 * Body with a mailed token.
	 *
	 * @param token the token from the link
	 */
	public record TokenBody(@Nullable String token) {

		@Override
		public String toString() {
			return "TokenBody[]";
		}

	}

	/**
	 * Answer of an email change request.
	 *
	 * @param pendingEmail the address that must confirm
	 */
	public record PendingEmail(String pendingEmail) {
	}

	/**
	 * Answer of a confirmed email change.
	 *
	 * @param user the user with the new address
	 */
	public record Confirmed(UserView user) {
	}

}
