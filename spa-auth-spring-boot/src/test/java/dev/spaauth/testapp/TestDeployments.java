package dev.spaauth.testapp;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.web.server.Cookie.SameSite;

import dev.spaauth.deployment.Deployment;

/** Deployments for unit tests, built by {@link Deployment#resolve} as at start-up. */
public final class TestDeployments {

	/** The API's public origin in the deployments with SPA origins. */
	public static final String API = "https://api.example.test";

	/** An SPA on a sibling subdomain of the API: same-site. */
	public static final String SIBLING_SPA = "https://app.example.test";

	/** An SPA on another site than the API: cross-site. */
	public static final String CROSS_SITE_SPA = "https://app.other-site.test";

	/** The CORS settings of spa-auth's defaults: a 10-minute preflight cache, no extra headers. */
	public static final Deployment.Cors DEFAULT_CORS = new Deployment.Cors(Duration.ofMinutes(10), List.of());

	private TestDeployments() {
	}

	/**
	 * The SPA on the API's own origin, without a configured public origin, with Secure cookies.
	 * @return the deployment
	 */
	public static Deployment sameOrigin() {
		return Deployment.resolve(null, List.of(), true, null, null, DEFAULT_CORS);
	}

	/**
	 * The SPA on the API's own origin over plain HTTP in development: no Secure cookies.
	 * @return the deployment
	 */
	public static Deployment plainHttpDevelopment() {
		return Deployment.resolve(null, List.of(), false, null, null, DEFAULT_CORS);
	}

	/**
	 * The API at {@link #API} with its SPA at {@link #SIBLING_SPA}.
	 * @return the deployment
	 */
	public static Deployment sibling() {
		return sibling(DEFAULT_CORS);
	}

	/**
	 * The API at {@link #API} with its SPA at {@link #SIBLING_SPA}, with the given CORS settings.
	 * @param cors the CORS settings
	 * @return the deployment
	 */
	public static Deployment sibling(Deployment.Cors cors) {
		return Deployment.resolve(API, List.of(SIBLING_SPA), true, null, null, cors);
	}

	/**
	 * The API at {@link #API} with its SPA at {@link #CROSS_SITE_SPA}.
	 * @return the deployment
	 */
	public static Deployment crossSite() {
		return Deployment.resolve(API, List.of(CROSS_SITE_SPA), true, null, null, DEFAULT_CORS);
	}

	/**
	 * The API at {@link #API} with its SPA at {@link #SIBLING_SPA} and a configured SameSite value.
	 * @param sameSite the configured value
	 * @return the deployment
	 */
	public static Deployment siblingWith(SameSite sameSite) {
		return Deployment.resolve(API, List.of(SIBLING_SPA), true, sameSite, null, DEFAULT_CORS);
	}

}
