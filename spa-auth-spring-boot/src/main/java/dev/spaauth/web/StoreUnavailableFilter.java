package dev.spaauth.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.problem.StoreFailures;
import dev.spaauth.store.FailFastDataSource;

/**
 * Runs outside the session repository filter and turns a failure of the session store (Redis or the
 * database down or timing out) into 503 problem {@code service_unavailable} with
 * {@code Retry-After}: never a 500 with a stack trace, never an anonymous answer to a request that
 * had a session (ASVS 16.5.2, 16.5.3). The store's client timeouts bound how long that takes; for
 * the database, the request is marked for {@link FailFastDataSource}, which bounds each statement's
 * wait. It logs a warning at most every 10 seconds during an outage ({@link StoreFailures#logOutage}).
 */
public final class StoreUnavailableFilter extends OncePerRequestFilter {

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
		try (FailFastDataSource.RequestScope bounded = FailFastDataSource.boundRequest()) {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (!StoreFailures.isStoreFailure(ex) || response.isCommitted()) {
				throw ex;
			}
			StoreFailures.logOutage(ex);
			response.setHeader("Retry-After", StoreFailures.RETRY_AFTER_SECONDS);
			this.problems.writeOutsideSecurityChain(response, StoreFailures.unavailable());
		}
	}

}
