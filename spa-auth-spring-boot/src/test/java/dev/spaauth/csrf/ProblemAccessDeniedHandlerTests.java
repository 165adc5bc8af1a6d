package dev.spaauth.csrf;

import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.testapp.RecordingEventPublisher;
import dev.spaauth.testapp.TestDeployments;
import dev.spaauth.testapp.TestProblems;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link ProblemAccessDeniedHandler}. */
class ProblemAccessDeniedHandlerTests {

	private static final String HEADER = "X-XSRF-TOKEN";

	private final CsrfTokenSigner signer = CsrfTokenSigner.withRandomSecret();

	private final RecordingEventPublisher events = new RecordingEventPublisher();

	private final ProblemAccessDeniedHandler handler = new ProblemAccessDeniedHandler(TestProblems.writer(),
			"/api/auth/csrf",
			new SessionBoundCsrfTokenRepository(this.signer, "XSRF-TOKEN", HEADER, TestDeployments.sameOrigin()),
			this.events.securityEvents());

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	static Stream<Arguments> csrfFailures() {
		String issued = "jpVm7Ilhp1QWpZ5VLH4nmhTtHtZtxqXCjmUJCOjwk6M";
		return Stream.of(
				Arguments.of(new MissingCsrfTokenException(null), null, "no token in the X-XSRF-TOKEN header"),
				Arguments.of(new InvalidCsrfTokenException(new DefaultCsrfToken(HEADER, "_csrf", issued), null), null,
						"no token in the X-XSRF-TOKEN header"),
				Arguments.of(new MissingCsrfTokenException("made-up"), "made-up", "no token was issued to this client"),
				Arguments.of(new InvalidCsrfTokenException(new DefaultCsrfToken(HEADER, "_csrf", issued), "made-up"),
						"made-up", "token is not the one issued to this client"),
				Arguments.of(new CsrfException("The CSRF check was skipped"), "made-up",
						"token is not the one issued to this client"));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("csrfFailures")
	void handleWhenCsrfFailureThenCsrfFailedProblemNamingThePrimingEndpointAndTheHeader(CsrfException failure,
			String header, String reason) throws Exception {
		this.request.setCookies(new Cookie("XSRF-TOKEN", this.signer.newToken()));
		if (header != null) {
			this.request.addHeader(HEADER, header);
		}

		this.handler.handle(this.request, this.response, failure);

		assertThat(this.response.getStatus()).isEqualTo(403);
		JsonNode problem = TestProblems.problem(this.response);
		assertThat(problem.get("code").asString()).isEqualTo("csrf_failed");
		assertThat(problem.get("detail").asString()).contains("GET /api/auth/csrf").contains("the X-XSRF-TOKEN header");
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("csrfFailures")
	void handleWhenCsrfFailureThenRejectionPublishedWithItsReason(CsrfException failure, String header, String reason)
			throws Exception {
		this.request.setCookies(new Cookie("XSRF-TOKEN", this.signer.newToken()));
		this.request.setRemoteAddr("203.0.113.7");
		if (header != null) {
			this.request.addHeader(HEADER, header);
		}

		this.handler.handle(this.request, this.response, failure);

		assertThat(this.events.securityEventList()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(SecurityEvent.Type.CSRF_REJECTED);
			assertThat(event.reason()).isEqualTo(reason);
			assertThat(event.code()).isEqualTo(reason.startsWith("no token in") ? "missing_token"
					: reason.startsWith("no token was issued") ? "no_token_issued" : "invalid_token");
			assertThat(event.username()).isNull();
			assertThat(event.address()).isEqualTo("203.0.113.7");
			assertThat(event.method()).isEqualTo("POST");
			assertThat(event.path()).isEqualTo("/api/auth/login");
			assertThat(event.at()).isEqualTo(RecordingEventPublisher.NOW);
		});
	}

	@Test
	void handleWhenSignedTokenCameWithoutAnyOfTheApisCookiesThenDetailSaysTheCookiesAreMissing() throws Exception {
		this.request.addHeader(HEADER, this.signer.newToken());

		this.handler.handle(this.request, this.response, new MissingCsrfTokenException("x"));

		assertThat(this.response.getStatus()).isEqualTo(403);
		JsonNode problem = TestProblems.problem(this.response);
		assertThat(problem.get("code").asString()).isEqualTo("csrf_failed");
		assertThat(problem.get("detail").asString()).contains("did not send the API's cookies")
			.contains("third-party cookies");
		assertThat(this.events.securityEventList()).singleElement().satisfies((event) -> {
			assertThat(event.reason()).isEqualTo("token without the API's cookies");
			assertThat(event.code()).isEqualTo("no_cookies");
		});
	}

	@Test
	void handleWhenSignedTokenCameWithTheCsrfCookieThenTheUsualDetail() throws Exception {
		this.request.addHeader(HEADER, this.signer.newToken());
		this.request.setCookies(new Cookie("XSRF-TOKEN", this.signer.newToken()));

		this.handler.handle(this.request, this.response, new InvalidCsrfTokenException(
				new DefaultCsrfToken(HEADER, "_csrf", this.signer.newToken()), this.request.getHeader(HEADER)));

		assertThat(TestProblems.problem(this.response).get("detail").asString())
			.contains("CSRF token is missing or invalid")
			.doesNotContain("cookies");
	}

	@Test
	void handleWhenCsrfFailureThenNeitherTheProblemNorTheEventHoldsTheToken() throws Exception {
		String submitted = this.signer.newToken();
		String issued = this.signer.newToken();
		this.request.addHeader(HEADER, submitted);
		this.request.setCookies(new Cookie("XSRF-TOKEN", issued));

		this.handler.handle(this.request, this.response,
				new InvalidCsrfTokenException(new DefaultCsrfToken(HEADER, "_csrf", issued), submitted));

		assertThat(this.response.getContentAsString()).doesNotContain(submitted).doesNotContain(issued);
		assertThat(this.events.securityEventList()).singleElement()
			.satisfies((event) -> assertThat(event.toString()).doesNotContain(submitted).doesNotContain(issued));
	}

	@Test
	void handleWhenOtherAccessDeniedThenForbiddenProblemAndNoCsrfEvent() throws Exception {
		this.request.addHeader(HEADER, this.signer.newToken());

		this.handler.handle(this.request, this.response, new AccessDeniedException("Access Denied"));

		assertThat(this.response.getStatus()).isEqualTo(403);
		JsonNode problem = TestProblems.problem(this.response);
		assertThat(problem.get("code").asString()).isEqualTo("forbidden");
		assertThat(problem.get("detail").asString()).contains("not allowed");
		assertThat(this.events.all()).isEmpty();
	}

}
