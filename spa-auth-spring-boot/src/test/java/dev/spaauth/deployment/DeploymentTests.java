package dev.spaauth.deployment;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.web.filter.ForwardedHeaderFilter;

import dev.spaauth.SpaAuthConfigurationException;
import dev.spaauth.testapp.TestDeployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Unit tests of {@link Deployment}; its refusals at start-up are covered by
 * {@code SpaAuthConfigurationValidatorTests}.
 */
class DeploymentTests {

	@ParameterizedTest
	@CsvSource({ "https://api.example.test, true", "https://app.example.test, true", "http://api.example.test, false",
			"https://api.example.test:8443, false", "https://other.example.test, false", "https://attacker.example, false" })
	void isTrustedWhenPublicOriginThenThePublicAndTheAllowedOriginsOnly(String origin, boolean trusted) {
		assertThat(TestDeployments.sibling().isTrusted(origin, request("http", "localhost", 8080))).isEqualTo(trusted);
	}

	/** Regression: origins were matched after normalisation, so these spellings of trusted ones passed. */
	@ParameterizedTest
	@ValueSource(strings = { "https://APP.example.test", "https://app.example.test/", "https://app.example.test:443",
			"HTTPS://app.example.test", "https://app.example.test.", "https://API.example.test:443", "https://api.example.test/" })
	void isTrustedWhenATrustedOriginIsSpelledOtherwiseThenNotTrusted(String spelling) {
		assertThat(TestDeployments.sibling().isTrusted(spelling, request("http", "localhost", 8080))).isFalse();
		assertThat(TestDeployments.sibling().isAllowed(spelling)).isFalse();
	}

	@Test
	void isTrustedWhenPublicOriginThenTheHostTheRequestWasAddressedToIsNotTrusted() {
		HttpServletRequest addressedToAttacker = request("https", "attacker.example", 443);

		assertThat(TestDeployments.sibling().isTrusted("https://attacker.example", addressedToAttacker)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "http, localhost, 8080, http://localhost:8080, true", "http, localhost, 8080, http://localhost:8081, false",
			"http, localhost, 8080, https://localhost:8080, false", "http, localhost, 8080, http://127.0.0.1:8080, false",
			"https, api.example.com, 443, https://api.example.com, true", "http, api.example.com, 80, http://api.example.com, true",
			"https, API.Example.com, 443, https://api.example.com, true",
			"https, api.example.com, 443, https://api.example.com:443, false" })
	void isTrustedWhenNoPublicOriginThenTheRequestsOwnOrigin(String scheme, String host, int port, String origin,
			boolean trusted) {
		assertThat(TestDeployments.sameOrigin().isTrusted(origin, request(scheme, host, port))).isEqualTo(trusted);
	}

	@ParameterizedTest
	@ValueSource(strings = { "::1", "[::1]" })
	void isTrustedWhenNoPublicOriginAndAnIpv6HostThenTheBracketedOrigin(String serverName) {
		assertThat(TestDeployments.sameOrigin().isTrusted("http://[::1]:8080", request("http", serverName, 8080)))
			.isTrue();
	}

	@Test
	void isTrustedWhenNoPublicOriginThenRawForwardedHeadersAreIgnored() {
		MockHttpServletRequest request = request("http", "localhost", 8080);
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("X-Forwarded-Host", "attacker.example");
		request.addHeader("Forwarded", "proto=https;host=attacker.example");

		assertThat(TestDeployments.sameOrigin().isTrusted("https://attacker.example", request)).isFalse();
		assertThat(TestDeployments.sameOrigin().isTrusted("http://localhost:8080", request)).isTrue();
	}

	@Test
	void isTrustedWhenNoPublicOriginAndTheForwardedHeadersWereAppliedThenTheForwardedOrigin() throws Exception {
		MockHttpServletRequest request = request("http", "localhost", 8080);
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("X-Forwarded-Host", "api.example.com");
		request.addHeader("X-Forwarded-Port", "443");

		HttpServletRequest forwarded = forwardedAsTheProxySaid(request);

		assertThat(TestDeployments.sameOrigin().isTrusted("https://api.example.com", forwarded)).isTrue();
		assertThat(TestDeployments.sameOrigin().isTrusted("http://localhost:8080", forwarded)).isFalse();
	}

	@Test
	void resolveThenOriginsAreNormalisedAndAllowedOriginsKeepTheirOrder() {
		Deployment deployment = Deployment.resolve("https://API.example.test/",
				List.of("https://b.example.test:443", "https://A.example.test"), true, null, null, TestDeployments.DEFAULT_CORS);

		assertThat(deployment.publicOrigin()).isEqualTo(Origin.parse("https://api.example.test"));
		assertThat(deployment.allowedOrigins()).containsExactly(Origin.parse("https://b.example.test"),
				Origin.parse("https://a.example.test"));
	}

