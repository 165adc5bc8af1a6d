package dev.spaauth.mfa;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.problem.Problems;

/**
 * Answers a request that needs a session with 401 problem {@code mfa_required} while the session
 * holds a log-in waiting for its second factor, and as the delegate does otherwise: the SPA learns to
 * show the second-step screen, never a redirect.
 */
public final class MfaRequiredEntryPoint implements AuthenticationEntryPoint {

	private final TwoStepLogIn twoStep;

	private final ProblemResponseWriter writer;

	private final String verifyPath;

	private final AuthenticationEntryPoint delegate;

	/**
	 * Creates the entry point.
	 * @param twoStep finds the pending log-in
	 * @param writer writes the problem
	 * @param verifyPath the second step's path, named in the detail
	 * @param delegate answers every other request
	 */
	public MfaRequiredEntryPoint(TwoStepLogIn twoStep, ProblemResponseWriter writer, String verifyPath,
			AuthenticationEntryPoint delegate) {
		this.twoStep = twoStep;
		this.writer = writer;
		this.verifyPath = verifyPath;
		this.delegate = delegate;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		if (this.twoStep.pending(request).isPresent()) {
			this.writer.write(response, Problems.of(ProblemCode.MFA_REQUIRED,
					"Your password was right; finish logging in with a code from your authenticator app or a "
							+ "recovery code (POST " + this.verifyPath + "), or sign in with a passkey."));
			return;
		}
		this.delegate.commence(request, response, authException);
	}

}
