package dev.spaauth.problem;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import dev.spaauth.testapp.TestProblems;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link ProblemAuthenticationEntryPoint}. */
class ProblemAuthenticationEntryPointTests {

	private final ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(TestProblems.writer(),
			"/api/auth/login");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void commenceThenUnauthenticatedProblemNamingTheLoginEndpoint() throws Exception {
		this.entryPoint.commence(new MockHttpServletRequest("GET", "/api/things"), this.response,
				new InsufficientAuthenticationException("Full authentication is required"));

		assertThat(this.response.getStatus()).isEqualTo(401);
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		JsonNode problem = TestProblems.problem(this.response);
		assertThat(problem.get("code").asString()).isEqualTo("unauthenticated");
		assertThat(problem.get("detail").asString()).contains("POST /api/auth/login");
	}

	@Test
	void commenceThenNoChallengeNoRedirectAndNoLoginPage() throws Exception {
		this.entryPoint.commence(new MockHttpServletRequest("GET", "/api/things"), this.response,
				new InsufficientAuthenticationException("Full authentication is required"));

		assertThat(this.response.getHeader("WWW-Authenticate")).isNull();
		assertThat(this.response.getHeader("Location")).isNull();
		assertThat(this.response.getRedirectedUrl()).isNull();
		assertThat(this.response.getContentAsString()).doesNotContain("<html").doesNotContain("Full authentication");
	}

}
