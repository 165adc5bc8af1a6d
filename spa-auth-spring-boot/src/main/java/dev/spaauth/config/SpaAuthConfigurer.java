package dev.spaauth.config;

import java.time.Clock;
import java.util.Map;

import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.HttpBasicConfigurer;
import org.springframework.security.config.annotation.web.configurers.RememberMeConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.filter.CorsFilter;

import dev.spaauth.SpaAuthConfigurationException;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.csrf.CsrfCheckedFilter;
import dev.spaauth.csrf.HeaderCsrfTokenRequestHandler;
import dev.spaauth.csrf.ProblemAccessDeniedHandler;
import dev.spaauth.csrf.SessionBoundCsrfTokenRepository;
import dev.spaauth.deployment.AllowedOriginsCorsFilter;
import dev.spaauth.deployment.Deployment;
import dev.spaauth.deployment.OriginCheckFilter;
import dev.spaauth.mfa.MfaRequiredEntryPoint;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.session.AbsoluteSessionTimeoutFilter;
import dev.spaauth.session.SessionLifecycle;

/**
 * spa-auth on an application's own {@code SecurityFilterChain}, the way Spring Security's own features
 * plug in ({@code http.csrf(...)}, {@code http.oauth2Login(...)}):
 * <pre class="code">
 * &#64;Bean
 * SecurityFilterChain api(HttpSecurity http) throws Exception {
 *     http.with(spaAuth(), Customizer.withDefaults())
 *         .authorizeHttpRequests((a) -&gt; a.requestMatchers("/api/admin/**").hasRole("ADMIN")
 *             .anyRequest().authenticated());
 *     return http.build();
 * }
 * </pre>
 * With spa-auth's auto-configuration every {@code HttpSecurity} Boot hands out has it applied already,
 * so {@code with(spaAuth(), ...)} is needed only to change its settings, and
 * {@code with(spaAuth(), SpaAuthConfigurer::disable)} takes it off a chain that does not cover
 * spa-auth's endpoints (start-up refuses one that does). A {@code Customizer<SpaAuthConfigurer>} bean
 * adjusts it on every chain.
 * <p>
 * When the chain is built it refuses form log-in, HTTP Basic and remember-me on the same chain (other
 * ways to log in, past spa-auth's throttle), and applies, whatever the application configured on the
 * chain before: CSRF with spa-auth's session-bound token repository on every unsafe request (start-up
 * fails when the chain turned CSRF off, and spa-auth's own endpoints and every request with a session
 * stay checked even if the application's CSRF settings ignore them); CORS for the allowed origins and
 * the trusted-origin check, from the deployment; the session as the only place authentication lives
 * ({@code SessionCreationPolicy.NEVER}, no request cache, no Spring Security log-out filter); 401
 * ({@code mfa_required} while a log-in waits for its second factor) and 403 as RFC 9457 problems; the
 * absolute session timeout; the security headers. Its endpoints come first in the chain's
 * authorization: those that need a session require one, the others and error dispatches are open,
 * whatever the application's rules say; a chain without rules of its own gets spa-auth's default rules
 * ({@code spa-auth.public-paths}, {@code spa-auth.protected-paths}).
 * <p>
 * Its collaborators come from the application context, where spa-auth's auto-configuration puts them.
 */
public final class SpaAuthConfigurer extends AbstractHttpConfigurer<SpaAuthConfigurer, HttpSecurity> {

	/**
	 * The default Content-Security-Policy: for the SPA's pages when the backend serves them, and harmless
	 * on JSON: scripts, styles and connections from the page's own origin only, no inline script, no
	 * plugins, no framing (OWASP Content Security Policy Cheat Sheet; ASVS 3.4.3).
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private String contentSecurityPolicy = CONTENT_SECURITY_POLICY;

	private Customizer<HeadersConfigurer<HttpSecurity>> headers = Customizer.withDefaults();

	/** Answers 403s on this chain; made in {@link #init}, used again in {@link #configure}. */
	private ProblemAccessDeniedHandler accessDenied;

