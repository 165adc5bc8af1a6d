package dev.spaauth.deployment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

/**
 * A web origin: scheme, host and port (RFC 6454 section 4), normalised: lower-case scheme and host,
 * the port only when it is not the scheme's default. Only {@code http} and {@code https} origins
 * exist here.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host name or IP literal, lower case ({@code [::1]} keeps its brackets)
 * @param port the port, or -1 for the scheme's default
 */
public record Origin(String scheme, String host, int port) {

	/**
	 * Parses a configured origin. A trailing "/" is tolerated; anything else after the authority
	 * is an error.
	 * @param value such as {@code https://app.example.com} or {@code http://localhost:5173}
	 * @return the normalised origin
	 * @throws IllegalArgumentException with a message that says what is wrong: a wildcard, the
	 * opaque origin {@code null}, a path, a query, user information, or no scheme or host
	 */
	public static Origin parse(String value) {
		String trimmed = value.strip();
		if (trimmed.contains("*")) {
			throw new IllegalArgumentException("a wildcard is not an origin; list each origin exactly");
		}
		if (trimmed.equalsIgnoreCase("null")) {
			throw new IllegalArgumentException("'null' is the opaque origin of sandboxed pages and files; it must "
					+ "never be trusted with credentials");
		}
		if (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("not a URL of the form scheme://host[:port]");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new IllegalArgumentException("the scheme must be http or https");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw new IllegalArgumentException("write scheme://host[:port], with a host and no user information");
		}
		if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new IllegalArgumentException("an origin has no path, query or fragment");
		}
		return of(scheme, uri.getHost(), uri.getPort());
	}

	/**
	 * Parses an {@code Origin} request header.
	 * @param value the header value
	 * @return the origin, or empty when the value is {@code null}, malformed, has a path or is not
	 * http(s)
	 */
	public static Optional<Origin> fromOriginHeader(String value) {
		try {
			return Optional.of(parse(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Returns the serialized origin at the start of a URL as written, such as the
	 * {@code https://app.example.com} of a {@code Referer} {@code https://app.example.com/notes?x=1}:
	 * the scheme, "://" and the authority, up to the first "/", "?" or "#", with nothing normalised.
	 * @param url the absolute URL
	 * @return the scheme and authority as written, or empty when the URL is not an absolute
	 * {@code http} or {@code https} URL with a host
	 */
	public static Optional<String> serializedOriginOf(String url) {
		int separator = url.indexOf("://");
		if (separator < 0 || ofUrl(url).isEmpty()) {
			return Optional.empty();
		}
		int end = url.length();
		for (char delimiter : new char[] { '/', '?', '#' }) {
			int at = url.indexOf(delimiter, separator + 3);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		return Optional.of(url.substring(0, end));
	}

	/**
	 * Returns the origin of a URL, such as a {@code Referer} header.
	 * @param value the absolute URL
	 * @return the origin, or empty when the value is malformed, relative or not http(s)
	 */
	public static Optional<Origin> ofUrl(String value) {
		try {
			URI uri = new URI(value.strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
				return Optional.empty();
			}
			return Optional.of(of(scheme, uri.getHost(), uri.getPort()));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Creates a normalised origin.
	 * @param scheme {@code http} or {@code https}, any case
	 * @param host host name or IP literal, any case
	 * @param port the port, or -1 for the default
	 * @return the origin
	 */
	public static Origin of(String scheme, String host, int port) {
		String normalScheme = scheme.toLowerCase(Locale.ROOT);
		int defaultPort = normalScheme.equals("https") ? 443 : 80;
		return new Origin(normalScheme, host.toLowerCase(Locale.ROOT), (port == defaultPort) ? -1 : port);
	}

	/**
	 * Returns whether the origin is {@code https}.
	 * @return whether the scheme is https
	 */
	public boolean isHttps() {
		return this.scheme.equals("https");
	}

	/**
	 * Returns whether the host is the local machine ({@code localhost}, {@code 127.0.0.1},
	 * {@code [::1]}), where browsers treat plain HTTP as a secure context.
	 * @return whether the host is a loopback name or address
	 */
	public boolean isLoopback() {
		return this.host.equals("localhost") || this.host.endsWith(".localhost") || this.host.equals("127.0.0.1")
				|| this.host.equals("[::1]");
	}

	/**
	 * Returns the registrable domain of the host ("site" in RFC 6265bis section 5.2): the public
	 * suffix from the Public Suffix List plus one label, where a top-level domain the list does not
	 * know counts as a public suffix (the list's implicit "*" rule); an IP address or a host that
	 * is itself a public suffix is its own site.
	 * @return the registrable domain, such as {@code example.com} for {@code app.example.com}
	 */
	public String registrableDomain() {
		String bare = this.host.startsWith("[") ? this.host.substring(1, this.host.length() - 1) : this.host;
		if (InetAddresses.isInetAddress(bare) || !InternetDomainName.isValid(bare)) {
			return this.host;
		}
		InternetDomainName name = InternetDomainName.from(bare);
		if (name.isUnderPublicSuffix()) {
			return name.topPrivateDomain().toString();
		}
		if (name.hasPublicSuffix()) {
			return this.host;
		}
		int labels = name.parts().size();
		return (labels <= 2) ? this.host : String.join(".", name.parts().subList(labels - 2, labels));
	}

	/**
	 * Returns whether two origins are same-site: the same scheme and the same registrable domain
	 * (schemeful same-site, RFC 6265bis section 5.2; ports do not matter).
	 * @param other the other origin
	 * @return whether they are same-site
	 */
	public boolean isSameSite(Origin other) {
		return this.scheme.equals(other.scheme) && registrableDomain().equals(other.registrableDomain());
	}

	/**
	 * Returns the origin as browsers serialise it in the {@code Origin} header.
	 * @return such as {@code https://app.example.com} or {@code http://localhost:8080}
	 */
	@Override
	public String toString() {
		return this.scheme + "://" + this.host + ((this.port != -1) ? ":" + this.port : "");
	}

}
