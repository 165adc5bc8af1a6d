package dev.spaauth.csrf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.testapp.RecordingEventPublisher;
import dev.spaauth.testapp.TestDeployments;
import dev.spaauth.testapp.TestProblems;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link CsrfCheckedFilter}. */
@ExtendWith(OutputCaptureExtension.class)
class CsrfCheckedFilterTests {

	private static final RequestMatcher ENDPOINTS = (request) -> request.getRequestURI().startsWith("/api/auth/");

	private final RecordingEventPublisher events = new RecordingEventPublisher();

	private final SessionBoundCsrfTokenRepository tokens = new SessionBoundCsrfTokenRepository(
			CsrfTokenSigner.withRandomSecret(), "XSRF-TOKEN", "X-XSRF-TOKEN", TestDeployments.sameOrigin());

	private final CsrfCheckedFilter filter = new CsrfCheckedFilter(ENDPOINTS, this.tokens,
			new HeaderCsrfTokenRequestHandler(), new ProblemAccessDeniedHandler(TestProblems.writer(), "/api/auth/csrf",
					this.tokens, this.events.securityEvents()));

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final MockFilterChain chain = new MockFilterChain();

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
	void doFilterWhenUnsafeRequestToAnEndpointWasNotCsrfCheckedAndHasNoTokenThenCsrfFailedProblem(String method)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/auth/login");

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isNull();
		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(TestProblems.code(this.response)).isEqualTo("csrf_failed");
		assertThat(this.events.securityEventList()).extracting(SecurityEvent::type)
			.containsExactly(SecurityEvent.Type.CSRF_REJECTED);
	}

	@Test
	void doFilterWhenUnsafeRequestToAnEndpointWasCsrfCheckedThenPasses() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
		request.setAttribute(HeaderCsrfTokenRequestHandler.CHECKED_ATTRIBUTE, Boolean.TRUE);

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(request);
		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.events.all()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD", "OPTIONS", "TRACE" })
	void doFilterWhenSafeMethodToAnEndpointThenPassesUnchecked(String method) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/auth/session");

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(request);
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void doFilterWhenUnsafeRequestToAnEndpointWasNotCheckedButCarriesTheSignedTokenThenPasses() throws Exception {
		String token = this.tokens.generateToken(new MockHttpServletRequest()).getToken();
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
		request.setCookies(new jakarta.servlet.http.Cookie("XSRF-TOKEN", token));
		request.addHeader("X-XSRF-TOKEN", token);

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(request);
		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void doFilterWhenUnsafeRequestWithASessionWasNotCheckedThenItsTokenIsChecked() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
		request.getSession(true).setAttribute(SessionBoundCsrfTokenRepository.SESSION_ATTRIBUTE, "the-session-token");
		request.addHeader("X-XSRF-TOKEN", "another-token");

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isNull();
		assertThat(TestProblems.code(this.response)).isEqualTo("csrf_failed");
	}

	@Test
	void doFilterWhenUnsafeRequestWithASessionWasNotCheckedButCarriesTheSessionsTokenThenPasses() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
		request.getSession(true).setAttribute(SessionBoundCsrfTokenRepository.SESSION_ATTRIBUTE, "the-session-token");
		request.addHeader("X-XSRF-TOKEN", "the-session-token");

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(request);
	}

	@Test
	void doFilterWhenUnsafeRequestOutsideTheEndpointsWithoutASessionWasNotCheckedThenPasses() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/payment");

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(request);
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void doFilterWhenRefusingSeveralTimesThenWarnsOnce(CapturedOutput output) throws Exception {
		this.filter.doFilter(new MockHttpServletRequest("POST", "/api/auth/login"), new MockHttpServletResponse(),
				new MockFilterChain());
		this.filter.doFilter(new MockHttpServletRequest("POST", "/api/auth/signup"), new MockHttpServletResponse(),
				new MockFilterChain());

		assertThat(output.getAll().split("CSRF settings skip", -1)).hasSize(2);
		assertThat(output.getAll()).contains("CSRF settings skip POST /api/auth/login")
			.doesNotContain("CSRF settings skip POST /api/auth/signup");
	}

}
