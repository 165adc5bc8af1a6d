package dev.spaauth.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens, around Spring Session's {@code SessionRepositoryFilter}, the scope in which
 * {@link CoarseLastAccessSessionRepository} reads each session from the store at most once per request
 * (see {@link CoarseLastAccessSessionRepository#readOncePerRequest}). Registered just outside Spring
 * Session's filter, for requests, async and error dispatches.
 */
public final class SessionReadOnceFilter extends OncePerRequestFilter {

	private final CoarseLastAccessSessionRepository<?> sessions;

	/**
	 * Creates the filter.
	 * @param sessions the repository that Spring Session's filter reads sessions from
	 */
	public SessionReadOnceFilter(CoarseLastAccessSessionRepository<?> sessions) {
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.sessions.readOncePerRequest(request, response, chain);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
