package dev.spaauth.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.spaauth.testapp.TestProblems;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link ContentTypeFilter}. */
class ContentTypeFilterTests {

	private final ContentTypeFilter filter = new ContentTypeFilter(TestProblems.writer());

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final MockFilterChain chain = new MockFilterChain();

	@Test
	void doFilterWhenNoContentTypeThenPasses() throws Exception {
		this.filter.doFilter(this.request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(this.request);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"",
			"text/plain;charset=ISO-8859-1", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
			"application/problem+json" })
	void doFilterWhenWellFormedContentTypeThenPassesUntouched(String contentType) throws Exception {
		this.request.addHeader("Content-Type", contentType);

		this.filter.doFilter(this.request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(this.request);
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void doFilterWhenTwoContentTypeHeadersThenMalformedRequestProblem() throws Exception {
		this.request.addHeader("Content-Type", "application/json");
		HttpServletRequest twice = new HttpServletRequestWrapper(this.request) {

			@Override
			public Enumeration<String> getHeaders(String name) {
				return "Content-Type".equalsIgnoreCase(name)
						? Collections.enumeration(List.of("application/json", "text/plain")) : super.getHeaders(name);
			}

		};

		this.filter.doFilter(twice, this.response, this.chain);

		assertRefused(400, "malformed_request");
		assertThat(TestProblems.problem(this.response).get("detail").asString()).contains("several Content-Type headers");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "garbage | 400 | malformed_request", "application/ | 400 | malformed_request",
			"/json | 400 | malformed_request",
			"multipart/form-data | 400 | malformed_request", "multipart/mixed; charset=UTF-8 | 400 | malformed_request",
			"application/json;charset= | 415 | unsupported_media_type",
			"application/json; charset=\"\" | 415 | unsupported_media_type",
			"application/json; charset=klingon | 415 | unsupported_media_type",
			"application/json; CHARSET=utf-9 | 415 | unsupported_media_type",
			"text/plain; charset=\"utf 8\" | 415 | unsupported_media_type" })
	void doFilterWhenContentTypeMalformedOrCharsetUnknownThenProblemBeforeTheBodyIsRead(String contentType, int status,
			String code) throws Exception {
		this.request.addHeader("Content-Type", contentType);

		this.filter.doFilter(this.request, this.response, this.chain);

		assertRefused(status, code);
	}

	@Test
	void doFilterWhenErrorDispatchWithAMalformedContentTypeThenTheErrorIsAnsweredWithoutIt() throws Exception {
		this.request.setDispatcherType(DispatcherType.ERROR);
		this.request.addHeader("Content-Type", "application/json; charset=klingon");

		this.filter.doFilter(this.request, this.response, this.chain);

		HttpServletRequest passed = (HttpServletRequest) this.chain.getRequest();
		assertThat(passed).isNotNull();
		assertThat(passed.getContentType()).isNull();
		assertThat(passed.getCharacterEncoding()).isNull();
		assertThat(passed.getHeader("Content-Type")).isNull();
		assertThat(passed.getHeader("content-type")).isNull();
		assertThat(Collections.list(passed.getHeaders("Content-Type"))).isEmpty();
		assertThat(passed.getRequestURI()).isEqualTo("/api/auth/login");
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void doFilterWhenErrorDispatchWithAWellFormedContentTypeThenPassesUntouched() throws Exception {
		this.request.setDispatcherType(DispatcherType.ERROR);
		this.request.addHeader("Content-Type", "application/json");

		this.filter.doFilter(this.request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(this.request);
	}

	private void assertRefused(int status, String code) throws Exception {
		assertThat(this.chain.getRequest()).isNull();
		assertThat(this.response.getStatus()).isEqualTo(status);
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		assertThat(TestProblems.code(this.response)).isEqualTo(code);
	}

}
