package dev.spaauth.config;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.SecurityFilterChain;

import dev.spaauth.SpaAuthConfigurationException;
import dev.spaauth.deployment.OriginCheckFilter;

/**
 * Checks, once the security filter chains are built, that the chain answering each of spa-auth's
 * endpoints applies spa-auth ({@link SpaAuthConfigurer}): a chain that covers them without it (one
 * that took spa-auth off with {@code SpaAuthConfigurer::disable}, a {@code web.ignoring()} rule, a
 * chain built outside Boot's {@code HttpSecurity}) would answer log-in and sign-up without spa-auth's
 * CSRF and origin checks. Such a configuration does not start.
 */
public final class SpaAuthChainVerifier {

	private static final Logger logger = LoggerFactory.getLogger(SpaAuthChainVerifier.class);

	private SpaAuthChainVerifier() {
	}

	/**
	 * Verifies the chains.
	 * @param chains the application's filter chain proxy
	 * @param endpoints spa-auth's endpoints
	 * @throws SpaAuthConfigurationException naming the endpoint and the chain, and what to write instead
	 */
	public static void verify(FilterChainProxy chains, SpaAuthEndpoints endpoints) {
		for (SecurityFilterChain chain : chains.getFilterChains()) {
			if (!appliesSpaAuth(chain)) {
				logger.warn("The security filter chain {} does not apply spa-auth: its requests get none of spa-auth's "
						+ "CSRF and origin checks, problem answers or security headers", chain);
			}
		}
		for (SpaAuthEndpoints.Endpoint endpoint : endpoints.probes()) {
			HttpServletRequest probe = new Probe(
					new FilterInvocation(null, endpoint.path(), endpoint.method()).getHttpRequest());
			SecurityFilterChain chain = chains.getFilterChains()
				.stream()
				.filter((candidate) -> candidate.matches(probe))
				.findFirst()
				.orElse(null);
			if (chain == null) {
				throw new SpaAuthConfigurationException("No security filter chain covers spa-auth's endpoint "
						+ endpoint + ", so it would run without CSRF protection or sessions.",
						"Add a chain that covers it, such as one without securityMatcher(...): spa-auth is applied "
								+ "to every chain built from Boot's HttpSecurity.");
			}
			if (!appliesSpaAuth(chain)) {
				throw new SpaAuthConfigurationException("The security filter chain " + chain + " covers spa-auth's "
						+ "endpoint " + endpoint + " but does not apply spa-auth, so log-in and sign-up would run "
						+ "without spa-auth's CSRF token, origin check and problem answers.",
						"For a web.ignoring() rule, narrow or remove it: ignored paths have no chain at all. For a chain, "
								+ "apply spa-auth to it (remove with(spaAuth(), SpaAuthConfigurer::disable), or write "
								+ "http.with(SpaAuthConfigurer.spaAuth(), Customizer.withDefaults())), or narrow it with "
								+ "securityMatcher(...) so that it does not cover " + endpoints.path("/**") + ".");
			}
		}
	}

	private static boolean appliesSpaAuth(SecurityFilterChain chain) {
		return chain.getFilters().stream().anyMatch(OriginCheckFilter.class::isInstance);
	}

	/**
	 * A request with just a method and a path, as Spring Security's own privilege evaluator builds them,
	 * that also keeps the attributes request matchers cache (the parsed path).
	 */
	private static final class Probe extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		Probe(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return this.attributes.get(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
		}

		@Override
		public DispatcherType getDispatcherType() {
			return DispatcherType.REQUEST;
		}

	}

}
