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
 * Spring Session's filter: the request goes on without it, and, unless a well-formed session cookie
 * of the same name came along (a planted junk cookie must not log the user out), the answer expires
 * it, so the browser is not locked out by it. A session id is 1 to 128 visible ASCII characters (every
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
		if (this.cookies.readCookieValues(request).stream().allMatch(MalformedSessionCookieFilter::isWellFormedId)) {
			chain.doFilter(request, response);
			return;
		}
		Cookie[] all = request.getCookies();
		Cookie[] kept = Arrays.stream(all).filter((cookie) -> !isMalformedSessionCookie(request, cookie))
			.toArray(Cookie[]::new);
		if (Arrays.stream(kept).noneMatch((cookie) -> cookie.getName().equals(this.cookieName))) {
			// Expiring the name would delete a good cookie of the same name too: only when none is left.
			this.cookies.writeCookieValue(new CookieValue(request, response, ""));
		}
		chain.doFilter(new WithCookies(request, kept), response);
	}

	/** Whether the cookie is a session cookie whose value, decoded as Spring Session does, is no id. */
	private boolean isMalformedSessionCookie(HttpServletRequest request, Cookie cookie) {
		if (!cookie.getName().equals(this.cookieName)) {
			return false;
		}
		List<String> ids = this.cookies.readCookieValues(new WithCookies(request, new Cookie[] { cookie }));
		return ids.stream().anyMatch((id) -> !isWellFormedId(id));
	}

	/**
	 * Returns whether a session id read from the cookie can be one.
	 * @param id the id, as Spring Session's cookie serializer decoded it
	 * @return whether it is 1 to 128 visible ASCII characters (U+0021 to U+007E)
	 */
	static boolean isWellFormedId(String id) {
		return !id.isEmpty() && id.length() <= MAX_ID_LENGTH && id.chars().allMatch((c) -> c > 0x20 && c < 0x7F);
	}

	/** The request with other cookies. */
	private static final class WithCookies extends HttpServletRequestWrapper {

		private final Cookie[] cookies;

		WithCookies(HttpServletRequest request, Cookie[] cookies) {
			super(request);
			this.cookies = cookies;
		}

		@Override
		public Cookie[] getCookies() {
			return this.cookies.clone();
		}

	}

}
