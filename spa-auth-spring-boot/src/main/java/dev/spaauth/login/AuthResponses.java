package dev.spaauth.login;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.spaauth.mfa.TwoStepLogIn;
import dev.spaauth.user.UserView;

/** Bodies of the log-in, log-out and session-status endpoints. */
public final class AuthResponses {

	private AuthResponses() {
	}

	/**
	 * Body of a successful log-in or sign-up.
	 *
	 * @param user the authenticated user
	 * @param csrfToken the session's new CSRF token; the one the client held before is dead
	 */
	public record LoggedIn(UserView user, String csrfToken) {
	}

	/**
	 * Body of a log-out.
	 *
	 * @param csrfToken a fresh anonymous CSRF token for the next log-in
	 */
	public record LoggedOut(String csrfToken) {
	}

	/**
	 * Body of {@code GET /api/auth/session}: {@code {"authenticated": false}}; while a log-in waits for
	 * its second factor {@code {"authenticated": false, "mfaRequired": true, "factors": ["password"],
	 * "missing": ["second_factor"], "methods", "mfaExpiresAt"}}; or {@code {"authenticated": true,
	 * "user": {...}, "idleExpiresAt", "absoluteExpiresAt", "reauthenticatedUntil", "factors",
	 * "methods"}}, so the SPA can warn before the session ends and show the right screen.
	 *
	 * @param authenticated whether the request has an authenticated session
	 * @param mfaRequired true while a log-in waits for its second factor, else null
	 * @param user the user, only when authenticated
	 * @param idleExpiresAt when the session ends if no request comes before
	 * @param absoluteExpiresAt when the session ends whatever happens
	 * @param reauthenticatedUntil when the session stops being fresh for sensitive operations (may be
	 * past), or null
	 * @param factors the factors the session holds, such as {@code ["password", "totp"]}
	 * @param missing what the log-in still lacks ({@code ["second_factor"]}), only while it waits
	 * @param methods the account's second-factor methods, such as {@code ["totp", "recovery_code"]}: those
	 * that can complete a waiting log-in, or, when authenticated, those enrolled
	 * @param mfaExpiresAt when a waiting log-in ends
	 * @param missingCookies only when not signed in: {@code "none"}, {@code "csrf_only"} or
	 * {@code "session_not_found"}, what of the API's cookies the browser did not send back (see
	 * {@link dev.spaauth.csrf.SessionBoundCsrfTokenRepository#missingCookies}); the client reads it
	 * right after a sign-in to tell a browser that drops the cookies from other failures
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SessionStatus(boolean authenticated, @Nullable Boolean mfaRequired, @Nullable UserView user,
			@Nullable Instant idleExpiresAt, @Nullable Instant absoluteExpiresAt,
			@Nullable Instant reauthenticatedUntil, @Nullable List<String> factors, @Nullable List<String> missing,
			@Nullable List<String> methods, @Nullable Instant mfaExpiresAt, @Nullable String missingCookies) {

		static SessionStatus anonymous(@Nullable String missingCookies) {
			return new SessionStatus(false, null, null, null, null, null, null, null, null, null, missingCookies);
		}

		static SessionStatus pending(TwoStepLogIn.Pending pending) {
			return new SessionStatus(false, true, null, null, null, null, List.of(pending.firstFactor()),
					List.of("second_factor"), pending.methods(), pending.expiresAt(), null);
		}

		static SessionStatus authenticated(UserView user, Instant idleExpiresAt, Instant absoluteExpiresAt,
				@Nullable Instant reauthenticatedUntil, List<String> factors, List<String> methods) {
			return new SessionStatus(true, null, user, idleExpiresAt, absoluteExpiresAt, reauthenticatedUntil,
					factors, null, methods, null, null);
		}

	}

}
