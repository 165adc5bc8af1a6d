package dev.spaauth.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.problem.StoreFailures;

/**
 * Runs outside the session repository filter and turns a failure of the session store (Redis or the
 * database down or timing out) into 503 problem {@code service_unavailable} with
 * {@code Retry-After}: never a 500 with a stack trace, never an anonymous answer to a request that
 * had a session (ASVS 16.5.2, 16.5.3). The store's client timeouts bound how long that takes.
 */
public final class StoreUnavailableFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(StoreUnavailableFilter.class);

	private final ProblemResponseWriter problems;

	/**
	 * Creates the filter.
	 * @param problems writes the 503 problem
	 */
	public StoreUnavailableFilter(ProblemResponseWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (!StoreFailures.isStoreFailure(ex) || response.isCommitted()) {
				throw ex;
			}
			logger.warn("Session or account store unavailable: {}",
					NestedExceptionUtils.getMostSpecificCause(ex).getClass().getSimpleName());
			response.setHeader("Retry-After", StoreFailures.RETRY_AFTER_SECONDS);
			this.problems.write(response, StoreFailures.unavailable());
		}
	}

}
