package dev.spaauth.autoconfigure;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.filter.CorsFilter;

import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.csrf.HeaderCsrfTokenRequestHandler;
import dev.spaauth.csrf.SessionBoundCsrfTokenRepository;
import dev.spaauth.origin.AllowedOriginsCorsFilter;
import dev.spaauth.origin.OriginCheckFilter;
import dev.spaauth.origin.TrustedOrigins;
import dev.spaauth.problem.ProblemAccessDeniedHandler;
import dev.spaauth.problem.ProblemAuthenticationEntryPoint;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.session.AbsoluteSessionTimeoutFilter;

/**
 * The security filter chain of spa-auth: CORS for the allowed origins, the trusted-origin check
 * and CSRF on every unsafe request (log-in included), the
 * session as the only place authentication lives, problem details for 401 and 403, and none of the
 * browser-form machinery (form login, HTTP Basic, redirects, saved requests). An application that
 * declares its own {@link SecurityFilterChain} replaces this one.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SpaAuthSecurityConfiguration {

	/**
	 * For the SPA's pages when the backend serves them, and harmless on JSON: scripts, styles and
	 * connections from the page's own origin only, no inline script, no plugins, no framing (OWASP
	 * Content Security Policy Cheat Sheet; ASVS 3.4.3).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain spaAuthSecurityFilterChain(HttpSecurity http, SpaAuthProperties properties,
			SessionBoundCsrfTokenRepository csrfTokens, SecurityContextRepository securityContextRepository,
			TrustedOrigins trustedOrigins, ProblemResponseWriter problems, SecurityEvents events) {
		String base = properties.basePath();
		// CORS only when the SPA lives on other origins; same-origin deployments send no CORS headers.
		http.cors((cors) -> cors.disable());
		if (!trustedOrigins.allowedOrigins().isEmpty()) {
			http.addFilterAt(new AllowedOriginsCorsFilter(trustedOrigins.allowedOrigins(),
					properties.csrf().headerName(), properties.cors().preflightMaxAge(), problems), CorsFilter.class);
		}
		http.addFilterBefore(new OriginCheckFilter(trustedOrigins, problems, events), CsrfFilter.class);
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.crossOriginResourcePolicy((corp) -> corp.policy(trustedOrigins.allowedOrigins().isEmpty()
					? CrossOriginResourcePolicy.SAME_ORIGIN : CrossOriginResourcePolicy.SAME_SITE)));
		http.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
			.csrfTokenRequestHandler(new HeaderCsrfTokenRequestHandler()))
			.securityContext((context) -> context.securityContextRepository(securityContextRepository))
			// Nothing but log-in and sign-up creates a session; a 401 never stores the request.
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new ProblemAuthenticationEntryPoint(problems, base + "/login"))
				.accessDeniedHandler(new ProblemAccessDeniedHandler(problems, base + "/csrf",
						properties.csrf().headerName(), csrfTokens::isTokenWithoutCookies, events)))
			.addFilterBefore(new AbsoluteSessionTimeoutFilter(properties.session().absoluteTimeout(),
					Clock.systemUTC()), SecurityContextHolderFilter.class)
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(base + "/reauthenticate", base + "/password", base + "/email", base + "/sessions",
						base + "/sessions/**")
				.authenticated()
				.requestMatchers(base + "/**")
				.permitAll()
				.requestMatchers(properties.protectedPaths().toArray(String[]::new))
				.authenticated()
				.anyRequest()
				.permitAll());
		return http.build();
	}

}
