package dev.spaauth.doctor;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SiteRelationTests {

	private static SiteRelation relation(String spa, String api) {
		return SiteRelation.of(URI.create(spa), URI.create(api));
	}

	@Test
	void ofWhenSchemeHostAndPortEqualThenSameOrigin() {
		assertThat(relation("https://app.example.com", "https://APP.example.com:443")).isEqualTo(SiteRelation.SAME_ORIGIN);
	}

	@Test
	void ofWhenSiblingSubdomainsThenSameSite() {
		assertThat(relation("https://app.example.com", "https://api.example.com")).isEqualTo(SiteRelation.SAME_SITE);
		assertThat(relation("https://app.example.co.uk", "https://api.example.co.uk")).isEqualTo(SiteRelation.SAME_SITE);
	}

	@Test
	void ofWhenOnlyThePortDiffersThenSameSite() {
		assertThat(relation("http://localhost:5173", "http://localhost:8080")).isEqualTo(SiteRelation.SAME_SITE);
	}

	@Test
	void ofWhenRegistrableDomainsDifferThenCrossSite() {
		assertThat(relation("https://app.example.com", "https://api.example.net")).isEqualTo(SiteRelation.CROSS_SITE);
	}

	@Test
	void ofWhenSubdomainsOfAPrivatePublicSuffixThenCrossSite() {
		// github.io is on the Public Suffix List's private section: each user's pages are a site of their own.
		assertThat(relation("https://alice.github.io", "https://bob.github.io")).isEqualTo(SiteRelation.CROSS_SITE);
	}

	@Test
	void ofWhenSchemesDifferThenCrossSite() {
		// Schemeful same-site (RFC 6265bis section 5.2).
		assertThat(relation("http://app.example.com", "https://api.example.com")).isEqualTo(SiteRelation.CROSS_SITE);
	}

	@Test
	void ofWhenTopLevelDomainIsUnknownThenTheImplicitRuleMakesItASuffix() {
		assertThat(relation("https://app.example.test:8443", "https://api.example.test:8443"))
			.isEqualTo(SiteRelation.SAME_SITE);
		assertThat(relation("https://app.example.test", "https://api.other-site.test")).isEqualTo(SiteRelation.CROSS_SITE);
	}

	@Test
	void ofWhenLocalhostAndLoopbackAddressThenCrossSite() {
		assertThat(relation("http://localhost:5173", "http://127.0.0.1:8080")).isEqualTo(SiteRelation.CROSS_SITE);
	}

	@Test
	void registrableDomainWhenIpAddressOrSuffixThenTheHostItself() {
		assertThat(SiteRelation.registrableDomain("127.0.0.1")).isEqualTo("127.0.0.1");
		assertThat(SiteRelation.registrableDomain("[::1]")).isEqualTo("[::1]");
		assertThat(SiteRelation.registrableDomain("co.uk")).isEqualTo("co.uk");
		assertThat(SiteRelation.registrableDomain("a.b.example.com")).isEqualTo("example.com");
	}

}
