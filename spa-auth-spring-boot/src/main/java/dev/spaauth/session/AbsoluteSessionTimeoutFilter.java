package dev.spaauth.session;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session once its absolute lifetime has passed since it was created (at log-in), however
 * active it was; the request then goes on as anonymous. The idle timeout is enforced by the session
 * store itself (OWASP Session Management Cheat Sheet, "Absolute Timeout"; ASVS 7.3.2).
 */
public final class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(AbsoluteSessionTimeoutFilter.class);

	private final Duration absoluteTimeout;

	private final Clock clock;

	/**
	 * Creates the filter.
	 * @param timeouts the lifetime of a session from its creation, {@link SessionTimeouts#absolute()}
	 * @param clock the source of the current time
	 */
	public AbsoluteSessionTimeoutFilter(SessionTimeouts timeouts, Clock clock) {
		this.absoluteTimeout = timeouts.absolute();
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && this.clock.millis() - session.getCreationTime() >= this.absoluteTimeout.toMillis()) {
			logger.info("Session ended: absolute lifetime of {} passed", this.absoluteTimeout);
			session.invalidate();
		}
		chain.doFilter(request, response);
	}

}
