package dev.spaauth.web;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.Writer;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.spaauth.problem.PayloadTooLargeException;
import dev.spaauth.testapp.TestProblems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Unit tests of {@link RequestBodyLimitFilter}, with a limit of 100 bytes. */
class RequestBodyLimitFilterTests {

	private static final int LIMIT = 100;

	private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(LIMIT, TestProblems.writer());

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final MockFilterChain chain = new MockFilterChain();

	@ParameterizedTest
	@ValueSource(ints = { LIMIT + 1, 10 * LIMIT })
	void doFilterWhenDeclaredLengthOverTheLimitThenPayloadTooLargeProblemAndNothingReadsTheBody(int length)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
		request.setContent(new byte[length]);

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isNull();
		assertThat(this.response.getStatus()).isEqualTo(413);
		assertThat(TestProblems.code(this.response)).isEqualTo("payload_too_large");
		assertThat(TestProblems.problem(this.response).get("detail").asString()).isEqualTo(PayloadTooLargeException.DETAIL);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, LIMIT })
	void doFilterWhenDeclaredLengthWithinTheLimitThenTheWholeBodyCanBeRead(int length) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
		request.setContent(new byte[length]);

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(readAll(this.chain.getRequest())).hasSize(length);
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, LIMIT })
	void doFilterWhenChunkedBodyWithinTheLimitThenTheWholeBodyCanBeRead(int length) throws Exception {
		this.filter.doFilter(chunked(new byte[length]), this.response, this.chain);

		assertThat(readAll(this.chain.getRequest())).hasSize(length);
	}

	@Test
	void doFilterWhenChunkedBodyPassesTheLimitThenReadingItFailsWithPayloadTooLarge() throws Exception {
		this.filter.doFilter(chunked(new byte[LIMIT + 1]), this.response, this.chain);

		assertThat(this.chain.getRequest()).isNotNull();
		assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(() -> readAll(this.chain.getRequest()))
			.withMessageContaining("100 bytes");
	}

	@Test
	void doFilterWhenChunkedBodyPassesTheLimitReadByteByByteThenFailsOnTheFirstByteOver() throws Exception {
		this.filter.doFilter(chunked(new byte[LIMIT + 50]), this.response, this.chain);
		ServletInputStream in = this.chain.getRequest().getInputStream();

		assertThat(readByteByByte(in, LIMIT)).isEqualTo(LIMIT);
		assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(in::read);
	}

	@Test
	void doFilterWhenChunkedBodyIsReadThroughSeveralCallsToGetInputStreamThenTheyCountTogether() throws Exception {
		this.filter.doFilter(chunked(new byte[LIMIT + 1]), this.response, this.chain);
		HttpServletRequest passed = (HttpServletRequest) this.chain.getRequest();

		assertThat(passed.getInputStream().readNBytes(LIMIT)).hasSize(LIMIT);
		assertThat(passed.getInputStream()).isSameAs(passed.getInputStream());
		assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(() -> passed.getInputStream().read());
	}

	/**
	 * Regression: the wrapped request limited {@code getInputStream()} only, and {@code getReader()}
	 * went straight to the container's reader, so an endpoint that read the body as characters (a
	 * {@code java.io.Reader} handler argument) read a chunked body of any size.
	 */
	@Test
	void doFilterWhenChunkedBodyIsReadThroughGetReaderThenPayloadTooLarge()
			throws Exception {
		this.filter.doFilter(chunked(new byte[10 * LIMIT]), this.response, this.chain);
		BufferedReader reader = ((HttpServletRequest) this.chain.getRequest()).getReader();

		assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(() -> reader.transferTo(Writer.nullWriter()));
	}

	private static int readByteByByte(InputStream in, int count) throws Exception {
		int read = 0;
		while (read < count && in.read() != -1) {
			read++;
		}
		return read;
	}

	private static byte[] readAll(jakarta.servlet.ServletRequest request) throws Exception {
		try (InputStream in = request.getInputStream()) {
			return in.readAllBytes();
		}
	}

	/** A request whose body is sent without a declared length, as with chunked transfer coding. */
	private static HttpServletRequest chunked(byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
		request.setContent(body);
		return new HttpServletRequestWrapper(request) {

			@Override
			public int getContentLength() {
				return -1;
			}

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
	}

}
