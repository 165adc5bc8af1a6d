package dev.spaauth.doctor;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cookie and HSTS checks fed from literal headers (as MDN HTTP Observatory's tests are). */
class CookieChecksTests {

	private static final String CONTEXT = "The SPA is related to the API";

	private static final SetCookie LAX_SESSION = cookie("__Host-SESSION=a; Path=/; Secure; HttpOnly; SameSite=Lax");

	private static final SetCookie NONE_SESSION = cookie("__Host-SESSION=a; Path=/; Secure; HttpOnly; SameSite=None");

	private static final SetCookie NONE_PARTITIONED = cookie(
			"__Host-SESSION=a; Path=/; Secure; HttpOnly; SameSite=None; Partitioned");

	private static SetCookie cookie(String header) {
		return SetCookie.parse(header).orElseThrow();
	}

	@Test
	void sameSiteWhenCrossSiteAndLaxThenFail() {
		Finding finding = new CookieSameSiteCheck().evaluate(SiteRelation.CROSS_SITE, CONTEXT, List.of(LAX_SESSION));
		assertThat(finding.result()).isEqualTo(Result.FAIL);
		assertThat(finding.saw()).contains("__Host-SESSION (Path=/; Secure; HttpOnly; SameSite=Lax)");
	}

	@Test
	void sameSiteWhenCrossSiteAndNoneWithoutSecureThenFail() {
		SetCookie insecure = cookie("SESSION=a; Path=/; HttpOnly; SameSite=None");
		assertThat(new CookieSameSiteCheck().evaluate(SiteRelation.CROSS_SITE, CONTEXT, List.of(insecure)).result())
			.isEqualTo(Result.FAIL);
	}

	@Test
	void sameSiteWhenCrossSiteAndNoneSecureThenPass() {
		assertThat(new CookieSameSiteCheck().evaluate(SiteRelation.CROSS_SITE, CONTEXT, List.of(NONE_SESSION)).result())
			.isEqualTo(Result.PASS);
	}

	@Test
	void sameSiteWhenSameSiteAndLaxOrStrictThenPass() {
		SetCookie strict = cookie("XSRF-TOKEN=t; Path=/; Secure; SameSite=Strict");
		assertThat(new CookieSameSiteCheck().evaluate(SiteRelation.SAME_SITE, CONTEXT, List.of(LAX_SESSION, strict))
			.result()).isEqualTo(Result.PASS);
	}

	@Test
	void sameSiteWhenSameSiteAndNoneOrMissingThenWarn() {
		SetCookie missing = cookie("XSRF-TOKEN=t; Path=/; Secure");
		assertThat(new CookieSameSiteCheck().evaluate(SiteRelation.SAME_SITE, CONTEXT, List.of(NONE_SESSION)).result())
			.isEqualTo(Result.WARN);
		assertThat(new CookieSameSiteCheck().evaluate(SiteRelation.SAME_ORIGIN, CONTEXT, List.of(missing)).result())
			.isEqualTo(Result.WARN);
	}

	@Test
	void partitionedWhenCrossSiteWithoutThenWarnAndWithThenPass() {
		assertThat(new CookiePartitionedCheck().evaluate(SiteRelation.CROSS_SITE, List.of(NONE_SESSION)).result())
			.isEqualTo(Result.WARN);
		assertThat(new CookiePartitionedCheck().evaluate(SiteRelation.CROSS_SITE, List.of(NONE_PARTITIONED)).result())
			.isEqualTo(Result.PASS);
	}

	@Test
	void partitionedWhenSameSiteThenSkip() {
		assertThat(new CookiePartitionedCheck().evaluate(SiteRelation.SAME_SITE, List.of(LAX_SESSION)).result())
			.isEqualTo(Result.SKIP);
	}

	@Test
	void hostPrefixWhenHostCookieHasDomainOrNoSecureThenFail() {
		SetCookie withDomain = cookie("__Host-SESSION=a; Domain=example.com; Path=/; Secure; HttpOnly");
		SetCookie notSecure = cookie("__Host-SESSION=a; Path=/; HttpOnly");
		SetCookie secureOnly = cookie("__Secure-ID=a; Path=/");
		for (SetCookie cookie : List.of(withDomain, notSecure, secureOnly)) {
			assertThat(new CookieHostPrefixCheck().evaluate(List.of(cookie), Optional.of(cookie)).result())
				.as(cookie.describe())
				.isEqualTo(Result.FAIL);
		}
	}

	@Test
	void hostPrefixWhenSessionCookieWithoutPrefixOrWithDomainThenWarn() {
		SetCookie django = cookie("sessionid=a; Path=/; Secure; HttpOnly; SameSite=Lax");
		SetCookie shared = cookie("sessionid=a; Domain=example.com; Path=/; Secure; HttpOnly; SameSite=Lax");
		assertThat(new CookieHostPrefixCheck().evaluate(List.of(django), Optional.of(django)).result())
			.isEqualTo(Result.WARN);
		assertThat(new CookieHostPrefixCheck().evaluate(List.of(shared), Optional.of(shared)).saw())
			.contains("every subdomain of example.com");
	}

	@Test
	void hostPrefixWhenValidHostSessionCookieThenPass() {
		assertThat(new CookieHostPrefixCheck().evaluate(List.of(LAX_SESSION), Optional.of(LAX_SESSION)).result())
			.isEqualTo(Result.PASS);
	}

	@Test
	void hstsWhenMissingOrZeroThenFailShortThenWarnYearThenPass() {
		HstsCheck check = new HstsCheck();
		assertThat(check.evaluate(null, "GET /").result()).isEqualTo(Result.FAIL);
		assertThat(check.evaluate("includeSubDomains", "GET /").result()).isEqualTo(Result.FAIL);
		assertThat(check.evaluate("max-age=0", "GET /").result()).isEqualTo(Result.FAIL);
		assertThat(check.evaluate("max-age=86400", "GET /").result()).isEqualTo(Result.WARN);
		assertThat(check.evaluate("max-age=31536000 ; includeSubDomains", "GET /").result()).isEqualTo(Result.PASS);
	}

}
