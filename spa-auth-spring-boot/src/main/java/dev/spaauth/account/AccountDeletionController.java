package dev.spaauth.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.mail.Notices;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.session.UserSessions;
import dev.spaauth.user.AccountDeletedEvent;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;

/**
 * {@code DELETE {base-path}/account}: the signed-in user deletes their account (App Store Review
 * Guideline 5.1.1(v); GDPR article 17). It needs a fresh session (password or passkey
 * re-authentication). In one transaction the application's listeners of {@link AccountDeletedEvent}
 * delete its own data and the account goes, with everything spa-auth keeps for it; then every
 * session of the account ends, on every instance, and the address gets a last mail.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class AccountDeletionController {

	private final Reauthentication reauthentication;

	private final UserAccounts accounts;

	private final UserSessions userSessions;

	private final SessionLifecycle sessions;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher publisher;

	private final Notices notices;

	private final SecurityEvents events;

	/**
	 * Creates the controller.
	 * @param reauthentication requires a fresh session
	 * @param accounts deletes the account
	 * @param userSessions ends the account's sessions
	 * @param sessions ends this browser's session
	 * @param transactions runs the listeners and the deletion in one transaction
	 * @param publisher publishes {@link AccountDeletedEvent}
	 * @param notices sends the last mail
	 * @param events publishes the audit trail
	 */
	public AccountDeletionController(Reauthentication reauthentication, UserAccounts accounts,
			UserSessions userSessions, SessionLifecycle sessions, TransactionTemplate transactions,
			ApplicationEventPublisher publisher, Notices notices, SecurityEvents events) {
		this.reauthentication = reauthentication;
		this.accounts = accounts;
		this.userSessions = userSessions;
		this.sessions = sessions;
		this.transactions = transactions;
		this.publisher = publisher;
		this.notices = notices;
		this.events = events;
	}

	/**
	 * Deletes the account.
	 * @param user the signed-in user
	 * @param request the request
	 * @param response the response that expires the session cookie and sets a new CSRF cookie
	 * @return 200 {@code {"csrfToken"}}, a fresh anonymous token; 403 {@code reauthentication_required}
	 */
	@ProblemResponses(ProblemCode.REAUTHENTICATION_REQUIRED)
	@DeleteMapping("/account")
	public Deleted delete(@AuthenticationPrincipal SpaAuthUser user, HttpServletRequest request,
			HttpServletResponse response) {
		this.reauthentication.requireFresh(request);
		this.transactions.executeWithoutResult((status) -> {
			this.publisher.publishEvent(new AccountDeletedEvent(user));
			this.accounts.delete(user.getId());
		});
		this.userSessions.endAllBut(user.getUsername(), null);
		CsrfToken token = this.sessions.logOut(request, response);
		this.notices.accountDeleted(user.getEmail());
		this.events.publish(SecurityEvent.Type.ACCOUNT_DELETED, request, user.getUsername(), null);
		return new Deleted(token.getToken());
	}

	/**
	 * Answer of a deletion.
	 *
	 * @param csrfToken a fresh anonymous CSRF token
	 */
	public record Deleted(String csrfToken) {
	}

}
