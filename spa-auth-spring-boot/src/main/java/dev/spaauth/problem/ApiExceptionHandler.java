package dev.spaauth.problem;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Answers every exception that reaches Spring MVC as an RFC 9457 problem with a {@code code}: the
 * framework's own 4xx exceptions (bad JSON, wrong content type, wrong method, unknown path), every
 * {@link ErrorResponse} that carries a problem from the catalogue (each feature's exceptions extend
 * {@link ProblemException}, with their own headers such as {@code Retry-After}, so this class knows no
 * feature), Spring Security's exceptions raised inside a handler, and, as a last resort, anything else
 * as a 500 problem whose detail names no class, SQL or stack frame (OWASP Error Handling Cheat Sheet;
 * ASVS 16.5.1). Every answer carries {@code Cache-Control: no-store}. Ordered last, so an application's
 * own advice wins for its own exceptions.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/**
	 * Answers a failed log-in the same way whether the user exists or not (no user enumeration;
	 * ASVS 6.3.8).
	 * @param ex the exception
	 * @return 400 problem {@code invalid_credentials}
	 */
	@ExceptionHandler(BadCredentialsException.class)
	public ResponseEntity<ProblemDetail> handleBadCredentials(BadCredentialsException ex) {
		return respond(Problems.of(ProblemCode.INVALID_CREDENTIALS, "Invalid username or password"));
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
	 * the account store behind it is a fault (500, or 503 when the store is unreachable).
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
	 * Answers a store outage as 503 (see {@link StoreFailures}), and any other fault with a generic 500
	 * problem, logged with its stack trace; a client that disconnected while its answer was written
	 * gets nothing and is logged at DEBUG only (it was an ERROR with a stack trace per request: anyone
	 * could flood the log by resetting connections).
	 * @param ex the exception
	 * @return 503 problem {@code service_unavailable} with {@code Retry-After}, 500 problem
	 * {@code internal_error}, or null for a client that is gone
	 */
	@ExceptionHandler(Exception.class)
	public @Nullable ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// The client went away while the answer was written: nobody to answer, nothing to report.
			log.debug("Client disconnected: {}", ex.toString());
			return null;
		}
		if (StoreFailures.isStoreFailure(ex)) {
			StoreFailures.logOutage(ex);
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.header(HttpHeaders.RETRY_AFTER, StoreFailures.RETRY_AFTER_SECONDS)
				.body(StoreFailures.unavailable());
		}
		log.error("Unexpected error answered as 500", ex);
		return respond(Problems.of(ProblemCode.INTERNAL_ERROR,
				"Something went wrong on the server. Try again; if it keeps happening, contact the operator."));
	}

	/** Answers a wrong method without Spring's warning per request: a client's mistake is not the server's. */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
			HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, null, headers, status, request);
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
		ProblemDetail problem = catalogued(ex);
		if (problem == null) {
			ProblemCode code = ProblemCode.forStatus(statusCode.value());
			problem = Problems.of(code, detailFor(ex, code));
		}
		HttpHeaders writable = new HttpHeaders();
		writable.addAll(headers);
		writable.set(HttpHeaders.CACHE_CONTROL, "no-store");
		return super.handleExceptionInternal(ex, problem, writable, statusCode, request);
	}

	/** The problem an exception carries when it is one of the catalogue's, such as a {@link ProblemException}. */
	private static @Nullable ProblemDetail catalogued(Exception ex) {
		if (ex instanceof ErrorResponse response && response.getBody().getProperties() != null
				&& response.getBody().getProperties().containsKey("code")) {
			return response.getBody();
		}
		return null;
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
