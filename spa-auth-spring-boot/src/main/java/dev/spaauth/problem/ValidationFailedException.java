package dev.spaauth.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown by an endpoint when request fields are invalid; answered as 400 problem
 * {@code validation_failed} with an {@code errors} member (field name to message).
 */
public class ValidationFailedException extends ProblemException {

	private final Map<String, String> errors;

	/**
	 * Creates the exception.
	 * @param errors field name to message, at least one entry; messages never echo a password
	 */
	public ValidationFailedException(Map<String, String> errors) {
		super(ProblemCode.VALIDATION_FAILED, Problems.validationFailed(errors), null);
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	/**
	 * Returns the invalid fields.
	 * @return field name to message, in insertion order
	 */
	public Map<String, String> getErrors() {
		return this.errors;
	}

}
