package dev.spaauth.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

import dev.spaauth.deployment.Deployment;
import dev.spaauth.deployment.Origin;

/**
 * Where a flow through a provider may send the browser back: an absolute {@code http(s)} URL whose
 * origin is exactly the API's own origin or one of {@code spa-auth.allowed-origins} (OWASP Unvalidated
 * Redirects and Forwards Cheat Sheet: allow-list, compared as parsed origins, never as string
 * prefixes). No user information, at most {@value #MAX_LENGTH} characters.
 */
final class ReturnTo {

	static final int MAX_LENGTH = 2048;

	private ReturnTo() {
	}

	/**
	 * Checks a return URL.
	 * @param value the URL as sent
	 * @param deployment the trusted origins
	 * @param request the request, for the API's own origin when no public origin is configured
	 * @return null when it may be used, or what is wrong, for a person to read
	 */
	static @Nullable String problem(@Nullable String value, Deployment deployment, HttpServletRequest request) {
		if (value == null || value.isBlank()) {
			return "Send returnTo: the SPA URL to come back to, such as https://app.example.com/.";
		}
		if (value.length() > MAX_LENGTH) {
			return "returnTo is longer than " + MAX_LENGTH + " characters.";
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			return "returnTo is not a URL.";
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
			return "returnTo must be an absolute http(s) URL without user information.";
		}
		Origin origin;
		try {
			origin = Origin.parse(scheme + "://" + uri.getRawAuthority());
		}
		catch (IllegalArgumentException ex) {
			return "returnTo has no valid origin.";
		}
		if (!origin.equals(deployment.ownOrigin(request)) && !deployment.allowedOrigins().contains(origin)) {
			return "returnTo must be on the API's origin or one of spa-auth.allowed-origins; " + origin + " is neither.";
		}
		return null;
	}

	/**
	 * Adds a parameter to a checked return URL (before its fragment), replacing any of the same name.
	 * @param returnTo the checked URL
	 * @param name the parameter's name
	 * @param value its value: URL-safe characters only
	 * @return the URL to redirect to
	 */
	static String with(String returnTo, String name, String value) {
		return UriComponentsBuilder.fromUriString(returnTo)
			.replaceQueryParam("authCode")
			.replaceQueryParam("authError")
			.queryParam(name, value)
			.build()
			.toUriString();
	}

}
