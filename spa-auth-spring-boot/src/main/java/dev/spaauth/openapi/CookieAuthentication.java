package dev.spaauth.openapi;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * How spa-auth's endpoints authenticate, as OpenAPI security schemes: the session cookie, and the CSRF
 * token header every unsafe request needs (OWASP CSRF Prevention Cheat Sheet, synchronizer token).
 * Neither is a credential a client sets by hand: the browser sends the cookie, and the token comes
 * from {@code GET {base-path}/csrf} or the last answer that carried a {@code csrfToken}.
 *
 * @param sessionCookie the session cookie's name, such as {@code __Host-SESSION}
 * @param csrfHeader the CSRF header's name, such as {@code X-XSRF-TOKEN}
 */
public record CookieAuthentication(String sessionCookie, String csrfHeader) {

	/** Name of the session cookie's scheme under {@code components.securitySchemes}. */
	public static final String SESSION = "spaAuthSession";

	/** Name of the CSRF header's scheme under {@code components.securitySchemes}. */
	public static final String CSRF = "spaAuthCsrf";

	/**
	 * Adds the two schemes to the document's components.
	 * @param openApi the document, with components
	 */
	void addSchemes(OpenAPI openApi) {
		openApi.getComponents()
			.addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
				.in(SecurityScheme.In.COOKIE)
				.name(this.sessionCookie)
				.description("The HttpOnly session cookie, set by a log-in or sign-up; the browser sends it."))
			.addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
				.in(SecurityScheme.In.HEADER)
				.name(this.csrfHeader)
				.description("The CSRF token from the csrf endpoint (GET) or from the last answer with a "
						+ "csrfToken; needed on every unsafe request, log-in included."));
	}

	/**
	 * Returns what an operation needs: both schemes at once where both apply.
	 * @param session whether the operation needs a signed-in session
	 * @param unsafe whether its method is unsafe (RFC 9110 section 9.2.1)
	 * @return one requirement, or none for a safe public operation
	 */
	List<SecurityRequirement> requirements(boolean session, boolean unsafe) {
		SecurityRequirement requirement = new SecurityRequirement();
		if (session) {
			requirement.addList(SESSION);
		}
		if (unsafe) {
			requirement.addList(CSRF);
		}
		return requirement.isEmpty() ? List.of() : List.of(requirement);
	}

}
