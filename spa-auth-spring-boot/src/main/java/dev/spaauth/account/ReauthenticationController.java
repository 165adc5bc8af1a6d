package dev.spaauth.account;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.problem.FieldErrors;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.user.SpaAuthUser;

/**
 * {@code POST {base-path}/reauthenticate {"password"}}: the signed-in user proves their password
 * again; the session becomes fresh for {@code spa-auth.reauthentication.window}, and gets a new id and
 * a new CSRF token. Needs a session (401 otherwise); only the session's own user can be confirmed.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReauthenticationController {

	/** Longest password accepted here, in characters; longer ones are never hashed. */
	static final int MAX_PASSWORD_LENGTH = 1024;

	private final PasswordConfirmation passwords;

	private final Reauthentication reauthentication;

	private final SessionLifecycle sessions;

	private final SecurityEvents events;

	/**
	 * Creates the controller.
	 * @param passwords checks the password under the log-in throttle
	 * @param reauthentication records the proof in the session
	 * @param sessions renews the session id and CSRF token
	 * @param events publishes the audit trail
	 */
	public ReauthenticationController(PasswordConfirmation passwords, Reauthentication reauthentication,
			SessionLifecycle sessions, SecurityEvents events) {
		this.passwords = passwords;
		this.reauthentication = reauthentication;
		this.sessions = sessions;
		this.events = events;
	}

	/**
	 * Re-authenticates.
	 * @param user the signed-in user
	 * @param body the password; any other field (a {@code username}) is ignored
	 * @param request the request
	 * @param response the response that gets the renewed session and CSRF cookies
	 * @return 200 with the end of the window and the new CSRF token; 400 {@code validation_failed};
	 * 400 {@code invalid_credentials}; 429 {@code rate_limited}
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.INVALID_CREDENTIALS, ProblemCode.RATE_LIMITED })
	@PostMapping(path = "/reauthenticate", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Reauthenticated reauthenticate(@AuthenticationPrincipal SpaAuthUser user,
			@RequestBody PasswordBody body, HttpServletRequest request, HttpServletResponse response) {
		FieldErrors errors = new FieldErrors();
		if (errors.require("password", "Password", body.password())
				&& body.password().length() > MAX_PASSWORD_LENGTH) {
			errors.add("password", "Password is longer than " + MAX_PASSWORD_LENGTH + " characters.");
		}
		errors.throwIfAny();
		this.passwords.confirm(user, body.password(), request);
		CsrfToken token = this.sessions.renew(request, response);
		Instant until = this.reauthentication.markFresh(request.getSession(false));
		this.events.publish(SecurityEvent.Type.REAUTHENTICATED, request, user.getUsername(), null, null,
				SecurityEvent.PASSWORD);
		return new Reauthenticated(until, token.getToken());
	}

	/**
	 * Body with a password.
	 *
	 * @param password the user's current password
	 */
	public record PasswordBody(@Nullable String password) {

		@Override
		public String toString() {
			return "PasswordBody[]";
		}

	}

	/**
	 * Answer of a re-authentication.
	 *
	 * @param reauthenticatedUntil when the session stops being fresh
	 * @param csrfToken the session's new CSRF token
	 */
	public record Reauthenticated(Instant reauthenticatedUntil, String csrfToken) {
	}

}
