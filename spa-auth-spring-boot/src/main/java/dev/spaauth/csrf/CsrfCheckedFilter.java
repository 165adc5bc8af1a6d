package dev.spaauth.csrf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs right after Spring Security's {@code CsrfFilter} and checks the CSRF token itself on an unsafe
 * request that the CSRF filter let through without comparing one, when that request goes to one of
 * spa-auth's endpoints or carries a session. That happens only when the application told the CSRF
 * filter to ignore the request's path, say with {@code csrf(c -> c.ignoringRequestMatchers("/api/**"))}
 * meant for stateless endpoints of its own: log-in, sign-up and log-out must never lose their CSRF check
 * (login CSRF), nor may any request the session cookie authenticates (OWASP CSRF Prevention Cheat
 * Sheet). A request that carries no session, such as a webhook, stays exempt. The check is the CSRF
 * filter's own (the same repository and header), with the same 403 problem {@code csrf_failed} when it
 * fails; the log warns once that the application's CSRF settings cover such requests.
 */
public final class CsrfCheckedFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(CsrfCheckedFilter.class);

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final RequestMatcher endpoints;

	private final SessionBoundCsrfTokenRepository tokens;

	private final HeaderCsrfTokenRequestHandler tokenReader;

	private final ProblemAccessDeniedHandler accessDenied;

	private final AtomicBoolean warned = new AtomicBoolean();

	/**
	 * Creates the filter.
	 * @param endpoints matches spa-auth's own endpoints
	 * @param tokens the chain's CSRF token repository
	 * @param tokenReader reads the submitted token, as for the CSRF filter
	 * @param accessDenied answers a failed check like any other CSRF failure
	 */
	public CsrfCheckedFilter(RequestMatcher endpoints, SessionBoundCsrfTokenRepository tokens,
			HeaderCsrfTokenRequestHandler tokenReader, ProblemAccessDeniedHandler accessDenied) {
		this.endpoints = endpoints;
		this.tokens = tokens;
		this.tokenReader = tokenReader;
		this.accessDenied = accessDenied;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE_METHODS.contains(request.getMethod())
				|| request.getAttribute(HeaderCsrfTokenRequestHandler.CHECKED_ATTRIBUTE) != null
				|| (!this.endpoints.matches(request) && request.getSession(false) == null)) {
			chain.doFilter(request, response);
			return;
		}
		if (this.warned.compareAndSet(false, true)) {
			logger.warn("The security filter chain's CSRF settings skip {} {}, which the session cookie authenticates "
					+ "or which is spa-auth's; spa-auth checks the CSRF token itself. Narrow "
					+ "csrf().ignoringRequestMatchers(...) to endpoints that take no session cookie.", request.getMethod(),
					request.getRequestURI());
		}
		DeferredCsrfToken deferred = this.tokens.loadDeferredToken(request, response);
		CsrfToken expected = deferred.get();
		String actual = this.tokenReader.resolveCsrfTokenValue(request, expected);
		if (equal(expected.getToken(), actual)) {
			chain.doFilter(request, response);
			return;
		}
		this.accessDenied.handle(request, response, deferred.isGenerated() ? new MissingCsrfTokenException(actual)
				: new InvalidCsrfTokenException(expected, actual));
	}

	private static boolean equal(String expected, @Nullable String actual) {
		return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