	/**
	 * Creates the configurer, to pass to {@code HttpSecurity#with}.
	 * @return a new configurer with the default settings
	 */
	public static SpaAuthConfigurer spaAuth() {
		return new SpaAuthConfigurer();
	}

	/**
	 * Sets the {@code Content-Security-Policy} of every response, such as the default plus an image CDN.
	 * @param policy the policy directives; default {@link #CONTENT_SECURITY_POLICY}
	 * @return this configurer
	 */
	public SpaAuthConfigurer contentSecurityPolicy(String policy) {
		this.contentSecurityPolicy = policy;
		return this;
	}

	/**
	 * Adjusts the security headers after spa-auth has set its own (CSP, {@code Referrer-Policy:
	 * no-referrer}, {@code Cross-Origin-Resource-Policy}); a change made with {@code http.headers(...)}
	 * before the chain is built would be overwritten by them.
	 * @param customizer adjusts Spring Security's headers configurer
	 * @return this configurer
	 */
	public SpaAuthConfigurer headers(Customizer<HeadersConfigurer<HttpSecurity>> customizer) {
		this.headers = customizer;
		return this;
	}

	/**
	 * Applies the settings other configurers read while the chain is built, and the application's
	 * {@code Customizer<SpaAuthConfigurer>} beans.
	 */
	@Override
	public void setBuilder(HttpSecurity http) {
		super.setBuilder(http);
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		applySessionSettings(http, bean(context, SecurityContextRepository.class));
		context.<Customizer<SpaAuthConfigurer>>getBeanProvider(
				ResolvableType.forClassWithGenerics(Customizer.class, SpaAuthConfigurer.class))
			.orderedStream()
			.forEach((customizer) -> customizer.customize(this));
	}

