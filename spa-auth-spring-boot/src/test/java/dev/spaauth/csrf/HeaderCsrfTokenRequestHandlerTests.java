package dev.spaauth.csrf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link HeaderCsrfTokenRequestHandler}. */
class HeaderCsrfTokenRequestHandlerTests {

	private static final String TOKEN = "jpVm7Ilhp1QWpZ5VLH4nmhTtHtZtxqXCjmUJCOjwk6M";

	private final CsrfToken csrfToken = new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", TOKEN);

	private final HeaderCsrfTokenRequestHandler handler = new HeaderCsrfTokenRequestHandler();

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");

	@Test
	void resolveCsrfTokenValueWhenHeaderSentOnceThenItsValueUnmasked() {
		this.request.addHeader("X-XSRF-TOKEN", TOKEN);

		assertThat(this.handler.resolveCsrfTokenValue(this.request, this.csrfToken)).isEqualTo(TOKEN);
	}

	@Test
	void resolveCsrfTokenValueWhenHeaderNameInOtherCaseThenFound() {
		this.request.addHeader("x-xsrf-token", TOKEN);

		assertThat(this.handler.resolveCsrfTokenValue(this.request, this.csrfToken)).isEqualTo(TOKEN);
	}

	@Test
	void resolveCsrfTokenValueWhenNoHeaderThenNull() {
		assertThat(this.handler.resolveCsrfTokenValue(this.request, this.csrfToken)).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "jpVm7Ilhp1QWpZ5VLH4nmhTtHtZtxqXCjmUJCOjwk6M, made-up",
			"made-up, jpVm7Ilhp1QWpZ5VLH4nmhTtHtZtxqXCjmUJCOjwk6M",
			"jpVm7Ilhp1QWpZ5VLH4nmhTtHtZtxqXCjmUJCOjwk6M, jpVm7Ilhp1QWpZ5VLH4nmhTtHtZtxqXCjmUJCOjwk6M" })
	void resolveCsrfTokenValueWhenHeaderSentTwiceThenNullEvenIfOneOrBothAreValid(String first, String second) {
		this.request.addHeader("X-XSRF-TOKEN", first);
		this.request.addHeader("X-XSRF-TOKEN", second);

		assertThat(this.handler.resolveCsrfTokenValue(this.request, this.csrfToken)).isNull();
	}

	@Test
	void resolveCsrfTokenValueWhenTokenOnlyInTheRequestParameterThenNull() {
		this.request.setParameter("_csrf", TOKEN);
		this.request.setQueryString("_csrf=" + TOKEN);

		assertThat(this.handler.resolveCsrfTokenValue(this.request, this.csrfToken)).isNull();
	}

	@Test
	void resolveCsrfTokenValueWhenTokenOnlyInAFormBodyThenNull() {
		this.request.setContentType("application/x-www-form-urlencoded");
		this.request.setContent(("_csrf=" + TOKEN).getBytes());
		this.request.addParameter("_csrf", TOKEN);

		assertThat(this.handler.resolveCsrfTokenValue(this.request, this.csrfToken)).isNull();
	}

	@Test
	void resolveCsrfTokenValueThenMarksTheRequestAsChecked() {
		assertThat(this.request.getAttribute(HeaderCsrfTokenRequestHandler.CHECKED_ATTRIBUTE)).isNull();

		this.handler.resolveCsrfTokenValue(this.request, this.csrfToken);

		assertThat(this.request.getAttribute(HeaderCsrfTokenRequestHandler.CHECKED_ATTRIBUTE)).isEqualTo(Boolean.TRUE);
	}

	@Test
	void handleThenTheRequestAttributeHoldsTheTokenAsIssuedNotMasked() {
		this.handler.handle(this.request, new MockHttpServletResponse(), () -> this.csrfToken);

		CsrfToken exposed = (CsrfToken) this.request.getAttribute(CsrfToken.class.getName());
		assertThat(exposed.getToken()).isEqualTo(TOKEN);
	}

}
