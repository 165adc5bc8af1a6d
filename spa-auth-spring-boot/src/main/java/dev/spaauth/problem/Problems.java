package dev.spaauth.problem;

import java.util.Map;

import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details from the {@link ProblemCode} catalogue. A problem has
 * {@code type}, {@code title}, {@code status}, {@code detail} and the extension members
 * {@code code} and, for invalid fields, {@code errors} (field name to message).
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * Creates a problem.
	 * @param code the catalogue entry
	 * @param detail what happened and what the client can do next; never a token, session id,
	 * password, class name or SQL
	 * @return the problem detail
	 */
	public static ProblemDetail of(ProblemCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
		problem.setType(code.type());
		problem.setTitle(code.title());
		problem.setProperty("code", code.code());
		return problem;
	}

	/**
	 * Creates a {@link ProblemCode#VALIDATION_FAILED} problem.
	 * @param errors field name to a message a person can act on; in the order to show them
	 * @return the problem detail with an {@code errors} member
	 */
	public static ProblemDetail validationFailed(Map<String, String> errors) {
		ProblemDetail problem = of(ProblemCode.VALIDATION_FAILED,
				"Please correct: " + String.join(", ", errors.keySet()) + ".");
		problem.setProperty("errors", errors);
		return problem;
	}

}
