package dev.spaauth.web;

import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.spaauth.testapp.TestProblems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unit tests of {@link StoreUnavailableFilter}. */
class StoreUnavailableFilterTests {

	private final StoreUnavailableFilter filter = new StoreUnavailableFilter(TestProblems.writer());

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	static Stream<Exception> storeFailures() {
		return Stream.of(new DataAccessResourceFailureException("Connection refused"),
				new QueryTimeoutException("timed out"), new TransientDataAccessResourceException("pool exhausted"),
				new IllegalStateException("Failed to load session",
						new DataAccessResourceFailureException("Connection refused")),
				new ServletException("Request processing failed", new QueryTimeoutException("timed out")));
	}

	@ParameterizedTest
	@MethodSource("storeFailures")
	void doFilterWhenTheStoreFailsThenServiceUnavailableProblemWithRetryAfter(Exception failure) throws Exception {
		this.filter.doFilter(this.request, this.response, failingWith(failure));

		assertThat(this.response.getStatus()).isEqualTo(503);
		assertThat(this.response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(this.response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		assertThat(TestProblems.code(this.response)).isEqualTo("service_unavailable");
		assertThat(this.response.getContentAsString()).doesNotContain("Connection refused").doesNotContain("Exception");
	}

	static Stream<Exception> otherFailures() {
		return Stream.of(new IllegalStateException("bug"), new ServletException("no store involved"),
				new DataIntegrityViolationException("duplicate key"));
	}

	@ParameterizedTest
	@MethodSource("otherFailures")
	void doFilterWhenAnythingElseFailsThenRethrownUntouched(Exception failure) {
		assertThatThrownBy(() -> this.filter.doFilter(this.request, this.response, failingWith(failure)))
			.isSameAs(failure);
		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getHeader("Retry-After")).isNull();
	}

	@Test
	void doFilterWhenTheStoreFailsAfterTheResponseWasCommittedThenRethrownAndTheResponseUntouched() throws Exception {
		DataAccessResourceFailureException failure = new DataAccessResourceFailureException("Connection reset");

		assertThatThrownBy(() -> this.filter.doFilter(this.request, this.response, (req, res) -> {
			res.getWriter().write("{\"partial\":");
			res.flushBuffer();
			throw failure;
		})).isSameAs(failure);
		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getHeader("Retry-After")).isNull();
		assertThat(this.response.getContentAsString()).isEqualTo("{\"partial\":");
	}

	@Test
	void doFilterWhenNothingFailsThenTheChainAnswers() throws Exception {
		this.filter.doFilter(this.request, this.response, (req, res) -> res.getWriter().write("ok"));

		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getContentAsString()).isEqualTo("ok");
	}

	private static FilterChain failingWith(Exception failure) {
		return (request, response) -> {
			if (failure instanceof ServletException servletException) {
				throw servletException;
			}
			throw (RuntimeException) failure;
		};
	}

}
