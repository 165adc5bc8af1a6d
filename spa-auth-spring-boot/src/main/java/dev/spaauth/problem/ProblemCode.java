package dev.spaauth.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The catalogue of problems spa-auth answers: each has a stable machine {@code code} (sent as a
 * problem member), a status, a title and a {@code type} URI (RFC 9457 section 3.1). Clients branch
 * on {@link #code()}; titles are for people.
 */
public enum ProblemCode {

	/** 400: one or more fields are invalid; the problem has an {@code errors} member. */
	VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation failed"),

	/** 400: the username or password is wrong; the same answer for unknown users. */
	INVALID_CREDENTIALS(HttpStatus.BAD_REQUEST, "Invalid credentials"),

	/** 400: a single-use token (reset, email confirmation) is unknown, used or expired. */
	INVALID_TOKEN(HttpStatus.BAD_REQUEST, "Invalid or expired link"),

	/** 400: a second-factor code (authenticator app, recovery code) is wrong or used already. */
	INVALID_CODE(HttpStatus.BAD_REQUEST, "Invalid code"),

	/** 400: a passkey's answer (registration or assertion) was not accepted. */
	PASSKEY_REJECTED(HttpStatus.BAD_REQUEST, "Passkey not accepted"),

	/** 400: the user cancelled a sign-in at the provider (only as {@code ?authError=cancelled}). */
	CANCELLED(HttpStatus.BAD_REQUEST, "Sign-in cancelled"),

	/**
	 * 400: a provider's answer matches no sign-in this browser started (forged or replayed
	 * {@code state}, or too late); only as {@code ?authError=state_mismatch}.
	 */
	STATE_MISMATCH(HttpStatus.BAD_REQUEST, "Sign-in not recognised"),

	/** 400: a one-time code from a provider sign-in is unknown, used, expired or not this SPA's. */
	INVALID_SIGN_IN_CODE(HttpStatus.BAD_REQUEST, "Invalid sign-in code"),

	/** 400: the request cannot be read (bad JSON, wrong types, bad parameters). */
	MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),

	/** 401: the request needs an authenticated session. */
	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Not authenticated"),

	/** 401: the password was right, and the log-in waits for a second factor. */
	MFA_REQUIRED(HttpStatus.UNAUTHORIZED, "Second factor required"),

	/** 403: the CSRF token is missing or invalid. */
	CSRF_FAILED(HttpStatus.FORBIDDEN, "CSRF check failed"),

	/** 403: an unsafe request from a page whose origin is not trusted, or a CORS request refused. */
	ORIGIN_FORBIDDEN(HttpStatus.FORBIDDEN, "Origin not allowed"),

	/** 403: a sensitive operation on a session that did not prove the password recently. */
	REAUTHENTICATION_REQUIRED(HttpStatus.FORBIDDEN, "Re-authentication required"),

	/**
	 * 403: the provider gave no email address it verified, so no account is created from it (and
	 * none is matched by it).
	 */
	EMAIL_NOT_VERIFIED(HttpStatus.FORBIDDEN, "Email not verified"),

	/** 403: a re-authentication with a provider identity that is not linked to the account. */
	IDENTITY_NOT_LINKED(HttpStatus.FORBIDDEN, "Identity not linked"),

	/** 403: authenticated, but not allowed. */
	FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),

	/** 404: nothing at this path, or nothing the caller may see. */
	NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),

	/** 405: the path exists but not for this method; the response has an {@code Allow} header. */
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),

	/** 406: the client accepts no media type the endpoint can produce. */
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),

	/** 409: the account already has an authenticator app; remove it before setting up another. */
	MFA_ALREADY_ENABLED(HttpStatus.CONFLICT, "Authenticator app already set up"),

	/** 409: the operation needs an authenticator app, and the account has none. */
	MFA_NOT_ENABLED(HttpStatus.CONFLICT, "No authenticator app"),

	/** 409: passkeys cannot work on the origin the app was opened at (an IP address, plain HTTP). */
	PASSKEYS_UNAVAILABLE(HttpStatus.CONFLICT, "Passkeys unavailable here"),

	/**
	 * 409: a provider's verified email address belongs to an existing account that has not linked
	 * this identity: sign in to that account and link it (no automatic merge: pre-account takeover).
	 */
	ACCOUNT_EXISTS(HttpStatus.CONFLICT, "Account exists"),

	/** 409: the provider identity is linked to another account. */
	IDENTITY_IN_USE(HttpStatus.CONFLICT, "Identity linked to another account"),

	/** 409: removing this would leave the account with no way to sign in. */
	LAST_SIGN_IN_METHOD(HttpStatus.CONFLICT, "Last way to sign in"),

	/** 413: the request body is larger than {@code spa-auth.max-request-body-size}. */
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),

	/** 415: the body is not {@code application/json}. */
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),

	/** 429: too many attempts; the response has {@code Retry-After} in seconds. */
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts"),

	/** 502: the provider refused the code or answered something that is not valid. */
	PROVIDER_ERROR(HttpStatus.BAD_GATEWAY, "Provider error"),

	/** 503: the server is overloaded or a store it needs is down; the response has {@code Retry-After}. */
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),

	/** 500: an unexpected fault; details are only in the server log. */
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

	private final HttpStatus status;

	private final String title;

	ProblemCode(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	/**
	 * Returns the machine code, such as {@code csrf_failed}.
	 * @return the lower-case code
	 */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * Returns the problem type URI, such as {@code urn:spa-auth:problem:csrf_failed}.
	 * @return the type URI
	 */
	public URI type() {
		return URI.create("urn:spa-auth:problem:" + code());
	}

	/**
	 * Returns the HTTP status.
	 * @return the status
	 */
	public HttpStatus status() {
		return this.status;
	}

	/**
	 * Returns the short, human-readable summary.
	 * @return the title
	 */
	public String title() {
		return this.title;
	}

	/**
	 * Returns the code for an HTTP status answered by the framework (not by spa-auth itself).
	 * @param status the status
	 * @return the matching code, {@link #MALFORMED_REQUEST} for other 4xx and
	 * {@link #INTERNAL_ERROR} for 5xx
	 */
	public static ProblemCode forStatus(int status) {
		for (ProblemCode code : new ProblemCode[] { UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED,
				NOT_ACCEPTABLE, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE }) {
			if (code.status.value() == status) {
				return code;
			}
		}
		return (status >= 400 && status < 500) ? MALFORMED_REQUEST : INTERNAL_ERROR;
	}

}
