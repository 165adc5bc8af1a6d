package dev.spaauth.web;

import org.junit.jupiter.api.Test;

import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersIntegrationTests extends IntegrationTestSupport {

	@Test
	void spaPageGetsStrictContentSecurityPolicyAndFramingAndReferrerProtection() {
		Response page = this.browser.get("/index.html").send();

		assertThat(page.status()).isEqualTo(200);
		String csp = page.header("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("default-src 'self'")
			.contains("object-src 'none'")
			.contains("base-uri 'none'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(page.header("X-Frame-Options")).hasValue("DENY");
		assertThat(page.header("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.header("Cross-Origin-Resource-Policy")).hasValue("same-origin");
	}

	@Test
	void everyApiAnswerIsNoStoreAndNosniffIncludingErrors() {
		signedUp(this.browser);
		for (Response response : new Response[] { this.browser.get("/api/auth/session").send(),
				this.browser.get("/api/auth/csrf").send(), this.browser.get("/api/things").send(),
				new dev.spaauth.testapp.ApiClient(this.port).get("/api/things").send(),
				this.browser.post("/api/things").json(java.util.Map.of()).send() }) {
			assertThat(response.header("Cache-Control").orElseThrow()).contains("no-store");
			assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
		}
	}

	@Test
	void noStrictTransportSecurityOverPlainHttp() {
		assertThat(this.browser.get("/api/auth/session").send().header("Strict-Transport-Security")).isEmpty();
	}

}