	@Test
	void resolveWhenNoOriginsConfiguredThenNoPublicOrAllowedOrigins() {
		assertThat(TestDeployments.sameOrigin().publicOrigin()).isNull();
		assertThat(TestDeployments.sameOrigin().allowedOrigins()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(nullValues = "-", value = { "-, -, -, LAX", "https://api.example.test, https://app.example.test, -, LAX",
			"https://api.example.test, https://app.example.test;https://admin.example.test:8443, -, LAX",
			"https://api.example.test, https://app.other-site.test, -, NONE",
			"https://api.example.test, https://app.example.test;https://app.other-site.test, -, NONE",
			"https://alice.github.io, https://bob.github.io, -, NONE",
			"https://api.example.test, https://app.example.test, STRICT, STRICT",
			"https://api.example.test, https://app.example.test, NONE, NONE", "-, -, STRICT, STRICT",
			"https://api.example.test, https://app.other-site.test, NONE, NONE" })
	void sameSiteThenTheConfiguredValueOrLaxForSameSiteSpasAndNoneForCrossSiteOnes(String publicOrigin, String allowed,
			SameSite configured, SameSite expected) {
		List<String> allowedOrigins = (allowed != null) ? Arrays.asList(allowed.split(";")) : List.of();

		Deployment deployment = Deployment.resolve(publicOrigin, allowedOrigins, true, configured, null,
				TestDeployments.DEFAULT_CORS);

		assertThat(deployment.sameSite()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "-", value = { "-, -, -, false", "https://app.example.test, -, -, false",
			"https://app.other-site.test, -, -, true", "https://app.other-site.test, -, false, false",
			"https://app.example.test, -, true, true", "https://app.example.test, NONE, -, true" })
	void partitionedThenTheConfiguredValueOrWhetherSameSiteIsNone(String allowed, SameSite sameSite,
			Boolean configured, boolean expected) {
		List<String> allowedOrigins = (allowed != null) ? List.of(allowed) : List.of();

		Deployment deployment = Deployment.resolve((allowed != null) ? "https://api.example.test" : null, allowedOrigins,
				true, sameSite, configured, TestDeployments.DEFAULT_CORS);

		assertThat(deployment.partitionedCookies()).isEqualTo(expected);
		assertThat(deployment.cookie("c", "v").build().isPartitioned()).isEqualTo(expected);
	}

	@Test
	void partitionedWithoutSecureThenStartUpFailsSayingWhatToChange() {
		assertThatExceptionOfType(SpaAuthConfigurationException.class)
			.isThrownBy(() -> Deployment.resolve(null, List.of(), false, null, true, TestDeployments.DEFAULT_CORS))
			.withMessageContaining("Partitioned cookies without Secure")
			.withMessageContaining("spa-auth.cookies.secure=true");
	}

	@Test
	void secureCookiesThenAsConfigured() {
		assertThat(TestDeployments.sameOrigin().secureCookies()).isTrue();
		assertThat(TestDeployments.plainHttpDevelopment().secureCookies()).isFalse();
	}

	@Test
	void crossOriginResourcePolicyWhenNoSpaOriginsThenSameOrigin() {
		assertThat(TestDeployments.sameOrigin().crossOriginResourcePolicy())
			.isEqualTo(CrossOriginResourcePolicy.SAME_ORIGIN);
	}

	@Test
	void crossOriginResourcePolicyWhenSpaOriginsThenSameSite() {
		assertThat(TestDeployments.sibling().crossOriginResourcePolicy()).isEqualTo(CrossOriginResourcePolicy.SAME_SITE);
		assertThat(TestDeployments.crossSite().crossOriginResourcePolicy())
			.isEqualTo(CrossOriginResourcePolicy.SAME_SITE);
	}

	@Test
	void cookieWhenSecureThenHostOnlyForEveryPathSecureWithTheSameSiteValue() {
		ResponseCookie cookie = TestDeployments.crossSite().cookie("XSRF-TOKEN", "value").build();

		assertThat(cookie.getName()).isEqualTo("XSRF-TOKEN");
		assertThat(cookie.getValue()).isEqualTo("value");
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.getDomain()).isNull();
		assertThat(cookie.isSecure()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("None");
		assertThat(cookie.isHttpOnly()).isFalse();
		assertThat(cookie.getMaxAge().isNegative()).isTrue();
	}

	@Test
	void cookieWhenPlainHttpDevelopmentThenNotSecureAndLax() {
		ResponseCookie cookie = TestDeployments.plainHttpDevelopment().cookie("XSRF-TOKEN", "value").build();

		assertThat(cookie.isSecure()).isFalse();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.toString()).contains("Path=/").doesNotContain("Domain").doesNotContain("Secure");
	}

	@Test
	void corsThenAsConfigured() {
		Deployment.Cors cors = new Deployment.Cors(java.time.Duration.ofMinutes(1), List.of("Authorization"));

		assertThat(TestDeployments.sibling(cors).cors()).isEqualTo(cors);
	}

	private static MockHttpServletRequest request(String scheme, String host, int port) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		return request;
	}

	/** Applies the forwarded headers as {@code server.forward-headers-strategy=framework} does. */
	private static HttpServletRequest forwardedAsTheProxySaid(MockHttpServletRequest request) throws Exception {
		AtomicReference<HttpServletRequest> forwarded = new AtomicReference<>();
		new ForwardedHeaderFilter().doFilter(request, new MockHttpServletResponse(),
				(req, res) -> forwarded.set((HttpServletRequest) req));
		return forwarded.get();
	}

}
