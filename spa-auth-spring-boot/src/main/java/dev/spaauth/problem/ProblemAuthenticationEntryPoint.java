package dev.spaauth.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request that needs a session but has none with 401 problem {@code unauthenticated}:
 * never a redirect, a login page or a {@code WWW-Authenticate: Basic} challenge, which would make
 * browsers show a password dialog.
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemResponseWriter writer;

	private final String loginPath;

	/**
	 * Creates the entry point.
	 * @param writer writes the problem
	 * @param loginPath the log-in endpoint's path, named in the detail
	 */
	public ProblemAuthenticationEntryPoint(ProblemResponseWriter writer, String loginPath) {
		this.writer = writer;
		this.loginPath = loginPath;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.writer.write(response, Problems.of(ProblemCode.UNAUTHENTICATED,
				"You are not logged in, or your session has ended. Log in with POST " + this.loginPath
						+ " and try again."));
	}

}
