package dev.spaauth.origin;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The origins whose pages may make unsafe requests with the user's cookies: the API's own origin
 * and the allowed SPA origins (OWASP CSRF Prevention Cheat Sheet, "Verifying Origin With Standard
 * Headers"). The API's own origin is the configured public origin or, without one, the origin the
 * request was addressed to (scheme, host and port as the server sees them, which honours forwarded
 * headers only when {@code server.forward-headers-strategy} is set).
 */
public final class TrustedOrigins {

	private final @Nullable Origin publicOrigin;

	private final List<Origin> allowedOrigins;

	/**
	 * Creates the set.
	 * @param publicOrigin the API's origin as browsers see it, or null to take it from each request
	 * @param allowedOrigins the SPA origins allowed to call the API with credentials
	 */
	public TrustedOrigins(@Nullable Origin publicOrigin, List<Origin> allowedOrigins) {
		this.publicOrigin = publicOrigin;
		this.allowedOrigins = List.copyOf(allowedOrigins);
	}

	/**
	 * Returns whether pages of an origin may make unsafe requests.
	 * @param origin the origin from the request's {@code Origin} or {@code Referer} header
	 * @param request the request, for its own origin when no public origin is configured
	 * @return whether the origin is trusted
	 */
	public boolean isTrusted(Origin origin, HttpServletRequest request) {
		return this.allowedOrigins.contains(origin) || origin.equals(ownOrigin(request));
	}

	/**
	 * Returns the allowed SPA origins.
	 * @return the origins from {@code spa-auth.allowed-origins}, in configuration order
	 */
	public List<Origin> allowedOrigins() {
		return this.allowedOrigins;
	}

	private Origin ownOrigin(HttpServletRequest request) {
		if (this.publicOrigin != null) {
			return this.publicOrigin;
		}
		String host = request.getServerName();
		if (host.contains(":") && !host.startsWith("[")) {
			host = "[" + host + "]";
		}
		return Origin.of(request.getScheme(), host, request.getServerPort());
	}

}
