package dev.spaauth.session;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a session cookie whose value cannot be a session id away from the session store, ahead of
 * Spring Session's filter: the request goes on without it (no session), and the answer expires it,
 * so the browser is not locked out by it. A session id is 1 to 128 visible ASCII characters (every
 * {@code SessionIdGenerator} spa-auth or Spring Session ships makes such ids); anything else, such as
 * a NUL character (which PostgreSQL cannot hold in text: every path answered 500), is refused here.
 */
public final class MalformedSessionCookieFilter extends OncePerRequestFilter {

	private static final int MAX_ID_LENGTH = 128;

	private final CookieSerializer cookies;

	private final String cookieName;

	/**
	 * Creates the filter.
	 * @param cookies reads and writes the session cookie, as Spring Session does
	 * @param cookieName the session cookie's name
	 */
	public MalformedSessionCookieFilter(CookieSerializer cookies, String cookieName) {
		this.cookies = cookies;
		this.cookieName = cookieName;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> ids = this.cookies.readCookieValues(request);
		if (ids.stream().allMatch(MalformedSessionCookieFilter::isWellFormedId)) {
			chain.doFilter(request, response);
			return;
		}
		this.cookies.writeCookieValue(new CookieValue(request, response, ""));
		chain.doFilter(new WithoutSessionCookie(request, this.cookieName), response);
	}

	/**
	 * Returns whether a session id read from the cookie can be one.
	 * @param id the id, as Spring Session's cookie serializer decoded it
	 * @return whether it is 1 to 128 visible ASCII characters (U+0021 to U+007E)
	 */
	static boolean isWellFormedId(String id) {
		return !id.isEmpty() && id.length() <= MAX_ID_LENGTH && id.chars().allMatch((c) -> c > 0x20 && c < 0x7F);
	}

	/** The request without the session cookie. */
	private static final class WithoutSessionCookie extends HttpServletRequestWrapper {

		private final String cookieName;

		WithoutSessionCookie(HttpServletRequest request, String cookieName) {
			super(request);
			this.cookieName = cookieName;
		}

		@Override
		public Cookie[] getCookies() {
			Cookie[] all = super.getCookies();
			return (all != null) ? Arrays.stream(all).filter((c) -> !c.getName().equals(this.cookieName))
				.toArray(Cookie[]::new) : null;
		}

	}

}
