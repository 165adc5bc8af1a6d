package dev.spaauth.browser;

import com.microsoft.playwright.options.SameSiteAttribute;

/** The deployment shapes of the SPA and its API that the suite proves in Chromium. */
enum Shape {

	/** 1. The backend serves the SPA and the API on one plain-HTTP origin: {@code http://localhost:PORT}. */
	BACKEND("1 served by the backend"),

	/** 2. nginx ends TLS, serves the SPA at / and proxies /api/ to the backend: one origin. */
	SAME_DOMAIN("2 same domain through nginx"),

	/** 3. SPA at https://app.example.test, API at https://api.example.test: same site, two origins. */
	SIBLING_SUBDOMAINS("3 sibling subdomains"),

	/** 4. SPA at https://app.example.test, API at https://api.other-site.test: two sites. */
	CROSS_SITE("4 different sites");

	private final String label;

	Shape(String label) {
		this.label = label;
	}

	boolean behindNginx() {
		return this != BACKEND;
	}

	/** Whether the SPA and the API are on different origins. */
	boolean crossOrigin() {
		return this == SIBLING_SUBDOMAINS || this == CROSS_SITE;
	}

	/** SameSite of both cookies as the browser must store them. */
	SameSiteAttribute expectedSameSite() {
		return (this == CROSS_SITE) ? SameSiteAttribute.NONE : SameSiteAttribute.LAX;
	}

	@Override
	public String toString() {
		return this.label;
	}

}
