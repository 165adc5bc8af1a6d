package dev.spaauth.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

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
import dev.spaauth.store.FailFastDataSource;

/**
 * Runs outside the session repository filter and turns a failure of the session store (Redis or the
 * database down or timing out) into 503 problem {@code service_unavailable} with
 * {@code Retry-After}: never a 500 with a stack trace, never an anonymous answer to a request that
 * had a session (ASVS 16.5.2, 16.5.3). The store's client timeouts bound how long that takes; for
 * the database, the request is marked for {@link FailFastDataSource}, which bounds each statement's
 * wait. It logs a warning at most every 10 seconds during an outage, with how many requests it
 * answered meanwhile.
 */
public final class StoreUnavailableFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(StoreUnavailableFilter.class);

	/** At most one warning per this many nanoseconds (10 s): an outage must not flood the log. */
	private static final long WARN_INTERVAL = 10_000_000_000L;

	private final ProblemResponseWriter problems;

	private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

	private final AtomicLong unwarned = new AtomicLong();

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
			warn(ex);
			response.setHeader("Retry-After", StoreFailures.RETRY_AFTER_SECONDS);
			this.problems.writeOutsideSecurityChain(response, StoreFailures.unavailable());
		}
	}

	private void warn(Throwable ex) {
		long now = System.nanoTime();
		long next = this.nextWarning.get();
		if (now - next < 0 || !this.nextWarning.compareAndSet(next, now + WARN_INTERVAL)) {
			this.unwarned.incrementAndGet();
			return;
		}
		logger.warn("Session or account store unavailable: {} ({} more requests answered 503 since the last warning)",
				NestedExceptionUtils.getMostSpecificCause(ex).getClass().getSimpleName(), this.unwarned.getAndSet(0));
	}

}
