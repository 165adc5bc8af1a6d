package dev.spaauth.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Drops {@code charset} parameters from the {@code Accept} header: the API answers UTF-8 JSON only,
 * and a charset there would otherwise make content negotiation fail after the endpoint has run (a
 * log-out that deleted the session, then answered 500; ASVS 16.5.3). Values without parameters, most
 * of them, are passed through untouched.
 */
public final class AcceptCharsetFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new WithoutAcceptCharset(request), response);
	}

	private static final class WithoutAcceptCharset extends HttpServletRequestWrapper {

		private static final Pattern CHARSET_PARAMETER = Pattern
			.compile("(?i);\\s*charset\\s*=\\s*(\"[^\"]*\"|[^;,]*)");

		WithoutAcceptCharset(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getHeader(String name) {
			String value = super.getHeader(name);
			return (value != null && HttpHeaders.ACCEPT.equalsIgnoreCase(name)) ? withoutCharset(value) : value;
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if (!HttpHeaders.ACCEPT.equalsIgnoreCase(name)) {
				return super.getHeaders(name);
			}
			List<String> values = new ArrayList<>();
			for (String value : Collections.list(super.getHeaders(name))) {
				values.add(withoutCharset(value));
			}
			return Collections.enumeration(values);
		}

		private static String withoutCharset(String accept) {
			// Most Accept values have no parameters: no regex on every request for them.
			return (accept.indexOf(';') < 0) ? accept : CHARSET_PARAMETER.matcher(accept).replaceAll("");
		}

	}

}
