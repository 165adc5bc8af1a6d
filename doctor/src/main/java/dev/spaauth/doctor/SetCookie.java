package dev.spaauth.doctor;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * @param deletion whether the header removes the cookie: a {@code Max-Age} of zero or less or, without
 * {@code Max-Age}, an {@code Expires} in the past ({@code Max-Age} wins, RFC 6265bis section 5.6.2)
 */
public record SetCookie(String name, String value, String domain, String path, boolean secure, boolean httpOnly,
		String sameSite, boolean partitioned, boolean deletion) {

	private static final Pattern TIME = Pattern.compile("([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[^0-9].*)?");

	private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

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
		Long maxAge = null;
		Instant expires = null;
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
				case "max-age" -> maxAge = parseMaxAge(attributeValue).orElse(maxAge);
				case "expires" -> expires = parseDate(attributeValue).orElse(expires);
				default -> {
					// Other attributes (Priority, Comment ...) do not matter here.
				}
			}
		}
		boolean deletion = (maxAge != null) ? maxAge <= 0 : (expires != null && expires.isBefore(Instant.now()));
		return Optional.of(new SetCookie(name, value, (domain == null || domain.isEmpty()) ? null : domain, path,
				secure, httpOnly, sameSite, partitioned, deletion));
	}

	/** A {@code Max-Age} value (RFC 6265bis section 5.6.2): an optional minus and digits; else ignored. */
	private static Optional<Long> parseMaxAge(String value) {
		if (!value.matches("-?[0-9]+")) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			return Optional.of(value.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE);
		}
	}

	/**
	 * A cookie date as RFC 6265bis section 5.1.1 parses it, so that {@code Thu, 01 Jan 1970 00:00:00 GMT},
	 * Netscape's {@code Thu, 01-Jan-1970 00:00:00 GMT} and two-digit years all work: the first
	 * {@code hh:mm:ss}, day of month, month name and year among the tokens, in any order.
	 */
	static Optional<Instant> parseDate(String value) {
		Integer hour = null;
		Integer minute = null;
		Integer second = null;
		Integer day = null;
		Integer month = null;
		Integer year = null;
		for (String token : value.split("[\\x09\\x20-\\x2F\\x3B-\\x40\\x5B-\\x60\\x7B-\\x7E]+")) {
			Matcher time = TIME.matcher(token);
			if (hour == null && time.matches()) {
				hour = Integer.valueOf(time.group(1));
				minute = Integer.valueOf(time.group(2));
				second = Integer.valueOf(time.group(3));
			}
			else if (day == null && token.matches("[0-9]{1,2}([^0-9].*)?")) {
				day = Integer.valueOf(token.replaceAll("^([0-9]+).*", "$1"));
			}
			else if (month == null && token.length() >= 3
					&& MONTHS.indexOf(token.substring(0, 3).toLowerCase(Locale.ROOT)) % 3 == 0) {
				month = MONTHS.indexOf(token.substring(0, 3).toLowerCase(Locale.ROOT)) / 3 + 1;
			}
			else if (year == null && token.matches("[0-9]{2,4}([^0-9].*)?")) {
				year = Integer.valueOf(token.replaceAll("^([0-9]+).*", "$1"));
			}
		}
		if (hour == null || day == null || month == null || year == null) {
			return Optional.empty();
		}
		int fullYear = (year >= 70 && year <= 99) ? year + 1900 : (year <= 69) ? year + 2000 : year;
		if (day < 1 || day > 31 || fullYear < 1601 || hour > 23 || minute > 59 || second > 59) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDateTime.of(fullYear, month, day, hour, minute, second).toInstant(ZoneOffset.UTC));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
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
