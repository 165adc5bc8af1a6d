package dev.spaauth.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.mail.Notices;
import dev.spaauth.problem.FieldErrors;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.session.UserSessions;
import dev.spaauth.user.EmailAddresses;
import dev.spaauth.user.OneTimeTokens;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;

/**
 * Email change in two steps (OWASP Authentication Cheat Sheet, "Changing a User's Registered Email
 * Address"; ASVS 7.5.1): the request needs a fresh session, sends a single-use link to the new address
 * and a notice to the old one, and changes nothing; the confirmation makes the change and ends the
 * user's other sessions. An address that belongs to another account gets the same answer, in the same
 * time, and no link, so the answer tells nothing about other accounts.
 */
public final class EmailChangeService {

	private final Reauthentication reauthentication;

	private final UserAccounts accounts;

	private final OneTimeTokens tokens;

	private final Notices notices;

	private final SessionLifecycle sessions;

	private final SecurityEvents events;

	private final UserSessions userSessions;

	private final Duration lifetime;

	private final AccountWork work;

	/**
	 * Creates the service.
	 * @param reauthentication requires a fresh session
	 * @param accounts the account store
	 * @param tokens issues and redeems confirmation tokens
	 * @param notices sends the link and the notices
	 * @param sessions updates the signed-in principal after the change
	 * @param events publishes the audit trail
	 * @param userSessions ends the user's other sessions once the address changed
	 * @param lifetime how long a confirmation link works
	 * @param work runs the check of the new address and what follows off the request thread
	 */
	public EmailChangeService(Reauthentication reauthentication, UserAccounts accounts, OneTimeTokens tokens,
			Notices notices, SessionLifecycle sessions, SecurityEvents events, UserSessions userSessions,
			Duration lifetime, AccountWork work) {
		this.reauthentication = reauthentication;
		this.accounts = accounts;
		this.tokens = tokens;
		this.notices = notices;
		this.sessions = sessions;
		this.events = events;
		this.userSessions = userSessions;
		this.lifetime = lifetime;
		this.work = work;
	}

	/**
	 * Asks for an email change.
	 * @param user the signed-in user
	 * @param newEmail the address to use, as submitted
	 * @param request the request, whose session must be fresh
	 * @return the pending address, stripped
	 * @throws dev.spaauth.session.ReauthenticationRequiredException when the session is not fresh (403)
	 * @throws dev.spaauth.problem.ValidationFailedException for a missing or malformed address, or the
	 * current one (400)
	 * @throws ProblemException 503 {@code service_unavailable} when no SPA URL is configured for links
	 */
	public String request(SpaAuthUser user, @Nullable String newEmail, HttpServletRequest request) {
		this.reauthentication.requireFresh(request);
		FieldErrors errors = new FieldErrors();
		String address = (newEmail != null) ? newEmail.strip() : null;
		if (EmailAddresses.check(errors, "newEmail", "New email", address) && address.equalsIgnoreCase(user.getEmail())) {
			errors.add("newEmail", "This is already your email address.");
		}
		errors.throwIfAny();
		if (!this.notices.canSendLinks()) {
			throw new ProblemException(ProblemCode.SERVICE_UNAVAILABLE,
					"Email changes are not available: the server has no spa-auth.spa-url to build links with.");
		}
		// Read the stored account, not the session's copy: its email may have changed since log-in.
		SpaAuthUser account = this.accounts.findById(user.getId()).orElseThrow(EmailChangeService::invalidToken);
		// Whether another account has the address decides whether a link goes out: off the request
		// thread, so the answer takes the same time either way.
		this.work.submit("email change", () -> {
			if (!this.accounts.emailTaken(address)) {
				String token = this.tokens.issue(user.getId(), OneTimeTokens.Purpose.EMAIL_CHANGE, address, this.lifetime);
				this.notices.confirmEmailChange(address, token, this.lifetime.toMinutes());
			}
		});
		this.notices.emailChangeRequested(account.getEmail(), address);
		this.events.publish(SecurityEvent.Type.EMAIL_CHANGE_REQUESTED, request, user.getUsername(), null);
		return address;
	}

	/**
	 * Confirms an email change with the mailed token; works without a session (the link may be opened
	 * in another browser), but not in a session of another user. The user's other sessions end (they
	 * hold the old address); a session of the user gets the new address.
	 * @param user the signed-in user, or null
	 * @param token the token from the link
	 * @param request the request
	 * @param response the response
	 * @return the user with the new address
	 * @throws ProblemException 400 {@code invalid_token} for an unknown, used or expired token, one of
	 * another user, or an address taken meanwhile
	 */
	public SpaAuthUser confirm(@Nullable SpaAuthUser user, @Nullable String token, HttpServletRequest request,
			HttpServletResponse response) {
		FieldErrors errors = new FieldErrors();
		errors.require("token", "Token", token);
		errors.throwIfAny();
		OneTimeTokens.Grant peeked = this.tokens.peek(token, OneTimeTokens.Purpose.EMAIL_CHANGE)
			.orElseThrow(EmailChangeService::invalidToken);
		if (user != null && peeked.userId() != user.getId()) {
			throw new ProblemException(ProblemCode.INVALID_TOKEN,
					"This link belongs to another account. Log out, then open the link again.");
		}
		OneTimeTokens.Grant grant = this.tokens.redeem(token, OneTimeTokens.Purpose.EMAIL_CHANGE)
			.orElseThrow(EmailChangeService::invalidToken);
		SpaAuthUser account = this.accounts.findById(grant.userId()).orElseThrow(EmailChangeService::invalidToken);
		String newEmail = grant.newEmail();
		try {
			this.accounts.updateEmail(account.getId(), newEmail);
		}
		catch (DuplicateKeyException ex) {
			throw new ProblemException(ProblemCode.INVALID_TOKEN, "Another account started using this address "
					+ "meanwhile. Ask for the change again with another address.");
		}
		this.tokens.revokeAll(account.getId(), OneTimeTokens.Purpose.PASSWORD_RESET);
		// Other sessions hold the old address and might be an attacker's: they end, this one is updated.
		HttpSession current = (user != null) ? request.getSession(false) : null;
		this.userSessions.endAllBut(account.getUsername(), (current != null) ? current.getId() : null);
		this.notices.emailChanged(account.getEmail(), newEmail);
		SpaAuthUser changed = new SpaAuthUser(account.getId(), account.getUsername(), newEmail,
				(user != null) ? user.getRoles() : account.getRoles(), null, Boolean.TRUE);
		if (current != null) {
			// The session keeps the factors it proved (password, second factor) and their times.
			List<GrantedAuthority> authorities = new ArrayList<>(changed.getAuthorities());
			Authentication before = SecurityContextHolder.getContext().getAuthentication();
			if (before != null) {
				before.getAuthorities().stream().filter(FactorGrantedAuthority.class::isInstance).forEach(authorities::add);
			}
			this.sessions.saveAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null, authorities),
					request, response);
		}
		this.events.publish(SecurityEvent.Type.EMAIL_CHANGED, request, account.getUsername(), null);
		return changed;
	}

	private static ProblemException invalidToken() {
		return new ProblemException(ProblemCode.INVALID_TOKEN,
				"This confirmation link is invalid, used or expired. Ask for the email change again.");
	}

}
