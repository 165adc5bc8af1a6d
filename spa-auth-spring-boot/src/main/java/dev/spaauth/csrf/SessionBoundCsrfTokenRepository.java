package dev.spaauth.csrf;

import java.time.Duration;
import java.util.Arrays;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.DeferredCsrfToken;

import dev.spaauth.deployment.Deployment;

/**
 * Keeps the CSRF token bound to the client it was issued to, and delivers it in a cookie that
 * JavaScript on the API's own origin can read.
 * <ul>
 * <li>With a session (after log-in) the token lives in the session: the synchronizer token pattern.
 * A token the client made up, planted as a cookie by a sibling subdomain (cookie tossing), or issued
 * to another session never matches.</li>
 * <li>Without a session (before log-in) nothing is stored on the server: the token is a value signed
 * by {@link CsrfTokenSigner}, and a request passes only when the header repeats the signed value held
 * in the CSRF cookie (signed double-submit).</li>
 * </ul>
 * Unlike Spring Security's default, loading a token never issues one: a missing token is generated
 * for the comparison only, so no response sets the cookie except priming, log-in and log-out
 * (OWASP CSRF Prevention Cheat Sheet; ASVS 3.5.1).
 */
public final class SessionBoundCsrfTokenRepository implements CsrfTokenRepository {

	/** Session attribute that holds the token value of an authenticated session. */
	public static final String SESSION_ATTRIBUTE = SessionBoundCsrfTokenRepository.class.getName() + ".TOKEN";

	private static final String PARAMETER_NAME = "_csrf";

	private final CsrfTokenSigner signer;

	private final String cookieName;

	private final String headerName;

	private final Deployment deployment;

	/**
	 * Creates the repository.
	 * @param signer creates and checks token values
	 * @param cookieName name of the delivery cookie, such as {@code XSRF-TOKEN}
	 * @param headerName name of the request header, such as {@code X-XSRF-TOKEN}
	 * @param deployment decides the cookie's {@code Secure} and {@code SameSite} attributes, as for the
	 * session cookie
	 */
	public SessionBoundCsrfTokenRepository(CsrfTokenSigner signer, String cookieName, String headerName,
			Deployment deployment) {
		this.signer = signer;
		this.cookieName = cookieName;
		this.headerName = headerName;
		this.deployment = deployment;
	}

	/**
	 * Returns the name of the request header that must carry the token.
	 * @return such as {@code X-XSRF-TOKEN}
	 */
	public String headerName() {
		return this.headerName;
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return token(this.signer.newToken());
	}

