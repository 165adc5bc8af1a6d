package dev.spaauth.web;

import java.util.Collections;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link AcceptCharsetFilter}. */
class AcceptCharsetFilterTests {

	private final AcceptCharsetFilter filter = new AcceptCharsetFilter();

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/logout");

	private final MockFilterChain chain = new MockFilterChain();

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "application/json;charset=UTF-8 | application/json",
			"application/json; charset=\"utf-8\" | application/json",
			"application/json; charset=iso-8859-1; q=0.9 | application/json; q=0.9",
			"text/html, application/json;charset=klingon | text/html, application/json",
			"application/json;CHARSET = utf-16, */*;q=0.1 | application/json, */*;q=0.1" })
	void doFilterThenCharsetParametersAreDroppedFromAccept(String accept, String seen) throws Exception {
		this.request.addHeader("Accept", accept);

		HttpServletRequest passed = filtered();

		assertThat(passed.getHeader("Accept")).isEqualTo(seen);
		assertThat(passed.getHeader("accept")).isEqualTo(seen);
		assertThat(Collections.list(passed.getHeaders("Accept"))).containsExactly(seen);
	}

	@Test
	void doFilterWhenAcceptSentTwiceThenEachValueLosesItsCharset() throws Exception {
		this.request.addHeader("Accept", "application/json;charset=UTF-8");
		this.request.addHeader("Accept", "*/*; charset=ascii");

		assertThat(Collections.list(filtered().getHeaders("Accept"))).containsExactly("application/json", "*/*");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "*/*", "application/json, text/plain", "application/json;q=0.9" })
	void doFilterWhenAcceptHasNoCharsetThenUntouched(String accept) throws Exception {
		this.request.addHeader("Accept", accept);

		assertThat(filtered().getHeader("Accept")).isEqualTo(accept);
	}

	@Test
	void doFilterThenOtherHeadersKeepTheirCharset() throws Exception {
		this.request.addHeader("Content-Type", "application/json;charset=UTF-8");
		this.request.addHeader("X-Custom", "a; charset=b");

		HttpServletRequest passed = filtered();

		assertThat(passed.getHeader("Content-Type")).isEqualTo("application/json;charset=UTF-8");
		assertThat(Collections.list(passed.getHeaders("X-Custom"))).containsExactly("a; charset=b");
	}

	@Test
	void doFilterWhenNoAcceptThenNone() throws Exception {
		HttpServletRequest passed = filtered();

		assertThat(passed.getHeader("Accept")).isNull();
		assertThat(Collections.list(passed.getHeaders("Accept"))).isEmpty();
	}

	private HttpServletRequest filtered() throws Exception {
		this.filter.doFilter(this.request, new MockHttpServletResponse(), this.chain);
		return (HttpServletRequest) this.chain.getRequest();
	}

}
