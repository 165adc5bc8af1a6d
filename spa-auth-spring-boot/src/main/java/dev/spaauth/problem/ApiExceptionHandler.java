package dev.spaauth.problem;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.reauth.ReauthenticationRequiredException;
import dev.spaauth.reauth.WrongPasswordException;
import dev.spaauth.throttle.RateLimitedException;
import dev.spaauth.web.StoreUnavailableFilter;

/**
 * Answers every exception that reaches Spring MVC as an RFC 9457 problem with a {@code code}: the
 * framework's own 4xx exceptions (bad JSON, wrong content type, wrong method, unknown path), the
 * exceptions of spa-auth's endpoints, and, as a last resort, anything else as a 500 problem whose
 * detail names no class, SQL or stack frame (OWASP Error Handling Cheat Sheet; ASVS 16.5.1). Ordered
 * last, so an application's own advice wins for its own exceptions.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final SecurityEvents events;

	/**
	 * Creates the handler.
	 * @param events publishes throttling to the audit trail
	 */
	public ApiExceptionHandler(SecurityEvents events) {
		this.events = events;
	}

	/**
	 * Answers invalid fields.
	 * @param ex the exception with its field errors
	 * @return 400 problem {@code validation_failed} with {@code errors}
	 */
	@ExceptionHandler(ValidationFailedException.class)
	public ResponseEntity<ProblemDetail> handleValidationFailed(ValidationFailedException ex) {
		return respond(Problems.validationFailed(ex.getErrors()));
	}

	/**
	 * Answers a problem thrown by application code.
	 * @param ex the exception with its code and detail
	 * @return the problem
	 */
	@ExceptionHandler(ProblemException.class)
	public ResponseEntity<ProblemDetail> handleProblem(ProblemException ex) {
		return respond(Problems.of(ex.getCode(), ex.getMessage()));
	}

	/**
	 * Answers a failed log-in the same way whether the user exists or not (no user enumeration;
	 * ASVS 6.3.8).
	 * @param ex the exception
	 * @return 400 problem {@code invalid_credentials}
	 */
	@ExceptionHandler(BadCredentialsException.class)
	public ResponseEntity<ProblemDetail> handleBadCredentials(BadCredentialsException ex) {
		return respond(Problems.of(ProblemCode.INVALID_CREDENTIALS, (ex instanceof WrongPasswordException)
				? "That is not your current password." : "Invalid username or password"));
	}

	/**
	 * Answers a sensitive operation on a session that is not fresh.
	 * @param ex the exception
	 * @return 403 problem {@code reauthentication_required}
	 */
	@ExceptionHandler(ReauthenticationRequiredException.class)
	public ResponseEntity<ProblemDetail> handleReauthenticationRequired(ReauthenticationRequiredException ex) {
		return respond(Problems.of(ProblemCode.REAUTHENTICATION_REQUIRED,
				"Confirm your password first: POST it to the reauthenticate endpoint, then try again."));
	}

	/**
	 * Answers an access decision made inside a handler (method security) as 403, not as a fault.
	 * @param ex the exception
	 * @return 403 problem {@code forbidden}
	 */
	@ExceptionHandler(AccessDeniedException.class)
	public ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex) {
		return respond(Problems.of(ProblemCode.FORBIDDEN, "You are not allowed to do this."));
	}

	/**
	 * Answers an authentication failure raised inside a handler as 401, not as a fault; a failure of
	 * the account store behind it is a fault (500).
	 * @param ex the exception
	 * @return 401 problem {@code unauthenticated}
	 */
	@ExceptionHandler(AuthenticationException.class)
	public ResponseEntity<ProblemDetail> handleAuthentication(AuthenticationException ex) {
		if (ex instanceof InternalAuthenticationServiceException) {
			return handleUnexpected(ex);
		}
		return respond(Problems.of(ProblemCode.UNAUTHENTICATED, "Log in and try again."));
	}

	/**
	 * Answers a multipart body that cannot be parsed.
	 * @param ex the exception
	 * @return 400 problem {@code malformed_request}
	 */
	@ExceptionHandler(MultipartException.class)
	public ResponseEntity<ProblemDetail> handleMultipart(MultipartException ex) {
		return respond(Problems.of(ProblemCode.MALFORMED_REQUEST, "The multipart body cannot be read."));
	}

	/**
	 * Answers a path variable or parameter of the wrong type, such as a note id that is not a number.
	 * @param ex the exception
	 * @return 400 problem {@code malformed_request}
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	public ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		return respond(Problems.of(ProblemCode.MALFORMED_REQUEST,
				"The value of '" + ex.getName() + "' has the wrong type. Check the URL."));
	}

	/**
	 * Answers an attempt refused by the throttle, and records it in the audit trail.
	 * @param ex the exception with the wait
	 * @param request the refused request
	 * @return 429 problem {@code rate_limited} with {@code Retry-After} in seconds
	 */
	@ExceptionHandler(RateLimitedException.class)
	public ResponseEntity<ProblemDetail> handleRateLimited(RateLimitedException ex, HttpServletRequest request) {
		this.events.publish(SecurityEvent.Type.THROTTLED, request, ex.getAccount(), null);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.getRetryAfterSeconds()))
			.body(Problems.of(ProblemCode.RATE_LIMITED, "Too many attempts. Wait " + ex.getRetryAfterSeconds()
					+ " seconds, then try again."));
	}

	/**
	 * Answers a request refused because too many passwords are being hashed at once.
	 * @param ex the exception
	 * @return 503 problem {@code service_unavailable} with {@code Retry-After}
	 */
	@ExceptionHandler(PasswordHashingBusyException.class)
	public ResponseEntity<ProblemDetail> handleHashingBusy(PasswordHashingBusyException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(Problems.of(ProblemCode.SERVICE_UNAVAILABLE,
					"The server is busy checking other passwords. Try again in a second."));
	}

	/**
	 * Answers a store outage as 503 (see {@link StoreUnavailableFilter}), and any other fault with a
	 * generic 500 problem, logged with its stack trace.
	 * @param ex the exception
	 * @return 500 problem {@code internal_error}
	 */
	@ExceptionHandler(Exception.class)
	public ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		if (StoreUnavailableFilter.isStoreFailure(ex)) {
			log.warn("Store unavailable during a request: {}", ex.getClass().getSimpleName());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.header(HttpHeaders.RETRY_AFTER, "5")
				.body(StoreUnavailableFilter.unavailable());
		}
		log.error("Unexpected error answered as 500", ex);
		return respond(Problems.of(ProblemCode.INTERNAL_ERROR,
				"Something went wrong on the server. Try again; if it keeps happening, contact the operator."));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (PayloadTooLargeException.isCause(ex)) {
			return handleExceptionInternal(ex, null, headers, ProblemCode.PAYLOAD_TOO_LARGE.status(), request);
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		ProblemCode code = ProblemCode.forStatus(statusCode.value());
		ProblemDetail problem = Problems.of(code, detailFor(ex, code));
		HttpHeaders writable = new HttpHeaders();
		writable.addAll(headers);
		writable.set(HttpHeaders.CACHE_CONTROL, "no-store");
		return super.handleExceptionInternal(ex, problem, writable, statusCode, request);
	}

	private static String detailFor(Exception ex, ProblemCode code) {
		if (code == ProblemCode.PAYLOAD_TOO_LARGE) {
			return PayloadTooLargeException.DETAIL;
		}
		if (ex instanceof HttpMessageNotReadableException) {
			return "The request body is missing or is not valid JSON of the expected shape. Send a JSON object "
					+ "with the documented fields.";
		}
		if (ex instanceof ResponseStatusException statusException && statusException.getReason() != null) {
			return statusException.getReason();
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return "Send the body as application/json.";
		}
		if (ex instanceof HttpRequestMethodNotSupportedException notSupported
				&& notSupported.getSupportedMethods() != null) {
			return "This path does not support " + notSupported.getMethod() + ". Use "
					+ String.join(" or ", notSupported.getSupportedMethods()) + ".";
		}
		return switch (code) {
			case NOT_FOUND -> "Nothing is here. Check the path.";
			case NOT_ACCEPTABLE -> "This endpoint answers application/json only. Accept it.";
			case UNAUTHENTICATED -> "Log in and try again.";
			case FORBIDDEN -> "You are not allowed to do this.";
			case INTERNAL_ERROR -> "Something went wrong on the server. Try again later.";
			default -> "The request is not valid here. Check its parameters and headers.";
		};
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.CACHE_CONTROL, "no-store").body(problem);
	}

}
