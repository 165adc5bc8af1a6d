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
	void parseWhenMaxAgeAndExpiresDisagreeThenMaxAgeWins() {
		assertThat(SetCookie.parse("a=b; Max-Age=3600; Expires=Thu, 01 Jan 1970 00:00:10 GMT").orElseThrow().deletion())
			.isFalse();
		assertThat(SetCookie.parse("a=b; Expires=Thu, 01 Jan 1970 00:00:10 GMT; Max-Age=3600").orElseThrow().deletion())
			.isFalse();
		assertThat(SetCookie.parse("a=; Max-Age=0; Expires=Fri, 01 Jan 2100 00:00:00 GMT").orElseThrow().deletion())
			.isTrue();
	}

	@Test
	void parseWhenMaxAgeNotANumberThenIgnored() {
		assertThat(SetCookie.parse("a=; Max-Age=soon; Expires=Thu, 01 Jan 1970 00:00:10 GMT").orElseThrow().deletion())
			.isTrue();
	}

	@Test
	void parseWhenNetscapeOrTwoDigitYearDateInThePastThenDeletion() {
		assertThat(SetCookie.parse("sessionid=; expires=Thu, 01-Jan-1970 00:00:00 GMT; Path=/").orElseThrow().deletion())
			.isTrue();
		assertThat(SetCookie.parse("a=; expires=Thursday, 01-Jan-70 00:00:00 GMT").orElseThrow().deletion()).isTrue();
		assertThat(SetCookie.parse("a=b; expires=Fri, 01-Jan-2100 00:00:00 GMT").orElseThrow().deletion()).isFalse();
	}

	@Test
	void parseDateWhenCookieDateFormsThenTheSameInstant() {
		assertThat(SetCookie.parseDate("Thu, 01-Jan-1970 00:00:10 GMT")).contains(java.time.Instant.ofEpochSecond(10));
		assertThat(SetCookie.parseDate("Thu Jan 1 00:00:10 1970")).contains(java.time.Instant.ofEpochSecond(10));
		assertThat(SetCookie.parseDate("yesterday")).isEmpty();
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
