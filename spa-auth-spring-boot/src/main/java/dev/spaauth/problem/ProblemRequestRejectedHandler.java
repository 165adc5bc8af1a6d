package dev.spaauth.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers requests refused by Spring Security's {@code StrictHttpFirewall} (unknown methods,
 * encoded slashes, path parameters such as {@code ;jsessionid=}) with 400 problem
 * {@code malformed_request} instead of an empty body.
 */
public final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);

	private final ProblemResponseWriter writer;

	/**
	 * Creates the handler.
	 * @param writer writes the problem
	 */
	public ProblemRequestRejectedHandler(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		logger.info("Request rejected by the firewall: {}", requestRejectedException.getMessage());
		this.writer.writeOutsideSecurityChain(response, Problems.of(ProblemCode.MALFORMED_REQUEST,
				"The request's method, URL or headers are not allowed here. Use GET, POST, PUT, PATCH or DELETE "
						+ "on a plain path without encoded slashes or path parameters."));
	}

}
