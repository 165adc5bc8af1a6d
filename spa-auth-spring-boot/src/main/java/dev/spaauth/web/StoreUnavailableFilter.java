package dev.spaauth.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.problem.Problems;

/**
 * Runs outside the session repository filter and turns a failure of the session store (Redis or the
 * database down or timing out) into 503 problem {@code service_unavailable} with
 * {@code Retry-After}: never a 500 with a stack trace, never an anonymous answer to a request that
 * had a session (ASVS 16.5.2, 16.5.3). The store's client timeouts bound how long that takes.
 */
public final class StoreUnavailableFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(StoreUnavailableFilter.class);

	private static final String RETRY_AFTER_SECONDS = "5";

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
			if (!isStoreFailure(ex) || response.isCommitted()) {
				throw ex;
			}
			logger.warn("Session or account store unavailable: {}",
					NestedExceptionUtils.getMostSpecificCause(ex).getClass().getSimpleName());
			response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
			this.problems.write(response, unavailable());
		}
	}

	/**
	 * Returns the problem answered while a store is unavailable.
	 * @return 503 problem {@code service_unavailable}
	 */
	public static ProblemDetail unavailable() {
		return Problems.of(ProblemCode.SERVICE_UNAVAILABLE,
				"The server cannot reach its session or account store right now. Try again in a few seconds.");
	}

	/**
	 * Returns whether an exception, or one of its causes, is a store outage or timeout.
	 * @param ex the exception
	 * @return whether a data-access resource failure or transient failure caused it
	 */
	public static boolean isStoreFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException) {
				return true;
			}
		}
		return false;
	}

}
