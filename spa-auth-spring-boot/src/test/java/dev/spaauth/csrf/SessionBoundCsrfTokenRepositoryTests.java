package dev.spaauth.csrf;

import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.mock.web.MockCookie;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DeferredCsrfToken;

import dev.spaauth.deployment.Deployment;
import dev.spaauth.testapp.TestDeployments;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link SessionBoundCsrfTokenRepository}. */
class SessionBoundCsrfTokenRepositoryTests {

	private static final String COOKIE = "XSRF-TOKEN";

	private static final String HEADER = "X-XSRF-TOKEN";

	private final CsrfTokenSigner signer = CsrfTokenSigner.withRandomSecret();

	private final SessionBoundCsrfTokenRepository repository = repository(TestDeployments.sameOrigin());

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void generateTokenThenSignedValueUnderTheConfiguredHeaderName() {
		CsrfToken token = this.repository.generateToken(this.request);

		assertThat(token.getHeaderName()).isEqualTo(HEADER);
		assertThat(token.getParameterName()).isEqualTo("_csrf");
		assertThat(this.signer.isAuthentic(token.getToken())).isTrue();
		assertThat(this.repository.headerName()).isEqualTo(HEADER);
	}

	@Test
	void generateTokenWhenCalledTwiceThenDifferentValues() {
		assertThat(this.repository.generateToken(this.request).getToken())
			.isNotEqualTo(this.repository.generateToken(this.request).getToken());
	}

	@Test
	void generateTokenThenNothingIsStoredOrDelivered() {
		this.repository.generateToken(this.request);

		assertThat(this.request.getSession(false)).isNull();
		assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
	}

	@Test
	void saveTokenWhenSessionThenStoredInTheSessionAndDeliveredInTheCookie() {
		MockHttpSession session = new MockHttpSession();
		this.request.setSession(session);
		CsrfToken token = this.repository.generateToken(this.request);

		this.repository.saveToken(token, this.request, this.response);

		assertThat(session.getAttribute(SessionBoundCsrfTokenRepository.SESSION_ATTRIBUTE)).isEqualTo(token.getToken());
		assertThat(this.response.getCookie(COOKIE).getValue()).isEqualTo(token.getToken());
	}

	@Test
	void saveTokenWhenNoSessionThenOnlyTheCookieAndNoSessionIsCreated() {
		CsrfToken token = this.repository.generateToken(this.request);

		this.repository.saveToken(token, this.request, this.response);

		assertThat(this.request.getSession(false)).isNull();
		assertThat(this.response.getCookie(COOKIE).getValue()).isEqualTo(token.getToken());
	}

	@Test
	void saveTokenWhenNullThenSessionTokenRemovedAndCookieExpired() {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(SessionBoundCsrfTokenRepository.SESSION_ATTRIBUTE, this.signer.newToken());
		this.request.setSession(session);

		this.repository.saveToken(null, this.request, this.response);

		assertThat(session.getAttribute(SessionBoundCsrfTokenRepository.SESSION_ATTRIBUTE)).isNull();
		MockCookie cookie = cookie(this.response);
		assertThat(cookie.getValue()).isEmpty();
		assertThat(cookie.getMaxAge()).isZero();
	}

