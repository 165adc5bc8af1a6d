package dev.spaauth.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Collects field errors of one request and throws them together, so a client learns every invalid
 * field at once.
 */
public final class FieldErrors {

	private final Map<String, String> errors = new LinkedHashMap<>();

	/**
	 * Records an error for a field unless it already has one.
	 * @param field the JSON field name
	 * @param message what is wrong and what to do; never the submitted secret
	 * @return this collector
	 */
	public FieldErrors add(String field, String message) {
		this.errors.putIfAbsent(field, message);
		return this;
	}

	/**
	 * Records "{@code <label> is required.}" when the value is null or blank.
	 * @param field the JSON field name
	 * @param label how a person calls the field, such as "Username"
	 * @param value the submitted value
	 * @return whether the value is present
	 */
	public boolean require(String field, String label, @Nullable String value) {
		if (value == null || value.isBlank()) {
			add(field, label + " is required.");
			return false;
		}
		return true;
	}

	/**
	 * Returns whether a field has an error.
	 * @param field the JSON field name
	 * @return whether an error was recorded for it
	 */
	public boolean has(String field) {
		return this.errors.containsKey(field);
	}

	/**
	 * Throws when any error was recorded.
	 * @throws ValidationFailedException with every recorded error
	 */
	public void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw new ValidationFailedException(this.errors);
		}
	}

}
