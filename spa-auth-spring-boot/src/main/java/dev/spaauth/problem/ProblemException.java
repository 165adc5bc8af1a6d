package dev.spaauth.problem;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An exception that carries the problem it is answered with: Spring MVC's {@link ErrorResponseException}
 * with a body from the {@link ProblemCode} catalogue, so {@link ApiExceptionHandler} answers every such
 * exception the same way without knowing the feature that threw it. Application code throws it too,
 * such as {@code throw new ProblemException(ProblemCode.NOT_FOUND, "No note with id 5.")}; features
 * subclass it for their own problems (and may add headers such as {@code Retry-After} through
 * {@link #getHeaders()}).
 */
public class ProblemException extends ErrorResponseException {

	private final ProblemCode code;

	/**
	 * Creates the exception.
	 * @param code the catalogue entry that sets status, title and {@code code}
	 * @param detail what happened and what the client can do; shown to people
	 */
	public ProblemException(ProblemCode code, String detail) {
		this(code, Problems.of(code, detail), null);
	}

	/**
	 * Creates the exception with a problem built by the caller.
	 * @param code the catalogue entry of the problem
	 * @param problem the problem, from {@link Problems}
	 * @param cause what caused it, or null
	 */
	protected ProblemException(ProblemCode code, ProblemDetail problem, @Nullable Throwable cause) {
		super(HttpStatusCode.valueOf(problem.getStatus()), problem, cause);
		this.code = code;
	}

	/**
	 * Returns the catalogue entry.
	 * @return the code
	 */
	public ProblemCode getCode() {
		return this.code;
	}

	/**
	 * Returns the problem's detail, so logs show what a person would read.
	 * @return the detail
	 */
	@Override
	public String getMessage() {
		String detail = getBody().getDetail();
		return (detail != null) ? detail : this.code.title();
	}

}
