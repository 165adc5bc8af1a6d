package dev.spaauth.csrf;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Reads the submitted CSRF token from the request header only: never from a query parameter (tokens
 * do not belong in URLs) or a form field (JSON endpoints take no forms), and not when the header is
 * sent twice, which is ambiguous (OWASP CSRF Prevention Cheat Sheet; ASVS 3.5.1). Tokens are not
 * XOR-masked: the value the client receives in JSON or in the cookie is the value it sends back.
 */
public final class HeaderCsrfTokenRequestHandler extends CsrfTokenRequestAttributeHandler {

	/**
	 * Request attribute set once Spring Security's {@code CsrfFilter} has compared the request's token,
	 * which it does only for the requests its matcher selects; see {@link CsrfCheckedFilter}.
	 */
	static final String CHECKED_ATTRIBUTE = HeaderCsrfTokenRequestHandler.class.getName() + ".CHECKED";

	@Override
	public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		request.setAttribute(CHECKED_ATTRIBUTE, Boolean.TRUE);
		Enumeration<String> values = request.getHeaders(csrfToken.getHeaderName());
		if (values == null || !values.hasMoreElements()) {
			return null;
		}
		String value = values.nextElement();
		return values.hasMoreElements() ? null : value;
	}

}
