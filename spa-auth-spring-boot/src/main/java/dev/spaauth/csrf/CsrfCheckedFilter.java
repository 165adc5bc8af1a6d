package dev.spaauth.csrf;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs right after Spring Security's {@code CsrfFilter} and refuses an unsafe request to spa-auth's
 * own endpoints that the CSRF filter let through without comparing a token: that happens only when the
 * application told it to ignore those paths, say with
 * {@code csrf(c -> c.ignoringRequestMatchers("/api/**"))} for its own stateless endpoints. Log-in,
 * sign-up and log-out must never lose their CSRF check that way (login CSRF; OWASP CSRF Prevention
 * Cheat Sheet), so they are answered as any CSRF failure: 403 problem {@code csrf_failed}, with a
 * warning in the log that names the misconfiguration once.
 */
public final class CsrfCheckedFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(CsrfCheckedFilter.class);

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final RequestMatcher endpoints;

	private final ProblemAccessDeniedHandler accessDenied;

	private final AtomicBoolean warned = new AtomicBoolean();

	/**
	 * Creates the filter.
	 * @param endpoints matches spa-auth's own endpoints
	 * @param accessDenied answers the refusal like any other CSRF failure
	 */
	public CsrfCheckedFilter(RequestMatcher endpoints, ProblemAccessDeniedHandler accessDenied) {
		this.endpoints = endpoints;
		this.accessDenied = accessDenied;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE_METHODS.contains(request.getMethod())
				|| request.getAttribute(HeaderCsrfTokenRequestHandler.CHECKED_ATTRIBUTE) != null
				|| !this.endpoints.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (this.warned.compareAndSet(false, true)) {
			logger.warn("The security filter chain's CSRF settings skip spa-auth's endpoint {} {}; spa-auth refuses "
					+ "it. Narrow csrf().ignoringRequestMatchers(...) to your own endpoints.", request.getMethod(),
					request.getRequestURI());
		}
		this.accessDenied.handle(request, response, new CsrfException("The CSRF check was skipped"));
	}

}
