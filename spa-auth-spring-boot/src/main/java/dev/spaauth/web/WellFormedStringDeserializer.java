package dev.spaauth.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads JSON strings as usual but refuses ones that are not well-formed Unicode text: a {@code \ud83d}
 * escape without its other half makes a string no encoder can turn into bytes, so hashing it as a
 * password or writing it back as JSON would fail later, after state had changed; and a NUL character
 * (U+0000) is text no store holds (PostgreSQL refuses it in {@code text} and {@code varchar}),
 * so a note, an address or a username with one would fail in the database, as a 500 or a false
 * "store unavailable". Refused strings make the body unreadable: 400 problem
 * {@code malformed_request} (ASVS 15.3.x input handling), before anything reads or changes state.
 */
public final class WellFormedStringDeserializer extends StringDeserializer {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		String value = super.deserialize(parser, context);
		if (value != null && !isWellFormed(value)) {
			throw MismatchedInputException.from(parser, String.class,
					"A string holds half of a UTF-16 surrogate pair");
		}
		if (value != null && value.indexOf('\0') >= 0) {
			throw MismatchedInputException.from(parser, String.class,
					"A string holds a NUL character (U+0000), which no text field accepts");
		}
		return value;
	}

	static boolean isWellFormed(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
