package dev.spaauth.problem;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.spaauth.testapp.TestProblems;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link ProblemResponseWriter}. */
class ProblemResponseWriterTests {

	private final ProblemResponseWriter writer = TestProblems.writer();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void writeThenStatusMediaTypeAndCachingAndSniffingHeaders() throws Exception {
		this.writer.write(this.response, Problems.of(ProblemCode.CSRF_FAILED, "Get a fresh token."));

		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(this.response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
		assertThat(this.response.getCharacterEncoding()).isEqualTo("UTF-8");
		assertThat(this.response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(this.response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void writeThenTheBodyHasTheMembersOfTheCatalogueEntry() throws Exception {
		this.writer.write(this.response, Problems.of(ProblemCode.CSRF_FAILED, "Get a fresh token."));

		JsonNode problem = TestProblems.problem(this.response);
		assertThat(problem.get("type").asString()).isEqualTo(ProblemCode.CSRF_FAILED.type().toString());
		assertThat(problem.get("title").asString()).isEqualTo("CSRF check failed");
		assertThat(problem.get("status").asInt()).isEqualTo(403);
		assertThat(problem.get("detail").asString()).isEqualTo("Get a fresh token.");
		assertThat(problem.get("code").asString()).isEqualTo("csrf_failed");
		assertThat(problem.has("instance")).isFalse();
	}

	@Test
	void writeWhenInstanceAndExtensionMembersThenTheyAreWrittenToo() throws Exception {
		ProblemDetail validation = Problems.validationFailed(Map.of("email", "Enter an email address."));
		validation.setInstance(URI.create("/api/auth/signup"));

		this.writer.write(this.response, validation);

		JsonNode problem = TestProblems.problem(this.response);
		assertThat(problem.get("instance").asString()).isEqualTo("/api/auth/signup");
		assertThat(problem.get("errors").get("email").asString()).isEqualTo("Enter an email address.");
		assertThat(problem.get("code").asString()).isEqualTo("validation_failed");
	}

	@Test
	void writeWhenNonAsciiDetailThenUtf8() throws Exception {
		this.writer.write(this.response, Problems.of(ProblemCode.MALFORMED_REQUEST, "Réessayez — 😀"));

		assertThat(TestProblems.problem(this.response).get("detail").asString()).isEqualTo("Réessayez — 😀");
	}

	@Test
	void writeWhenSomethingWasBufferedThenOnlyTheProblemIsSent() throws Exception {
		this.response.getOutputStream().write("{\"half\":".getBytes());

		this.writer.write(this.response, Problems.of(ProblemCode.NOT_FOUND, "Nothing here."));

		assertThat(this.response.getContentAsString()).startsWith("{\"type\"");
		assertThat(TestProblems.code(this.response)).isEqualTo("not_found");
	}

	@Test
	void writeWhenTheResponseIsCommittedThenWritesNothing() throws Exception {
		this.response.setStatus(200);
		this.response.getWriter().write("sent");
		this.response.flushBuffer();

		this.writer.write(this.response, Problems.of(ProblemCode.SERVICE_UNAVAILABLE, "Try again."));

		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getContentAsString()).isEqualTo("sent");
		assertThat(this.response.getHeader("Cache-Control")).isNull();
	}

	@Test
	void toJsonThenTheSameBodyAsWritten() throws Exception {
		ProblemDetail problem = Problems.of(ProblemCode.RATE_LIMITED, "Wait.");

		this.writer.write(this.response, problem);

		assertThat(JsonMapper.shared().readTree(this.writer.toJson(problem))).isEqualTo(TestProblems.problem(this.response));
	}

}