	@Test
	void saveTokenThenCookieIsReadableByScriptsHostOnlyForEveryPathAndLivesAsLongAsTheBrowser() {
		this.repository.saveToken(this.repository.generateToken(this.request), this.request, this.response);

		MockCookie cookie = cookie(this.response);
		assertThat(cookie.isHttpOnly()).isFalse();
		assertThat(cookie.getDomain()).isNull();
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.getMaxAge()).isEqualTo(-1);
	}

	static Stream<Arguments> deployments() {
		return Stream.of(Arguments.of("same origin", TestDeployments.sameOrigin(), true, "Lax"),
				Arguments.of("plain-HTTP development", TestDeployments.plainHttpDevelopment(), false, "Lax"),
				Arguments.of("sibling SPA", TestDeployments.sibling(), true, "Lax"),
				Arguments.of("sibling SPA, Strict configured", TestDeployments.siblingWith(SameSite.STRICT), true,
						"Strict"),
				Arguments.of("cross-site SPA", TestDeployments.crossSite(), true, "None"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deployments")
	void saveTokenThenCookieSecureAndSameSiteComeFromTheDeployment(String name, Deployment deployment, boolean secure,
			String sameSite) {
		SessionBoundCsrfTokenRepository repository = repository(deployment);

		repository.saveToken(repository.generateToken(this.request), this.request, this.response);

		MockCookie cookie = cookie(this.response);
		assertThat(cookie.getSecure()).isEqualTo(secure);
		assertThat(cookie.getSameSite()).isEqualTo(sameSite);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deployments")
	void saveTokenWhenNullThenTheExpiringCookieHasTheSameAttributes(String name, Deployment deployment,
			boolean secure, String sameSite) {
		repository(deployment).saveToken(null, this.request, this.response);

		MockCookie cookie = cookie(this.response);
		assertThat(cookie.getSecure()).isEqualTo(secure);
		assertThat(cookie.getSameSite()).isEqualTo(sameSite);
		assertThat(cookie.getPath()).isEqualTo("/");
	}

	@Test
	void deliverThenCookieWrittenAndNothingStored() {
		MockHttpSession session = new MockHttpSession();
		this.request.setSession(session);
		CsrfToken token = this.repository.generateToken(this.request);

		this.repository.deliver(token, this.response);

		assertThat(this.response.getCookie(COOKIE).getValue()).isEqualTo(token.getToken());
		assertThat(session.getAttribute(SessionBoundCsrfTokenRepository.SESSION_ATTRIBUTE)).isNull();
	}

	@Test
	void loadTokenWhenSessionHoldsATokenThenTheSessionsTokenWhateverTheCookieSays() {
		String sessionToken = this.signer.newToken();
		this.request.setSession(sessionWithToken(sessionToken));
		this.request.setCookies(new Cookie(COOKIE, this.signer.newToken()));

		CsrfToken token = this.repository.loadToken(this.request);

		assertThat(token.getToken()).isEqualTo(sessionToken);
		assertThat(token.getHeaderName()).isEqualTo(HEADER);
	}

	@Test
	void loadTokenWhenSessionWithoutTokenThenNullEvenWithASignedCookie() {
		this.request.setSession(new MockHttpSession());
		this.request.setCookies(new Cookie(COOKIE, this.signer.newToken()));

		assertThat(this.repository.loadToken(this.request)).isNull();
	}

	@Test
	void loadTokenWhenNoSessionAndSignedCookieThenTheCookiesToken() {
		String signed = this.signer.newToken();
		this.request.setCookies(new Cookie(COOKIE, signed));

		assertThat(this.repository.loadToken(this.request).getToken()).isEqualTo(signed);
		assertThat(this.request.getSession(false)).isNull();
	}

	@Test
	void loadTokenWhenNoSessionAndCookieMadeUpByTheClientThenNull() {
		this.request.setCookies(new Cookie(COOKIE, "A".repeat(43)));

		assertThat(this.repository.loadToken(this.request)).isNull();
	}

	@Test
	void loadTokenWhenNoSessionAndCookieSignedWithAnotherSecretThenNull() {
		this.request.setCookies(new Cookie(COOKIE, CsrfTokenSigner.withRandomSecret().newToken()));

		assertThat(this.repository.loadToken(this.request)).isNull();
	}

	@Test
	void loadTokenWhenTwoCookiesOfTheNameThenNeitherIsTrusted() {
		this.request.setCookies(new Cookie(COOKIE, this.signer.newToken()), new Cookie(COOKIE, this.signer.newToken()));

		assertThat(this.repository.loadToken(this.request)).isNull();
	}

	@Test
	void loadTokenWhenTheSameSignedCookieTwiceThenTrustedAsOnce() {
		// A partitioned and an unpartitioned copy, as a browser sends them after Partitioned is turned
		// on: one value twice brings nothing a single cookie of that value would not.
		String signed = this.signer.newToken();
		this.request.setCookies(new Cookie(COOKIE, signed), new Cookie(COOKIE, signed));

		assertThat(this.repository.loadToken(this.request).getToken()).isEqualTo(signed);
	}

	@Test
	void saveTokenWhenPartitionedThenAnExpiredUnpartitionedCookieOfTheNameGoesFirst() {
		SessionBoundCsrfTokenRepository partitioned = repository(TestDeployments.crossSite());
		MockHttpServletResponse response = new MockHttpServletResponse();

		partitioned.saveToken(partitioned.generateToken(this.request), this.request, response);

		assertThat(response.getHeaders("Set-Cookie")).hasSize(2);
		assertThat(response.getHeaders("Set-Cookie").get(0)).startsWith(COOKIE + "=;")
			.contains("Max-Age=0")
			.doesNotContain("Partitioned");
		assertThat(response.getHeaders("Set-Cookie").get(1)).startsWith(COOKIE + "=")
			.contains("Partitioned")
			.doesNotContain("Max-Age=0");
	}

	@Test
	void loadTokenWhenSignedTokenOnlyInACookieOfAnotherNameThenNull() {
		this.request.setCookies(new Cookie("csrftoken", this.signer.newToken()), new Cookie("SESSION", "x"));

		assertThat(this.repository.loadToken(this.request)).isNull();
	}

	@Test
	void loadTokenWhenNoCookiesThenNull() {
		assertThat(this.repository.loadToken(this.request)).isNull();
	}

	@Test
	void loadDeferredTokenWhenClientHasATokenThenItIsLoadedNotGenerated() {
		String signed = this.signer.newToken();
		this.request.setCookies(new Cookie(COOKIE, signed));

		DeferredCsrfToken deferred = this.repository.loadDeferredToken(this.request, this.response);

		assertThat(deferred.get().getToken()).isEqualTo(signed);
		assertThat(deferred.isGenerated()).isFalse();
	}

	@Test
	void loadDeferredTokenWhenClientHasNoneThenAFreshValueThatIsNeitherStoredNorDelivered() {
		this.request.setSession(new MockHttpSession());

		DeferredCsrfToken deferred = this.repository.loadDeferredToken(this.request, this.response);

		assertThat(deferred.isGenerated()).isTrue();
		assertThat(deferred.get()).isSameAs(deferred.get());
		assertThat(this.request.getSession(false).getAttribute(SessionBoundCsrfTokenRepository.SESSION_ATTRIBUTE))
			.isNull();
		assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
	}

	@Test
	void loadDeferredTokenWhenClientHasNoneAndNoSessionThenNoSessionIsCreated() {
		DeferredCsrfToken deferred = this.repository.loadDeferredToken(this.request, this.response);

		assertThat(deferred.get().getToken()).isNotEmpty();
		assertThat(this.request.getSession(false)).isNull();
		assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
	}

	@Test
	void isTokenWithoutCookiesWhenSignedHeaderAndNoCookieAndNoSessionThenTrue() {
		this.request.addHeader(HEADER, this.signer.newToken());

		assertThat(this.repository.isTokenWithoutCookies(this.request)).isTrue();
	}

	@Test
	void isTokenWithoutCookiesWhenTheCsrfCookieCameThenFalse() {
		this.request.addHeader(HEADER, this.signer.newToken());
		this.request.setCookies(new Cookie(COOKIE, this.signer.newToken()));

		assertThat(this.repository.isTokenWithoutCookies(this.request)).isFalse();
	}

	@Test
	void isTokenWithoutCookiesWhenSessionThenFalse() {
		this.request.addHeader(HEADER, this.signer.newToken());
		this.request.setSession(new MockHttpSession());

		assertThat(this.repository.isTokenWithoutCookies(this.request)).isFalse();
	}

	@Test
	void isTokenWithoutCookiesWhenHeaderUnsignedOrMissingThenFalse() {
		assertThat(this.repository.isTokenWithoutCookies(this.request)).isFalse();

		this.request.addHeader(HEADER, "A".repeat(43));

		assertThat(this.repository.isTokenWithoutCookies(this.request)).isFalse();
	}

	private SessionBoundCsrfTokenRepository repository(Deployment deployment) {
		return new SessionBoundCsrfTokenRepository(this.signer, COOKIE, HEADER, deployment);
	}

	private static MockHttpSession sessionWithToken(String token) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(SessionBoundCsrfTokenRepository.SESSION_ATTRIBUTE, token);
		return session;
	}

	/**
	 * The cookie written; a partitioned one comes after the expired unpartitioned copy
	 * ({@link #saveTokenWhenPartitionedThenAnExpiredUnpartitionedCookieOfTheNameGoesFirst}).
	 */
	private static MockCookie cookie(MockHttpServletResponse response) {
		java.util.List<String> headers = response.getHeaders("Set-Cookie");
		assertThat(headers).hasSizeBetween(1, 2);
		return MockCookie.parse(headers.get(headers.size() - 1));
	}

}
