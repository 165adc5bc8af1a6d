package dev.spaauth.user;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.spaauth.problem.FieldErrors;

/** What spa-auth accepts as an email address: what mail servers accept in practice. */
public final class EmailAddresses {

	/** Longest address, in characters (RFC 5321 section 4.5.3.1.3, as commonly applied). */
	public static final int MAX_LENGTH = 254;

	// One '@', no spaces, a dot in the domain.
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	private EmailAddresses() {
	}

	/**
	 * Returns whether a value is an acceptable email address.
	 * @param value the stripped value
	 * @return whether it has one '@', no spaces, a dotted domain, and at most 254 characters
	 */
	public static boolean isValid(String value) {
		return value.length() <= MAX_LENGTH && EMAIL.matcher(value).matches();
	}

	/**
	 * Checks a submitted address, adding what is wrong with it to a form's errors.
	 * @param errors the form's errors
	 * @param field the field's name, such as {@code email}
	 * @param label the field's label for the "is required" message, such as {@code Email}
	 * @param value the stripped value, or null when missing
	 * @return whether it is present and acceptable
	 */
	public static boolean check(FieldErrors errors, String field, String label, @Nullable String value) {
		if (errors.require(field, label, value) && !isValid(value)) {
			errors.add(field, "Enter an email address such as name@example.com.");
		}
		return !errors.has(field);
	}

}
