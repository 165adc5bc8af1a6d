package dev.spaauth.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.spaauth.problem.PayloadTooLargeException;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.problem.Problems;

/**
 * Refuses request bodies larger than a limit before anything reads them (ASVS 15.2.2): a declared
 * {@code Content-Length} over the limit is answered 413 problem {@code payload_too_large} at once; a
 * body without a declared length (chunked) fails with {@link PayloadTooLargeException} as soon as it
 * passes the limit, whether read as bytes or as text, which the MVC layer answers with the same 413.
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limitBytes;

	private final ProblemResponseWriter writer;

	/**
	 * Creates the filter.
	 * @param limitBytes the largest body accepted, in bytes
	 * @param writer writes the 413 problem
	 */
	public RequestBodyLimitFilter(long limitBytes, ProblemResponseWriter writer) {
		this.limitBytes = limitBytes;
		this.writer = writer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limitBytes) {
			this.writer.writeOutsideSecurityChain(response, Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, PayloadTooLargeException.DETAIL));
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.limitBytes), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limitBytes;

		private @Nullable ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limitBytes) {
			super(request);
			this.limitBytes = limitBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), this.limitBytes);
			}
			return this.stream;
		}

		/** The body as text, through the same limit: the container's own reader would bypass it. */
		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
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
