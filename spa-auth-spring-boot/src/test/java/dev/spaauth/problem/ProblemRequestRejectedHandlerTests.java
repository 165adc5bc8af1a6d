package dev.spaauth.problem;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;

import dev.spaauth.testapp.TestProblems;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link ProblemRequestRejectedHandler}. */
class ProblemRequestRejectedHandlerTests {

	private final ProblemRequestRejectedHandler handler = new ProblemRequestRejectedHandler(TestProblems.writer());

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void handleThenMalformedRequestProblemWithABody() throws Exception {
		this.handler.handle(new MockHttpServletRequest("GET", "/api/things;jsessionid=abc"), this.response,
				new RequestRejectedException("The request was rejected because the URL contained a potentially "
						+ "malicious String \";\""));

		assertThat(this.response.getStatus()).isEqualTo(400);
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		JsonNode problem = TestProblems.problem(this.response);
		assertThat(problem.get("code").asString()).isEqualTo("malformed_request");
		assertThat(problem.get("detail").asString()).contains("encoded slashes");
	}

	@Test
	void handleThenTheRejectedRequestIsNotEchoed() throws Exception {
		this.handler.handle(new MockHttpServletRequest("GET", "/api/things;jsessionid=secret-session-id"),
				this.response, new RequestRejectedException("rejected: /api/things;jsessionid=secret-session-id"));

		assertThat(this.response.getContentAsString()).doesNotContain("secret-session-id").doesNotContain("rejected:");
	}

}
