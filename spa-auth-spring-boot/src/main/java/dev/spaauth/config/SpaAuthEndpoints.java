package dev.spaauth.config;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.http.server.PathContainer;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Where spa-auth's endpoints live ({@code spa-auth.base-path}) and which of them need a session, plus
 * the paths of spa-auth's default rules for an application's own paths ({@code spa-auth.public-paths}
 * and {@code spa-auth.protected-paths}). {@link SpaAuthConfigurer} reads it from the application
 * context.
 */
public final class SpaAuthEndpoints {

	/** Endpoints under the base path that need an authenticated session; every other one is open. */
	private static final List<String> NEEDING_SESSION = List.of("/reauthenticate", "/password", "/email",
			"/sessions", "/sessions/**", "/mfa", "/mfa/**", "/passkeys", "/passkeys/**", "/reauthenticate/**", "/account", "/identities", "/identities/**");

	private final String basePath;

	private final List<String> publicPaths;

	private final List<String> protectedPaths;

	private final Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> firstRules;

	/**
	 * Creates the endpoints.
	 * @param basePath the prefix of spa-auth's endpoints, such as {@code /api/auth}: starts with "/",
	 * no trailing "/"
	 * @param publicPaths path patterns the default rules open to everyone, before the protected ones
	 * @param protectedPaths path patterns the default rules answer 401 without a session
	 */
	public SpaAuthEndpoints(String basePath, List<String> publicPaths, List<String> protectedPaths) {
		this(basePath, publicPaths, protectedPaths, Customizer.withDefaults());
	}

	/**
	 * Creates the endpoints with rules the default rules start with, such as the actuator's.
	 * @param basePath the prefix of spa-auth's endpoints
	 * @param publicPaths path patterns the default rules open to everyone, before the protected ones
	 * @param protectedPaths path patterns the default rules answer 401 without a session
	 * @param firstRules rules put before the public and protected paths
	 */
	public SpaAuthEndpoints(String basePath, List<String> publicPaths, List<String> protectedPaths,
			Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> firstRules) {
		this.basePath = basePath;
		this.publicPaths = List.copyOf(publicPaths);
		this.protectedPaths = List.copyOf(protectedPaths);
		this.firstRules = firstRules;
	}

	/**
	 * Returns the path of one of spa-auth's endpoints.
	 * @param endpoint the endpoint below the base path, such as {@code /login}
	 * @return such as {@code /api/auth/login}
	 */
	public String path(String endpoint) {
		return this.basePath + endpoint;
	}

	/**
	 * Matches every request under the base path.
	 * @return the matcher of {@code {base-path}/**}
	 */
	public RequestMatcher all() {
		return PathPatternRequestMatcher.pathPattern(this.basePath + "/**");
	}

	/**
	 * Matches the endpoints that need an authenticated session: re-authentication, password and
	 * email change, the session list, the second factors, the passkeys and the account's deletion.
	 * @return the matcher
	 */
	public RequestMatcher needingSession() {
		return new OrRequestMatcher(
				NEEDING_SESSION.stream().map((path) -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(path(path)))
					.toList());
	}

	/**
	 * Tells whether one of spa-auth's endpoints needs an authenticated session, as
	 * {@link #needingSession()} does for requests.
	 * @param path the endpoint's path, base path included; a template such as
	 * {@code /api/auth/sessions/{handle}} is matched like a request path
	 * @return true when a request to it without a session gets a 401
	 */
	public boolean needsSession(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return NEEDING_SESSION.stream()
			.anyMatch((pattern) -> PathPatternParser.defaultInstance.parse(path(pattern)).matches(container));
	}

	/**
	 * Matches error dispatches, which answer an error already decided (a 404 becomes no 401).
	 * @return the matcher
	 */
	static RequestMatcher errorDispatch() {
		return new DispatcherTypeRequestMatcher(DispatcherType.ERROR);
	}

	/**
	 * Returns spa-auth's default rules for the application's paths: the first rules (such as the
	 * actuator's), the public paths open, the protected paths needing a session, anything else (such as
	 * the SPA's files) open.
	 * @return rules to pass to {@code HttpSecurity#authorizeHttpRequests}
	 */
	public Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> defaultRules() {
		return (rules) -> {
			this.firstRules.customize(rules);
			if (!this.publicPaths.isEmpty()) {
				rules.requestMatchers(this.publicPaths.toArray(String[]::new)).permitAll();
			}
			rules.requestMatchers(this.protectedPaths.toArray(String[]::new)).authenticated().anyRequest().permitAll();
		};
	}

	/**
	 * Returns requests to spa-auth's endpoints that every security filter chain covering them must
	 * guard with spa-auth.
	 * @return one request per endpoint
	 */
	List<Endpoint> probes() {
		return List.of(new Endpoint("GET", path("/csrf")), new Endpoint("POST", path("/login")),
				new Endpoint("POST", path("/login/mfa")),
				new Endpoint("POST", path("/signup")), new Endpoint("POST", path("/logout")),
				new Endpoint("GET", path("/session")), new Endpoint("POST", path("/password")),
				new Endpoint("POST", path("/password-reset")));
	}

	/**
	 * A request to one of spa-auth's endpoints.
	 *
	 * @param method the HTTP method
	 * @param path the path, base path included
	 */
	record Endpoint(String method, String path) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
