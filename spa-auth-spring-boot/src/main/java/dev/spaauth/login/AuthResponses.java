package dev.spaauth.login;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

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
	 * Body of {@code GET /api/auth/session}: {@code {"authenticated": false}} or
	 * {@code {"authenticated": true, "user": {...}, "idleExpiresAt", "absoluteExpiresAt",
	 * "reauthenticatedUntil"}}, so the SPA can warn before the session ends.
	 *
	 * @param authenticated whether the request has an authenticated session
	 * @param user the user, only when authenticated
	 * @param idleExpiresAt when the session ends if no request comes before
	 * @param absoluteExpiresAt when the session ends whatever happens
	 * @param reauthenticatedUntil when the session stops being fresh for sensitive operations (may be
	 * past), or null
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SessionStatus(boolean authenticated, @Nullable UserView user, @Nullable Instant idleExpiresAt,
			@Nullable Instant absoluteExpiresAt, @Nullable Instant reauthenticatedUntil) {

		static SessionStatus anonymous() {
			return new SessionStatus(false, null, null, null, null);
		}

	}

}
