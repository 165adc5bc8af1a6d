package dev.spaauth.doctor;

import java.net.URI;
import java.net.URISyntaxException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks a path option ({@code --csrf-path} ...) when the command line is parsed, so that a path the
 * doctor cannot send (such as {@code /api/auth/%zz}, RFC 3986 section 2.1) is a usage error, not a
 * crash after the first requests: an absolute path (starting with {@code /}), a valid URI reference
 * without scheme or authority.
 */
final class PathConverter implements ITypeConverter<String> {

	@Override
	public String convert(String value) {
		if (!value.startsWith("/") || value.startsWith("//")) {
			throw new TypeConversionException("'" + value + "' is not an absolute path such as /api/auth/csrf");
		}
		try {
			URI uri = new URI(value);
			if (uri.getScheme() != null || uri.getRawAuthority() != null) {
				throw new TypeConversionException("'" + value + "' is not a path on the API's origin");
			}
		}
		catch (URISyntaxException ex) {
			throw new TypeConversionException("'" + value + "' is not a valid path: " + ex.getMessage());
		}
		return value;
	}

}
