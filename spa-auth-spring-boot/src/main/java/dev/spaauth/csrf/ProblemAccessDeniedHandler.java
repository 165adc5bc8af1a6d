package dev.spaauth.csrf;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.problem.Problems;

/**
 * Answers access-denied decisions of the security filter chain as 403 problems: {@code csrf_failed}
 * for a missing or invalid CSRF token (logged and published to the audit trail with its reason, never
 * the token; the event's {@linkplain SecurityEvent#code() code} is {@code missing_token},
 * {@code no_token_issued}, {@code invalid_token} or {@code no_cookies}), {@code forbidden} otherwise,
 * such as a role the user does not have.
 */
public final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final ProblemResponseWriter writer;

	private final String csrfPath;

	private final SessionBoundCsrfTokenRepository tokens;

	private final SecurityEvents events;

	/**
	 * Creates the handler.
	 * @param writer writes the problem
	 * @param csrfPath the CSRF priming endpoint's path, named in the detail
	 * @param tokens the token repository: its header name, and whether a failed request carried a
	 * valid token but none of the API's cookies, which no retry can fix
	 * @param events publishes the rejection to the audit trail
	 */
	public ProblemAccessDeniedHandler(ProblemResponseWriter writer, String csrfPath,
			SessionBoundCsrfTokenRepository tokens, SecurityEvents events) {
		this.writer = writer;
		this.csrfPath = csrfPath;
		this.tokens = tokens;
		this.events = events;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		if (accessDeniedException instanceof CsrfException && this.tokens.isTokenWithoutCookies(request)) {
			this.events.publishRefusal(SecurityEvent.Type.CSRF_REJECTED, request, "token without the API's cookies",
					"no_cookies");
			ProblemDetail problem = Problems.of(ProblemCode.CSRF_FAILED,
					"The browser did not send the API's cookies with this request, so the CSRF token cannot be "
							+ "checked. If the app and the API are on different sites, the browser is probably "
							+ "blocking third-party cookies: serve the API on the app's site (such as "
							+ "api.example.com for app.example.com) or on the app's own origin through a proxy.");
			// What GET /session says too: the client raises CookiesBlockedError instead of retrying.
			problem.setProperty("missingCookies", "none");
			this.writer.write(response, problem);
			return;
		}
		if (accessDeniedException instanceof CsrfException) {
			String headerName = this.tokens.headerName();
			if (request.getHeader(headerName) == null) {
				this.events.publishRefusal(SecurityEvent.Type.CSRF_REJECTED, request,
						"no token in the " + headerName + " header", "missing_token");
			}
			else if (accessDeniedException instanceof MissingCsrfTokenException) {
				this.events.publishRefusal(SecurityEvent.Type.CSRF_REJECTED, request, "no token was issued to this client",
						"no_token_issued");
			}
			else {
				this.events.publishRefusal(SecurityEvent.Type.CSRF_REJECTED, request,
						"token is not the one issued to this client", "invalid_token");
			}
			this.writer.write(response, Problems.of(ProblemCode.CSRF_FAILED,
					"The CSRF token is missing or invalid. Get a fresh token from GET " + this.csrfPath
							+ " and send it in the " + headerName + " header."));
			return;
		}
		this.writer.write(response, Problems.of(ProblemCode.FORBIDDEN,
				"Your account is not allowed to do this. Ask an administrator if you need access."));
	}

}
