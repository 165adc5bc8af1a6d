package dev.spaauth.deployment;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.spaauth.testapp.TestDeployments;
import dev.spaauth.testapp.TestProblems;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link AllowedOriginsCorsFilter}, for the API at {@code https://api.example.test} and its sibling SPA. */
class AllowedOriginsCorsFilterTests {

	private static final String SPA = TestDeployments.SIBLING_SPA;

	private final AllowedOriginsCorsFilter filter = new AllowedOriginsCorsFilter(TestDeployments.sibling(),
			"X-XSRF-TOKEN", TestProblems.writer());

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final MockFilterChain chain = new MockFilterChain();

	@Test
	void doFilterWhenRequestFromTheAllowedOriginThenTheExactOriginIsEchoedWithCredentials() throws Exception {
		MockHttpServletRequest request = request("POST", "/api/auth/login", SPA);

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(request);
		assertThat(this.response.getHeader("Access-Control-Allow-Origin")).isEqualTo(SPA);
		assertThat(this.response.getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(this.response.getHeaders("Access-Control-Expose-Headers").toString()).contains("Location")
			.contains("Retry-After");
	}

	/** Regression: Spring's matching ignores case and a trailing "/", and echoed the request's spelling. */
	@ParameterizedTest
	@ValueSource(strings = { "https://APP.example.test", "https://app.example.test/", "https://app.example.test:443" })
	void doFilterWhenTheAllowedOriginIsSpelledOtherwiseThenRefusedWithoutAllowHeaders(String spelling)
			throws Exception {
		MockHttpServletRequest request = request("GET", "/api/auth/session", spelling);

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(this.response.getHeader("Access-Control-Allow-Origin")).isNull();
		assertThat(this.response.getHeader("Access-Control-Allow-Credentials")).isNull();
	}

	@Test
	void doFilterWhenCorsRequestThenTheResponseVariesOnOrigin() throws Exception {
		this.filter.doFilter(request("GET", "/api/auth/session", SPA), this.response, this.chain);

		assertThat(this.response.getHeaders("Vary")).contains("Origin");
	}

	@Test
	void doFilterWhenPreflightFromTheAllowedOriginThenAnsweredHereWithoutASessionOrTheRestOfTheChain()
			throws Exception {
		MockHttpServletRequest preflight = preflight(SPA, "DELETE", "content-type, x-xsrf-token");

		this.filter.doFilter(preflight, this.response, this.chain);

		assertThat(this.chain.getRequest()).isNull();
		assertThat(preflight.getSession(false)).isNull();
		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getHeader("Access-Control-Allow-Origin")).isEqualTo(SPA);
		assertThat(this.response.getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(this.response.getHeader("Access-Control-Allow-Methods")).contains("DELETE");
		assertThat(this.response.getHeader("Access-Control-Allow-Headers").toLowerCase()).contains("content-type")
			.contains("x-xsrf-token");
		assertThat(this.response.getHeader("Access-Control-Max-Age")).isEqualTo("600");
		assertThat(this.response.getHeaders("Vary")).contains("Origin", "Access-Control-Request-Method",
				"Access-Control-Request-Headers");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "https://attacker.example | POST | content-type",
			"https://other.example.test | POST | content-type", "http://app.example.test | POST | content-type",
			"null | POST | content-type", "https://app.example.test | CONNECT | content-type",
			"https://app.example.test | TRACE | content-type", "https://app.example.test | POST | cookie",
			"https://app.example.test | POST | authorization", "https://app.example.test | POST | x-requested-with" })
	void doFilterWhenPreflightForAnOriginMethodOrHeaderNotAllowedThenForbiddenProblemWithoutAllowHeaders(String origin,
			String method, String headers) throws Exception {
		this.filter.doFilter(preflight(origin, method, headers), this.response, this.chain);

		assertThat(this.chain.getRequest()).isNull();
		assertRefusedWithoutAllowHeaders();
	}

	@ParameterizedTest
	@CsvSource({ "https://attacker.example", "https://other.example.test", "null" })
	void doFilterWhenRequestFromAnotherOriginThenForbiddenProblemWithoutAllowHeaders(String origin) throws Exception {
		this.filter.doFilter(request("POST", "/api/auth/logout", origin), this.response, this.chain);

		assertThat(this.chain.getRequest()).isNull();
		assertRefusedWithoutAllowHeaders();
		assertThat(this.response.getHeaders("Vary")).contains("Origin");
	}

	@Test
	void doFilterWhenExtraHeadersConfiguredThenAllowedOnPreflights() throws Exception {
		AllowedOriginsCorsFilter filter = new AllowedOriginsCorsFilter(
				TestDeployments.sibling(new Deployment.Cors(Duration.ofSeconds(30), List.of("Authorization"))),
				"X-XSRF-TOKEN", TestProblems.writer());

		filter.doFilter(preflight(SPA, "POST", "authorization, content-type"), this.response, this.chain);

		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getHeader("Access-Control-Allow-Headers").toLowerCase()).contains("authorization");
		assertThat(this.response.getHeader("Access-Control-Max-Age")).isEqualTo("30");
	}

	@Test
	void doFilterWhenTheCsrfHeaderHasAnotherNameThenThatNameIsAllowed() throws Exception {
		AllowedOriginsCorsFilter filter = new AllowedOriginsCorsFilter(TestDeployments.sibling(), "X-CSRFToken",
				TestProblems.writer());

		filter.doFilter(preflight(SPA, "POST", "x-csrftoken"), this.response, this.chain);

		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getHeader("Access-Control-Allow-Headers").toLowerCase()).contains("x-csrftoken");
	}

	@Test
	void doFilterWhenNoOriginThenNotCorsAndPassesWithoutCorsHeaders() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(request);
		assertThat(this.response.getHeaderNames()).noneMatch((name) -> name.startsWith("Access-Control-"));
	}

	private void assertRefusedWithoutAllowHeaders() throws Exception {
		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		assertThat(this.response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(TestProblems.code(this.response)).isEqualTo("origin_forbidden");
		assertThat(this.response.getHeaderNames()).noneMatch((name) -> name.startsWith("Access-Control-Allow-"));
	}

	private static MockHttpServletRequest request(String method, String path, String origin) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setScheme("https");
		request.setServerName("api.example.test");
		request.setServerPort(443);
		request.addHeader("Origin", origin);
		return request;
	}

	private static MockHttpServletRequest preflight(String origin, String method, String headers) {
		MockHttpServletRequest request = request("OPTIONS", "/api/auth/logout", origin);
		request.addHeader("Access-Control-Request-Method", method);
		request.addHeader("Access-Control-Request-Headers", headers);
		return request;
	}

}