	/**
	 * Stores the token in the session, if there is one (never creating one), and writes the
	 * delivery cookie; a null token removes both.
	 */
	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			if (token == null) {
				session.removeAttribute(SESSION_ATTRIBUTE);
			}
			else {
				session.setAttribute(SESSION_ATTRIBUTE, token.getToken());
			}
		}
		writeCookie(token, response);
	}

	/**
	 * Writes the delivery cookie for a token the client already has, storing nothing.
	 * @param token the client's current token
	 * @param response the response that gets the cookie
	 */
	public void deliver(CsrfToken token, HttpServletResponse response) {
		writeCookie(token, response);
	}

	/**
	 * Writes the cookie. A partitioned cookie does not replace an unpartitioned one of the same name
	 * (the browser keys cookies by partition too, and would send both): with {@code Partitioned} on,
	 * an expired unpartitioned cookie of the name goes first, so a browser that kept one from before
	 * {@code Partitioned} was turned on drops it (CHIPS, "Transition from unpartitioned to
	 * partitioned cookies").
	 */
	private void writeCookie(@Nullable CsrfToken token, HttpServletResponse response) {
		if (this.deployment.partitionedCookies()) {
			response.addHeader(HttpHeaders.SET_COOKIE, this.deployment.cookie(this.cookieName, "")
				.partitioned(false)
				.maxAge(Duration.ZERO)
				.build()
				.toString());
		}
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(token).toString());
	}

	/**
	 * Loads the session's token, or, without a session, the signed token from the CSRF cookie.
	 * @return the token, or null when the client has none
	 */
	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			Object value = session.getAttribute(SESSION_ATTRIBUTE);
			return (value instanceof String token) ? token(token) : null;
		}
		String cookieValue = cookieValue(request);
		return this.signer.isAuthentic(cookieValue) ? token(cookieValue) : null;
	}

	/**
	 * Returns whether the request carries, in the header, a token this server signed but no cookie
	 * of ours at all: the client is not sending the API's cookies, as when a browser blocks
	 * third-party cookies for an API on another site.
	 * @param request the request that failed the CSRF check
	 * @return whether the token came without any of the cookies it needs
	 */
	public boolean isTokenWithoutCookies(HttpServletRequest request) {
		return request.getRequestedSessionId() == null && request.getSession(false) == null && !hasCookie(request)
				&& this.signer.isAuthentic(request.getHeader(this.headerName));
	}

	/**
	 * Tells which of spa-auth's cookies an anonymous request lacks, so {@code GET /session} can say why
	 * a client that has just signed in is not signed in: {@code "none"} when neither the session
	 * cookie nor the CSRF cookie came back (the browser keeps none of the API's cookies, as when it
	 * blocks third-party cookies), {@code "csrf_only"} when the CSRF cookie came back but no session
	 * cookie (something dropped the session cookie: a proxy, a cookie size or name limit), and
	 * {@code "session_not_found"} when a session cookie came back naming no live session (the
	 * session was lost: instances without a shared store, or it ended).
	 * @param request the request
	 * @return {@code "none"}, {@code "csrf_only"}, {@code "session_not_found"}, or null when both cookies
	 * came back and the session exists
	 */
	public @Nullable String missingCookies(HttpServletRequest request) {
		if (request.getRequestedSessionId() != null) {
			return request.isRequestedSessionIdValid() ? null : "session_not_found";
		}
		return hasCookie(request) ? "csrf_only" : "none";
	}

	@Override
	public DeferredCsrfToken loadDeferredToken(HttpServletRequest request, HttpServletResponse response) {
		return new LoadOnlyDeferredCsrfToken(request);
	}

	private CsrfToken token(String value) {
		return new DefaultCsrfToken(this.headerName, PARAMETER_NAME, value);
	}

	private @Nullable String cookieValue(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		String found = null;
		for (Cookie cookie : cookies) {
			if (this.cookieName.equals(cookie.getName())) {
				if (found != null && !found.equals(cookie.getValue())) {
					// Two values of this name: one may be planted by a sibling subdomain. Trust neither.
					// One value twice (a partitioned and an unpartitioned copy) is the same as once.
					return null;
				}
				found = cookie.getValue();
			}
		}
		return found;
	}

	/** Whether the request carries a cookie of this name at all, whatever its value. */
	private boolean hasCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		return cookies != null && Arrays.stream(cookies).anyMatch((cookie) -> this.cookieName.equals(cookie.getName()));
	}

	private ResponseCookie cookie(@Nullable CsrfToken token) {
		ResponseCookie.ResponseCookieBuilder cookie = this.deployment
			.cookie(this.cookieName, (token != null) ? token.getToken() : "")
			.httpOnly(false);
		return (token != null) ? cookie.build() : cookie.maxAge(Duration.ZERO).build();
	}

	/**
	 * A deferred token that loads but never generates-and-saves: when the client has no token, the
	 * comparison runs against a fresh unsaved value that cannot match.
	 */
	private final class LoadOnlyDeferredCsrfToken implements DeferredCsrfToken {

		private final HttpServletRequest request;

		private @Nullable CsrfToken token;

		private boolean generated;

		LoadOnlyDeferredCsrfToken(HttpServletRequest request) {
			this.request = request;
		}

		@Override
		public CsrfToken get() {
			if (this.token == null) {
				this.token = loadToken(this.request);
				if (this.token == null) {
					this.token = generateToken(this.request);
					this.generated = true;
				}
			}
			return this.token;
		}

		@Override
		public boolean isGenerated() {
			get();
			return this.generated;
		}

	}

}
