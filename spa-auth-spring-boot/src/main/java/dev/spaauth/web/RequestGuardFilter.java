package dev.spaauth.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.spaauth.problem.PayloadTooLargeException;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.problem.Problems;

/**
 * Guards request input before anything reads it, so that bad input gets a clear 4xx problem instead
 * of a fault deep inside the framework (ASVS 15.3.7, 16.5.3):
 * <ul>
 * <li>more than one {@code Content-Type} header, or one that is not a media type: 400 problem
 * {@code malformed_request} (servers and proxies disagree on which one counts);</li>
 * <li>a {@code charset} that is empty or unknown, or a multipart type without a boundary: 415 problem
 * {@code unsupported_media_type} or 400;</li>
 * <li>{@code charset} parameters in {@code Accept} are dropped: the API answers UTF-8 JSON only, and
 * a charset there would otherwise make content negotiation fail after the endpoint has run;</li>
 * </ul>
 * A body larger than a limit is refused: a declared
 * {@code Content-Length} over the limit is answered 413 problem {@code payload_too_large} at once; a
 * body without a declared length (chunked) fails with {@link PayloadTooLargeException} as soon as it
 * passes the limit, which the MVC layer answers with the same 413 (ASVS 15.2.2).
 */
public final class RequestGuardFilter extends OncePerRequestFilter {

	private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=");

	private final long limitBytes;

	private final ProblemResponseWriter writer;

	/**
	 * Creates the filter.
	 * @param limitBytes the largest body accepted, in bytes
	 * @param writer writes the 413 problem
	 */
	public RequestGuardFilter(long limitBytes, ProblemResponseWriter writer) {
		this.limitBytes = limitBytes;
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
			this.writer.write(response, Problems.of(ProblemCode.MALFORMED_REQUEST,
					"The request has several Content-Type headers. Send exactly one: application/json."));
			return;
		}
		if (contentTypes.size() == 1) {
			ProblemDetail refusal = contentTypeRefusal(contentTypes.get(0));
			if (refusal != null && request.getDispatcherType() == DispatcherType.ERROR) {
				// The error being answered matters more than the Content-Type: hide it, answer the error.
				chain.doFilter(new WithoutContentType(request), response);
				return;
			}
			if (refusal != null) {
				this.writer.write(response, refusal);
				return;
			}
		}
		if (request.getContentLengthLong() > this.limitBytes) {
			this.writer.write(response, Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, PayloadTooLargeException.DETAIL));
			return;
		}
		chain.doFilter(new GuardedRequest(request, this.limitBytes), response);
	}

	private static @Nullable ProblemDetail contentTypeRefusal(String contentType) {
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

	private static final class GuardedRequest extends HttpServletRequestWrapper {

		private static final Pattern CHARSET_PARAMETER = Pattern
			.compile("(?i);\\s*charset\\s*=\\s*(\"[^\"]*\"|[^;,]*)");

		private final long limitBytes;

		private @Nullable ServletInputStream stream;

		GuardedRequest(HttpServletRequest request, long limitBytes) {
			super(request);
			this.limitBytes = limitBytes;
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

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), this.limitBytes);
			}
			return this.stream;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limitBytes;

		private long count;

		LimitedInputStream(ServletInputStream delegate, long limitBytes) {
			this.delegate = delegate;
			this.limitBytes = limitBytes;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b != -1) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws PayloadTooLargeException {
			this.count += n;
			if (this.count > this.limitBytes) {
				throw new PayloadTooLargeException(this.limitBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener readListener) {
			this.delegate.setReadListener(readListener);
		}

	}

}
