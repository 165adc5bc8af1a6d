package dev.spaauth.doctor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SetCookieTests {

	@Test
	void parseWhenSpaAuthSessionCookieThenEveryAttribute() {
		SetCookie cookie = SetCookie
			.parse("__Host-SESSION=abc=; Path=/; Secure; HttpOnly; SameSite=None; Partitioned")
			.orElseThrow();
		assertThat(cookie.name()).isEqualTo("__Host-SESSION");
		assertThat(cookie.value()).isEqualTo("abc=");
		assertThat(cookie.path()).isEqualTo("/");
		assertThat(cookie.domain()).isNull();
		assertThat(cookie.secure()).isTrue();
		assertThat(cookie.httpOnly()).isTrue();
		assertThat(cookie.sameSiteLabel()).isEqualTo("none");
		assertThat(cookie.partitioned()).isTrue();
		assertThat(cookie.deletion()).isFalse();
		assertThat(cookie.hostPrefixEligible()).isTrue();
	}

	@Test
	void parseWhenAttributesInOtherCaseAndDomainWithDotThenNormalised() {
		SetCookie cookie = SetCookie.parse("sessionid=x; domain=.example.com; path=/; SECURE; samesite=lax").orElseThrow();
		assertThat(cookie.domain()).isEqualTo("example.com");
		assertThat(cookie.secure()).isTrue();
		assertThat(cookie.httpOnly()).isFalse();
		assertThat(cookie.sameSiteLabel()).isEqualTo("lax");
		assertThat(cookie.hostPrefixEligible()).isFalse();
	}

	@Test
	void parseWhenNoSameSiteThenAbsent() {
		assertThat(SetCookie.parse("a=b").orElseThrow().sameSiteLabel()).isEqualTo("absent");
	}

	@Test
	void parseWhenMaxAgeZeroOrExpiresInThePastThenDeletion() {
		assertThat(SetCookie.parse("a=; Max-Age=0; Path=/").orElseThrow().deletion()).isTrue();
		assertThat(SetCookie.parse("a=; Expires=Thu, 01 Jan 1970 00:00:10 GMT").orElseThrow().deletion()).isTrue();
		assertThat(SetCookie.parse("a=b; Max-Age=3600").orElseThrow().deletion()).isFalse();
	}

	@Test
	void parseWhenNoNameValuePairThenEmpty() {
		assertThat(SetCookie.parse("Secure; HttpOnly")).isEmpty();
		assertThat(SetCookie.parse("=value")).isEmpty();
	}

	@Test
	void describeWhenCookieThenAttributesButNeverTheValue() {
		String text = SetCookie.parse("XSRF-TOKEN=secret-token; Path=/; Secure; SameSite=Lax").orElseThrow().describe();
		assertThat(text).isEqualTo("XSRF-TOKEN (Path=/; Secure; SameSite=Lax)").doesNotContain("secret-token");
	}

}
