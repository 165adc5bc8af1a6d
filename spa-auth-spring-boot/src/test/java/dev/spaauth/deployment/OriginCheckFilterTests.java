package dev.spaauth.deployment;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.testapp.RecordingEventPublisher;
import dev.spaauth.testapp.TestDeployments;
import dev.spaauth.testapp.TestProblems;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link OriginCheckFilter}, for the API at {@code https://api.example.test} and its sibling SPA. */
class OriginCheckFilterTests {

	private final RecordingEventPublisher events = new RecordingEventPublisher();

	private final OriginCheckFilter filter = new OriginCheckFilter(TestDeployments.sibling(), TestProblems.writer(),
			this.events.securityEvents());

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final MockFilterChain chain = new MockFilterChain();

	static Stream<Arguments> refusals() {
		return Stream.of(
				Arguments.of(headers("Origin", "https://app.example.test", "Origin", "https://app.example.test"),
						"several Origin headers"),
				Arguments.of(headers("Referer", "https://app.example.test/", "Referer", "https://app.example.test/x"),
						"several Referer headers"),
				Arguments.of(headers("Origin", "null"), "Origin malformed, opaque or not http(s)"),
				Arguments.of(headers("Origin", "https://app.example.test/path"), "Origin malformed, opaque or not http(s)"),
				Arguments.of(headers("Origin", "chrome-extension://abcdef"), "Origin malformed, opaque or not http(s)"),
				Arguments.of(headers("Origin", "https://["), "Origin malformed, opaque or not http(s)"),
				Arguments.of(headers("Origin", "https://attacker.example"),
						"Origin https://attacker.example is not a trusted origin"),
				Arguments.of(headers("Origin", "https://other.example.test"),
						"Origin https://other.example.test is not a trusted origin"),
				Arguments.of(headers("Origin", "http://app.example.test"),
						"Origin http://app.example.test is not a trusted origin"),
				Arguments.of(headers("Origin", "https://attacker.example", "Referer", "https://app.example.test/"),
						"Origin https://attacker.example is not a trusted origin"),
				Arguments.of(headers("Referer", "about:blank"), "Referer malformed, opaque or not http(s)"),
				Arguments.of(headers("Referer", "/relative/path"), "Referer malformed, opaque or not http(s)"),
				Arguments.of(headers("Referer", "https://attacker.example/page?x=1"),
						"Referer https://attacker.example is not a trusted origin"),
				Arguments.of(headers("Origin", "HTTPS://APP.example.test:443"),
						"Origin HTTPS://APP.example.test:443 is not a trusted origin"),
				Arguments.of(headers("Origin", "https://app.example.test/"), "Origin https://app.example.test/ is not a trusted origin"),
				Arguments.of(headers("Referer", "https://APP.example.test/page"),
						"Referer https://APP.example.test is not a trusted origin"),
				Arguments.of(headers("Sec-Fetch-Site", "cross-site"), "Sec-Fetch-Site cross-site without Origin or Referer"),
				Arguments.of(headers("Sec-Fetch-Site", "same-site"), "Sec-Fetch-Site same-site without Origin or Referer"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("refusals")
	void doFilterWhenUnsafeRequestFromAnUntrustedOrUnclearOriginThenOriginForbiddenProblem(String[] headers,
			String reason) throws Exception {
		add(headers);

		this.filter.doFilter(this.request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isNull();
		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(TestProblems.code(this.response)).isEqualTo("origin_forbidden");
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("refusals")
	void doFilterWhenRefusedThenRejectionPublishedWithItsReason(String[] headers, String reason) throws Exception {
		add(headers);

		this.filter.doFilter(this.request, this.response, this.chain);

		assertThat(this.events.securityEventList()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(SecurityEvent.Type.ORIGIN_REJECTED);
			assertThat(event.reason()).isEqualTo(reason);
			assertThat(event.code()).isEqualTo(code(reason));
			assertThat(event.path()).isEqualTo("/api/auth/login");
		});
	}

	/** The word the metrics count a refusal by, which never holds the origin sent. */
	private static String code(String reason) {
		if (reason.startsWith("several")) {
			return "duplicate_header";
		}
		if (reason.startsWith("Sec-Fetch-Site")) {
			return "cross_site_without_origin";
		}
		return reason.contains("malformed") ? "malformed_origin" : "untrusted_origin";
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE", "PROPFIND" })
	void doFilterWhenAnyUnsafeMethodFromAnUntrustedOriginThenRefused(String method) throws Exception {
		this.request.setMethod(method);
		this.request.addHeader("Origin", "https://attacker.example");

		this.filter.doFilter(this.request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isNull();
		assertThat(this.response.getStatus()).isEqualTo(403);
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD", "OPTIONS", "TRACE" })
	void doFilterWhenSafeMethodFromAnUntrustedOriginThenPasses(String method) throws Exception {
		this.request.setMethod(method);
		this.request.addHeader("Origin", "https://attacker.example");
		this.request.addHeader("Sec-Fetch-Site", "cross-site");

		this.filter.doFilter(this.request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(this.request);
		assertThat(this.events.all()).isEmpty();
	}

	static Stream<Arguments> trusted() {
		return Stream.of(Arguments.of((Object) headers("Origin", "https://app.example.test")),
				Arguments.of((Object) headers("Origin", "https://api.example.test")),
				Arguments.of((Object) headers("Origin", "https://app.example.test", "Referer", "https://attacker.example/")),
				Arguments.of((Object) headers("Referer", "https://app.example.test/settings?tab=1")),
				Arguments.of((Object) headers("Referer", "https://api.example.test/")),
				Arguments.of((Object) headers("Origin", "https://app.example.test", "Sec-Fetch-Site", "same-site")));
	}

	@ParameterizedTest
	@MethodSource("trusted")
	void doFilterWhenUnsafeRequestFromATrustedOriginThenPasses(String[] headers) throws Exception {
		add(headers);

		this.filter.doFilter(this.request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(this.request);
		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.events.all()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "same-origin", "none" })
	void doFilterWhenFetchMetadataIsSameOriginOrNoneAndNoOriginOrRefererThenPassesOnToTheCsrfCheck(String site)
			throws Exception {
		this.request.addHeader("Sec-Fetch-Site", site);

		this.filter.doFilter(this.request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(this.request);
	}

	@Test
	void doFilterWhenNoBrowserHeadersThenPassesOnToTheCsrfCheck() throws Exception {
		this.filter.doFilter(this.request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(this.request);
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void doFilterWhenRefusedThenTheDetailNamesTheSetting() throws Exception {
		this.request.addHeader("Origin", "https://attacker.example");

		this.filter.doFilter(this.request, this.response, this.chain);

		assertThat(TestProblems.problem(this.response).get("detail").asString()).contains("spa-auth.allowed-origins");
		assertThat(this.response.getHeader("Cache-Control")).isEqualTo("no-store");
	}

	private void add(String[] headers) {
		for (int i = 0; i < headers.length; i += 2) {
			this.request.addHeader(headers[i], headers[i + 1]);
		}
	}

	private static String[] headers(String... namesAndValues) {
		return namesAndValues;
	}

}
