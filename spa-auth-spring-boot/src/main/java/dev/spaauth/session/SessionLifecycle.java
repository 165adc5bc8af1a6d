package dev.spaauth.session;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;

import dev.spaauth.csrf.SessionBoundCsrfTokenRepository;

/**
 * Starts and ends authenticated sessions. Every change of authentication state gets a new session
 * and a new CSRF token, and the response that makes the change carries the new token, so an SPA that
 * never reloads keeps working (ASVS 7.2.4; OWASP Session Management Cheat Sheet, "Renew the Session
 * ID After Any Privilege Level Change").
 */
public final class SessionLifecycle {

	private static final int MAX_USER_AGENT_LENGTH = 256;

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contexts;

	private final SessionBoundCsrfTokenRepository csrfTokens;

	private final SessionTimeouts timeouts;

	/**
	 * Creates the lifecycle.
	 * @param contexts where the security context is kept between requests (the session)
	 * @param csrfTokens the CSRF token repository
	 * @param timeouts the sessions' idle and absolute timeouts
	 */
	public SessionLifecycle(SecurityContextRepository contexts, SessionBoundCsrfTokenRepository csrfTokens,
			SessionTimeouts timeouts) {
		this.contexts = contexts;
		this.csrfTokens = csrfTokens;
		this.timeouts = timeouts;
	}

	/**
	 * Returns the sessions' timeouts.
	 * @return the idle and absolute timeouts
	 */
	public SessionTimeouts timeouts() {
		return this.timeouts;
	}

	/**
	 * Starts an authenticated session: any session the request had is deleted (so an id chosen or
	 * seen by an attacker before log-in is worthless: session fixation), a new one is created with the
	 * idle timeout and the authentication, and a new CSRF token is stored in it and set as the cookie.
	 * @param authentication the successful authentication
	 * @param request the log-in request
	 * @param response the response that gets the new session and CSRF cookies
	 * @return the new CSRF token, for the response body
	 */
	public CsrfToken logIn(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		newSession(request, this.timeouts.idle());
		saveAuthentication(authentication, request, response);
		return newCsrfToken(request, response);
	}

	/**
	 * Replaces the request's session, if any, by a new one that holds no authentication yet, such as a
	 * log-in waiting for its second factor: any session the request had is deleted (session fixation).
	 * @param request the request
	 * @param idle how long the new session lives without requests
	 * @return the new session, holding the request's {@code User-Agent} for the session list
	 */
	public HttpSession newSession(HttpServletRequest request, Duration idle) {
		HttpSession previous = request.getSession(false);
		if (previous != null) {
			previous.invalidate();
		}
		HttpSession session = request.getSession(true);
		session.setMaxInactiveInterval(Math.toIntExact(idle.toSeconds()));
		String userAgent = request.getHeader("User-Agent");
		if (userAgent != null) {
			session.setAttribute(UserSessions.USER_AGENT,
					userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT_LENGTH)));
		}
		return session;
	}

	/**
	 * Makes a new CSRF token, stores it in the request's session and sets it as the cookie.
	 * @param request the request, which should have a session
	 * @param response the response that gets the CSRF cookie
	 * @return the new token, for the response body
	 */
	public CsrfToken newCsrfToken(HttpServletRequest request, HttpServletResponse response) {
		CsrfToken token = this.csrfTokens.generateToken(request);
		this.csrfTokens.saveToken(token, request, response);
		return token;
	}

	/**
	 * Gives the request's session a new id and a new CSRF token, keeping its contents: after the user
	 * proved their password again, so that an id or token seen before is worthless (ASVS 7.2.4).
	 * @param request the request, which must have a session
	 * @param response the response that gets the new session and CSRF cookies
	 * @return the new CSRF token, for the response body
	 */
	public CsrfToken renew(HttpServletRequest request, HttpServletResponse response) {
		request.changeSessionId();
		return newCsrfToken(request, response);
	}

	/**
	 * Replaces the authentication kept in the request's session, such as after the user's email
	 * changed.
	 * @param authentication the new authentication
	 * @param request the request, which must have a session
	 * @param response the response
	 */
	public void saveAuthentication(Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) {
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		this.contextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	/**
	 * Ends the session, if any: it is deleted from the store and its cookie expired. A fresh
	 * anonymous CSRF token is set as the cookie so the SPA's next log-in passes the CSRF check.
	 * Calling it without a session is harmless (log-out is idempotent).
	 * @param request the log-out request
	 * @param response the response that expires the session cookie
	 * @return the new anonymous CSRF token, for the response body
	 */
	public CsrfToken logOut(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		this.contextHolder.clearContext();
		CsrfToken token = this.csrfTokens.generateToken(request);
		this.csrfTokens.saveToken(token, request, response);
		return token;
	}

}
