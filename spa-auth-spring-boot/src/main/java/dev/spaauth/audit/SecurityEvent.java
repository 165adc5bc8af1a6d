package dev.spaauth.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A security-relevant event, published as a Spring application event (listen with
 * {@code @EventListener}) and logged by {@link AuditLog}. It never holds a password, a token or a
 * session id (OWASP Logging Cheat Sheet; ASVS 16.3.1, 16.3.2, 16.3.3).
 *
 * @param type what happened
 * @param username the account concerned, as submitted (at most 64 characters, control characters
 * removed), or null when none is known
 * @param address the client address (from the connection, or from forwarded headers only when
 * {@code server.forward-headers-strategy} trusts the proxy)
 * @param method the request method
 * @param path the request path, without the query string
 * @param reason why a request was refused, in words for people, or null
 * @param code why a request was refused as a stable snake_case word from a short fixed list, fit to
 * count by (such as {@code invalid_credentials}, {@code untrusted_origin}, or {@code account} for the
 * throttle's limit that refused), or null when the type says it all; never holds submitted data
 * @param via how the user proved who they are, signed up or failed to: {@code password},
 * {@code passkey}, {@code totp}, {@code recovery_code} or {@code provider}; or null when that does not
 * apply
 * @param at when it happened
 */
public record SecurityEvent(Type type, @Nullable String username, String address, String method, String path,
		@Nullable String reason, @Nullable String code, @Nullable String via, Instant at) {

	/** {@link #via()} of a password. */
	public static final String PASSWORD = "password";

	/** {@link #via()} of a passkey (WebAuthn), which is both factors at once. */
	public static final String PASSKEY = "passkey";

	/** {@link #via()} of a sign-in with an OpenID Connect or OAuth 2.0 provider. */
	public static final String PROVIDER = "provider";

	/** Kinds of security events. */
	public enum Type {

		/** A log-in succeeded; a new session was started. */
		LOGIN_SUCCEEDED,

		/** A log-in failed: unknown user or wrong password (not told apart). */
		LOGIN_FAILED,

		/** A session was ended by log-out. */
		LOGGED_OUT,

		/** An account was created. */
		SIGNED_UP,

		/** An unsafe request was refused for a missing or invalid CSRF token. */
		CSRF_REJECTED,

		/** An unsafe request was refused for an untrusted origin. */
		ORIGIN_REJECTED,

		/** An attempt was refused by the throttle. */
		THROTTLED,

		/** The user proved their password again; the session is fresh. */
		REAUTHENTICATED,

		/** A re-authentication or password change failed: wrong password. */
		REAUTHENTICATION_FAILED,

		/** The password was changed by its owner; other sessions ended. */
		PASSWORD_CHANGED,

		/** A password reset was asked for (whether or not the address is known). */
		PASSWORD_RESET_REQUESTED,

		/** The password was reset with a mailed token; every session ended. */
		PASSWORD_RESET,

		/** A change of email address was asked for; a confirmation link went to the new address. */
		EMAIL_CHANGE_REQUESTED,

		/** The email address was changed. */
		EMAIL_CHANGED,

		/** A session was ended by its owner from another one, or all others were. */
		SESSIONS_REVOKED,

		/** The password was right; the log-in waits for a second factor. */
		SECOND_FACTOR_REQUIRED,

		/** A second-factor code was wrong or used already. */
		SECOND_FACTOR_FAILED,

		/** A recovery code completed a log-in. */
		RECOVERY_CODE_USED,

		/** A second factor was added to the account (the reason names it, such as {@code totp}). */
		FACTOR_ADDED,

		/** A second factor was removed from the account. */
		FACTOR_REMOVED,

		/** The account's recovery codes were replaced by new ones. */
		RECOVERY_CODES_REGENERATED,

		/** A sign-in came from a browser the account had not used; a notice was mailed. */
		NEW_DEVICE_SIGN_IN,

		/** The owner followed a notice's "this wasn't me" link: sessions ended, password locked. */
		SIGN_IN_REPORTED,

		/** The owner deleted the account; every session ended. */
		ACCOUNT_DELETED,

		/** A provider identity was linked to the account. */
		IDENTITY_LINKED,

		/** A provider identity was unlinked from the account. */
		IDENTITY_UNLINKED,

		/** A new link to verify an address was asked for (whether or not one was sent). */
		EMAIL_VERIFICATION_REQUESTED,

		/** An account's address was verified by its mailed link. */
		EMAIL_VERIFIED

	}

}