	@Override
	public void init(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		refuseOtherLogIns(http);
		if (http.getConfigurer(CsrfConfigurer.class) == null) {
			throw new SpaAuthConfigurationException("A SecurityFilterChain turns CSRF protection off "
					+ "(csrf.disable()), which would leave spa-auth's log-in and every request the session "
					+ "cookie authenticates open to cross-site request forgery.",
					"Remove csrf(...disable()). To exempt endpoints of yours that the session cookie does not "
							+ "authenticate (webhooks), write csrf((c) -> c.ignoringRequestMatchers(\"/webhooks/**\")); "
							+ "or take spa-auth off a chain that does not cover its endpoints with "
							+ "with(spaAuth(), SpaAuthConfigurer::disable).");
		}
		Deployment deployment = bean(context, Deployment.class);
		SpaAuthEndpoints endpoints = bean(context, SpaAuthEndpoints.class);
		ProblemResponseWriter problems = bean(context, ProblemResponseWriter.class);
		SessionBoundCsrfTokenRepository tokens = bean(context, SessionBoundCsrfTokenRepository.class);
		this.accessDenied = new ProblemAccessDeniedHandler(problems, endpoints.path("/csrf"), tokens,
				bean(context, SecurityEvents.class));
		applySessionSettings(http, bean(context, SecurityContextRepository.class));
		http.csrf((csrf) -> csrf.csrfTokenRepository(tokens).csrfTokenRequestHandler(new HeaderCsrfTokenRequestHandler()));
		// spa-auth answers CORS itself (AllowedOriginsCorsFilter), from the deployment's allowed origins.
		http.cors((cors) -> cors.disable());
		// Log-out is spa-auth's endpoint: no Spring Security LogoutFilter redirecting to /login?logout.
		http.logout((logout) -> logout.disable());
		http.exceptionHandling((exceptions) -> exceptions
			.authenticationEntryPoint(bean(context, MfaRequiredEntryPoint.class))
			.accessDeniedHandler(this.accessDenied));
		http.headers((headers) -> {
			// Before the request runs, not when the response commits: a HEAD forwarded to a static page
			// (HEAD /) commits at the end of the forward without a body and got no headers at all.
			headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
				@Override
				public <O extends HeaderWriterFilter> O postProcess(O filter) {
					filter.setShouldWriteHeadersEagerly(true);
					return filter;
				}
			});
			headers.contentSecurityPolicy((csp) -> csp.policyDirectives(this.contentSecurityPolicy))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.crossOriginResourcePolicy((corp) -> corp.policy(deployment.crossOriginResourcePolicy()));
			this.headers.customize(headers);
		});
		if (http.getConfigurer(AuthorizeHttpRequestsConfigurer.class) == null) {
			http.authorizeHttpRequests(endpoints.defaultRules());
		}
		http.authorizeHttpRequests((rules) -> rules.withObjectPostProcessor(new EndpointsFirst(endpoints)));
	}

	@Override
	public void configure(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		Deployment deployment = bean(context, Deployment.class);
		ProblemResponseWriter problems = bean(context, ProblemResponseWriter.class);
		SpaAuthEndpoints endpoints = bean(context, SpaAuthEndpoints.class);
		SessionBoundCsrfTokenRepository tokens = bean(context, SessionBoundCsrfTokenRepository.class);
		// CORS only when the SPA lives on other origins; same-origin deployments send no CORS headers.
		if (!deployment.allowedOrigins().isEmpty()) {
			http.addFilterAt(new AllowedOriginsCorsFilter(deployment, tokens.headerName(), problems), CorsFilter.class);
		}
		http.addFilterBefore(new OriginCheckFilter(deployment, problems, bean(context, SecurityEvents.class)),
				CsrfFilter.class);
		http.addFilterAfter(new CsrfCheckedFilter(endpoints.all(), tokens, new HeaderCsrfTokenRequestHandler(),
				this.accessDenied), CsrfFilter.class);
		http.addFilterBefore(new AbsoluteSessionTimeoutFilter(bean(context, SessionLifecycle.class).timeouts(),
				Clock.systemUTC()), SecurityContextHolderFilter.class);
	}

	/**
	 * Form log-in, HTTP Basic and remember-me on a chain with spa-auth would log users in past spa-auth's
	 * throttle (password guessing; OWASP Authentication Cheat Sheet), with redirects, Basic challenges or
	 * a cookie that outlives the session's absolute timeout.
	 */
	private static void refuseOtherLogIns(HttpSecurity http) {
		Map<String, Boolean> logIns = Map.of("formLogin", http.getConfigurer(FormLoginConfigurer.class) != null,
				"httpBasic", http.getConfigurer(HttpBasicConfigurer.class) != null, "rememberMe",
				http.getConfigurer(RememberMeConfigurer.class) != null);
		for (Map.Entry<String, Boolean> login : logIns.entrySet()) {
			if (login.getValue()) {
				String name = login.getKey() + "()";
				throw new SpaAuthConfigurationException("A SecurityFilterChain with spa-auth also has " + name
						+ ", another way to log in: it would take passwords past spa-auth's throttle and answer with "
						+ "redirects or challenges instead of problems.", "Remove it and log in through spa-auth's "
								+ "endpoints. For a path that machines reach with their own credentials, declare a chain of "
								+ "its own with securityMatcher(...) and with(spaAuth(), SpaAuthConfigurer::disable).");
			}
		}
	}

	/**
	 * Authentication lives in the session and nowhere else: spa-auth's security context repository, no
	 * session created by the chain itself (only log-in and sign-up create one), no request stored on
	 * a 401.
	 */
	private static void applySessionSettings(HttpSecurity http, SecurityContextRepository contexts) {
		http.securityContext((context) -> context.securityContextRepository(contexts));
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER));
		http.requestCache((cache) -> cache.requestCache(new NullRequestCache()));
	}

	private static <T> T bean(ApplicationContext context, Class<T> type) {
		try {
			return context.getBean(type);
		}
		catch (BeansException ex) {
			throw new IllegalStateException("SpaAuthConfigurer needs spa-auth's " + type.getSimpleName()
					+ " bean, which spa-auth's auto-configuration provides in a servlet web application with a "
					+ "DataSource; is SpaAuthAutoConfiguration excluded?", ex);
		}
	}

}
