package dev.spaauth.doctor;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code Set-Cookie} header as the server sent it, parsed as RFC 6265bis section 5.6 does
 * (attribute names in any case, the last of a repeated attribute wins, unknown attributes ignored).
 * {@link java.net.HttpCookie} does not know {@code SameSite} or {@code Partitioned}, hence this class.
 *
 * @param name the cookie's name
 * @param value the cookie's value
 * @param domain the {@code Domain} attribute without a leading dot, or null when absent (host-only)
 * @param path the {@code Path} attribute, or null when absent
 * @param secure whether {@code Secure} is present
 * @param httpOnly whether {@code HttpOnly} is present
 * @param sameSite the {@code SameSite} value as sent ({@code Lax}, {@code Strict}, {@code None}, any
 * case), or null when absent
 * @param partitioned whether {@code Partitioned} is present (CHIPS)
 * @param deletion whether the header removes the cookie ({@code Max-Age} of zero or less, or an
 * {@code Expires} in the past)
 */
public record SetCookie(String name, String value, String domain, String path, boolean secure, boolean httpOnly,
		String sameSite, boolean partitioned, boolean deletion) {

	/**
	 * Parses a {@code Set-Cookie} header value.
	 * @param header the header value
	 * @return the cookie, or empty when the header has no {@code name=value} pair
	 */
	public static Optional<SetCookie> parse(String header) {
		String[] parts = header.split(";");
		int equals = parts[0].indexOf('=');
		if (equals <= 0) {
			return Optional.empty();
		}
		String name = parts[0].substring(0, equals).strip();
		String value = parts[0].substring(equals + 1).strip();
		String domain = null;
		String path = null;
		String sameSite = null;
		boolean secure = false;
		boolean httpOnly = false;
		boolean partitioned = false;
		boolean deletion = false;
		for (int i = 1; i < parts.length; i++) {
			String part = parts[i].strip();
			int at = part.indexOf('=');
			String attribute = ((at < 0) ? part : part.substring(0, at)).strip().toLowerCase(Locale.ROOT);
			String attributeValue = (at < 0) ? "" : part.substring(at + 1).strip();
			switch (attribute) {
				case "domain" -> domain = attributeValue.startsWith(".") ? attributeValue.substring(1) : attributeValue;
				case "path" -> path = attributeValue;
				case "secure" -> secure = true;
				case "httponly" -> httpOnly = true;
				case "samesite" -> sameSite = attributeValue;
				case "partitioned" -> partitioned = true;
				case "max-age" -> deletion = isNotPositive(attributeValue);
				case "expires" -> deletion = deletion || isPast(attributeValue);
				default -> {
					// Other attributes (Priority, Comment ...) do not matter here.
				}
			}
		}
		return Optional.of(new SetCookie(name, value, (domain == null || domain.isEmpty()) ? null : domain, path,
				secure, httpOnly, sameSite, partitioned, deletion));
	}

	private static boolean isNotPositive(String maxAge) {
		try {
			return Long.parseLong(maxAge) <= 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static boolean isPast(String expires) {
		try {
			return ZonedDateTime.parse(expires, DateTimeFormatter.RFC_1123_DATE_TIME).isBefore(ZonedDateTime.now());
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * Returns whether the cookie meets the {@code __Host-} prefix's rules (RFC 6265bis section
	 * 4.1.3.2): {@code Secure}, {@code Path=/} and no {@code Domain}, so that no other host, not even a
	 * sibling subdomain, can set or overwrite it.
	 * @return whether a browser would accept it under a {@code __Host-} name
	 */
	public boolean hostPrefixEligible() {
		return this.secure && "/".equals(this.path) && this.domain == null;
	}

	/**
	 * Returns the SameSite value in lower case.
	 * @return {@code lax}, {@code strict}, {@code none}, another value as sent, or {@code absent}
	 */
	public String sameSiteLabel() {
		return (this.sameSite != null) ? this.sameSite.toLowerCase(Locale.ROOT) : "absent";
	}

	/**
	 * Describes the cookie's attributes, never its value.
	 * @return such as {@code __Host-SESSION (Path=/; Secure; HttpOnly; SameSite=Lax)}
	 */
	public String describe() {
		StringBuilder text = new StringBuilder(this.name).append(" (");
		if (this.domain != null) {
			text.append("Domain=").append(this.domain).append("; ");
		}
		text.append("Path=").append((this.path != null) ? this.path : "(none)");
		if (this.secure) {
			text.append("; Secure");
		}
		if (this.httpOnly) {
			text.append("; HttpOnly");
		}
		text.append("; SameSite=").append((this.sameSite != null) ? this.sameSite : "(none)");
		if (this.partitioned) {
			text.append("; Partitioned");
		}
		return text.append(")").toString();
	}

}
