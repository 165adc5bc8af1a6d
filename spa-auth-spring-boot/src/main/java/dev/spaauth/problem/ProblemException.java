package dev.spaauth.problem;

/**
 * Thrown by application code to answer a problem from the {@link ProblemCode} catalogue, such as
 * {@code throw new ProblemException(ProblemCode.NOT_FOUND, "No note with id 5.")}.
 */
public class ProblemException extends RuntimeException {

	private final ProblemCode code;

	/**
	 * Creates the exception.
	 * @param code the catalogue entry that sets status, title and {@code code}
	 * @param detail what happened and what the client can do; shown to people
	 */
	public ProblemException(ProblemCode code, String detail) {
		super(detail);
		this.code = code;
	}

	/**
	 * Returns the catalogue entry.
	 * @return the code
	 */
	public ProblemCode getCode() {
		return this.code;
	}

}
