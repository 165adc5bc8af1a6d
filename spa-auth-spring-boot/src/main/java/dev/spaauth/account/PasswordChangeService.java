package dev.spaauth.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CsrfToken;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.mail.Notices;
import dev.spaauth.problem.FieldErrors;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.session.UserSessions;
import dev.spaauth.user.OneTimeTokens;
import dev.spaauth.user.PasswordPolicy;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;

/**
 * The signed-in user changes their password. The current password is the re-authentication; the new
 * one must pass the same policy as at sign-up, and differ from the current one. The current session
 * gets a new id and CSRF token, every other session of the user ends, outstanding reset and
 * email-change links die, and the account's address is told (OWASP Authentication Cheat Sheet,
 * "Change Password Feature"; ASVS 6.2.2, 6.2.3, 7.4.3).
 */
public final class PasswordChangeService {

	private static final int MAX_CURRENT_PASSWORD_LENGTH = 1024;

	private final PasswordConfirmation passwords;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final UserAccounts accounts;

	private final OneTimeTokens tokens;

	private final SessionLifecycle sessions;

	private final UserSessions userSessions;

	private final Reauthentication reauthentication;

	private final Notices notices;

	private final SecurityEvents events;

	/**
	 * Creates the service.
	 * @param passwords checks the current password under the log-in throttle
	 * @param policy judges the new password
	 * @param encoder hashes it
	 * @param accounts stores it
	 * @param tokens revokes outstanding reset and email-change links
	 * @param sessions renews the current session
	 * @param userSessions ends the other sessions
	 * @param reauthentication marks the session fresh
	 * @param notices tells the account's address
	 * @param events publishes the audit trail
	 */
	public PasswordChangeService(PasswordConfirmation passwords, PasswordPolicy policy, PasswordEncoder encoder,
			UserAccounts accounts, OneTimeTokens tokens, SessionLifecycle sessions, UserSessions userSessions,
			Reauthentication reauthentication, Notices notices, SecurityEvents events) {
		this.passwords = passwords;
		this.policy = policy;
		this.encoder = encoder;
		this.accounts = accounts;
		this.tokens = tokens;
		this.sessions = sessions;
		this.userSessions = userSessions;
		this.reauthentication = reauthentication;
		this.notices = notices;
		this.events = events;
	}

	/**
	 * Changes the password.
	 * @param user the signed-in user
	 * @param currentPassword the password in use, as typed
	 * @param newPassword the password to use from now on
	 * @param request the request, which has a session
	 * @param response the response that gets the renewed session and CSRF cookies
	 * @return the renewed session's CSRF token
	 * @throws dev.spaauth.problem.ValidationFailedException for a missing field, a weak new password
	 * or the current one again (400 {@code validation_failed})
	 * @throws WrongPasswordException for a wrong current password, or the second of two concurrent
	 * changes (400 {@code invalid_credentials})
	 * @throws dev.spaauth.throttle.RateLimitedException after too many failures (429)
	 */
	public CsrfToken change(SpaAuthUser user, @Nullable String currentPassword, @Nullable String newPassword,
			HttpServletRequest request, HttpServletResponse response) {
		FieldErrors errors = new FieldErrors();
		if (errors.require("currentPassword", "Current password", currentPassword)
				&& currentPassword.length() > MAX_CURRENT_PASSWORD_LENGTH) {
			errors.add("currentPassword", "Password is longer than " + MAX_CURRENT_PASSWORD_LENGTH + " characters.");
		}
		if (errors.require("newPassword", "New password", newPassword)) {
			this.policy.check(newPassword, List.of(user.getUsername(), user.getEmail()))
				.ifPresent((message) -> errors.add("newPassword", message));
		}
		errors.throwIfAny();
		// Read the stored account, not the session's copy: its email may have changed since log-in.
		SpaAuthUser account = this.accounts.findById(user.getId()).orElseThrow(WrongPasswordException::new);
		this.passwords.confirm(user, currentPassword, request);
		if (this.encoder.matches(newPassword, account.getPassword())) {
			new FieldErrors().add("newPassword", "Choose a password different from the current one.").throwIfAny();
		}
		// Of two concurrent changes only the first wins; the second is told its password is wrong.
		if (!this.accounts.updatePasswordIfUnchanged(account.getId(), account.getPassword(),
				this.encoder.encode(newPassword))) {
			throw new WrongPasswordException();
		}
		// A pending email change or reset link might be an attacker's: a new password ends them all.
		this.tokens.revokeAll(user.getId(), OneTimeTokens.Purpose.PASSWORD_RESET);
		this.tokens.revokeAll(user.getId(), OneTimeTokens.Purpose.EMAIL_CHANGE);
		// End the others first: the store still knows the current session by its old id until the
		// request completes.
		this.userSessions.endAllBut(user.getUsername(), request.getSession(false).getId());
		CsrfToken token = this.sessions.renew(request, response);
		this.reauthentication.markFresh(request.getSession(false));
		this.notices.passwordChanged(account.getEmail());
		this.events.publish(SecurityEvent.Type.PASSWORD_CHANGED, request, user.getUsername(), null);
		return token;
	}

}
