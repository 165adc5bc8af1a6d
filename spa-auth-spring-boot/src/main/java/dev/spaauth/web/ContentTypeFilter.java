package dev.spaauth.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.problem.Problems;

/**
 * Checks the request's {@code Content-Type} before anything reads the body, so that a malformed one
 * gets a clear 4xx problem instead of a fault deep inside the framework (ASVS 15.3.7, 16.5.3): more
 * than one {@code Content-Type} header, or one that is not a media type, is answered 400 problem
 * {@code malformed_request} (servers and proxies disagree on which one counts); a {@code charset} that
 * is empty or unknown 415 problem {@code unsupported_media_type}; a multipart type without a boundary
 * 400. On an error dispatch the malformed header is hidden instead, so the error itself is answered.
 */
public final class ContentTypeFilter extends OncePerRequestFilter {

	private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=");

	private final ProblemResponseWriter writer;

	/**
	 * Creates the filter.
	 * @param writer writes the refusal
	 */
	public ContentTypeFilter(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	/**
	 * Also runs on error dispatches (a 404 Tomcat answers for {@code /WEB-INF}, say), where a malformed
	 * {@code Content-Type} would otherwise break the writing of the error's problem.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> contentTypes = Collections.list(request.getHeaders(HttpHeaders.CONTENT_TYPE));
		if (contentTypes.size() > 1) {
			this.writer.writeOutsideSecurityChain(response, Problems.of(ProblemCode.MALFORMED_REQUEST,
					"The request has several Content-Type headers. Send exactly one: application/json."));
			return;
		}
		ProblemDetail refusal = (contentTypes.size() == 1) ? refusal(contentTypes.get(0)) : null;
		if (refusal == null) {
			chain.doFilter(request, response);
		}
		else if (request.getDispatcherType() == DispatcherType.ERROR) {
			// The error being answered matters more than the Content-Type: hide it, answer the error.
			chain.doFilter(new WithoutContentType(request), response);
		}
		else {
			this.writer.writeOutsideSecurityChain(response, refusal);
		}
	}

	private static @Nullable ProblemDetail refusal(String contentType) {
		MediaType mediaType;
		try {
			mediaType = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			// Spring refuses a media type whose charset it does not know; say which part is wrong.
			return CHARSET.matcher(contentType).find() ? unsupportedCharset()
					: Problems.of(ProblemCode.MALFORMED_REQUEST,
							"The Content-Type header is not a media type. Send application/json.");
		}
		String charset = mediaType.getParameter("charset");
		if (charset != null && !isSupportedCharset(charset)) {
			return unsupportedCharset();
		}
		if ("multipart".equalsIgnoreCase(mediaType.getType()) && mediaType.getParameter("boundary") == null) {
			return Problems.of(ProblemCode.MALFORMED_REQUEST, "The multipart Content-Type has no boundary.");
		}
		return null;
	}

	private static ProblemDetail unsupportedCharset() {
		return Problems.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
				"The Content-Type names a charset this server does not know. Send UTF-8 JSON.");
	}

	private static boolean isSupportedCharset(String charset) {
		String name = charset.replace("\"", "").strip();
		try {
			return !name.isEmpty() && Charset.isSupported(name);
		}
		catch (IllegalCharsetNameException ex) {
			return false;
		}
	}

	private static final class WithoutContentType extends HttpServletRequestWrapper {

		WithoutContentType(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getContentType() {
			return null;
		}

		@Override
		public @Nullable String getCharacterEncoding() {
			return null;
		}

		@Override
		public @Nullable String getHeader(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
					: super.getHeaders(name);
		}

	}

}
