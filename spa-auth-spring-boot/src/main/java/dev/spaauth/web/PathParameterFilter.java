package dev.spaauth.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.problem.Problems;

/**
 * Refuses a path whose path parameters ({@code ;name=value}, RFC 3986 section 3.3) hold a malformed
 * %-escape, such as {@code /api/auth/session;x=%} or {@code /api;a=%zz/notes}, with 400 problem
 * {@code malformed_request}, before anything parses the path. Tomcat decodes only the segments
 * themselves and passes path parameters on; Spring's path parsing then threw an
 * {@code IllegalArgumentException} on every filter chain that matched paths, which was answered 500
 * with a stack trace in the log for each request (ASVS 16.5.3, 16.3.4). The check parses the path the
 * way Spring does, and only for paths with a {@code ;} and a {@code %}.
 */
public final class PathParameterFilter extends OncePerRequestFilter {

	private final ProblemResponseWriter writer;

	/**
	 * Creates the filter.
	 * @param writer writes the refusal
	 */
	public PathParameterFilter(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String uri = request.getRequestURI();
		if (uri.indexOf(';') >= 0 && uri.indexOf('%') >= 0 && !parses(uri, request.getContextPath())) {
			this.writer.writeOutsideSecurityChain(response, Problems.of(ProblemCode.MALFORMED_REQUEST,
					"The request path has a path parameter with a malformed %-escape. Write a '%' as %25."));
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean parses(String uri, String contextPath) {
		try {
			RequestPath.parse(uri, contextPath).pathWithinApplication().elements();
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
