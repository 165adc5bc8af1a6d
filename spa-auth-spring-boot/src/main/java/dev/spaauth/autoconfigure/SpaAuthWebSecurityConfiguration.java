package dev.spaauth.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import dev.spaauth.SpaAuthConfigurationException;
import dev.spaauth.config.SpaAuthChainVerifier;
import dev.spaauth.config.SpaAuthConfigurer;
import dev.spaauth.config.SpaAuthEndpoints;

/**
 * spa-auth in Spring Security: applied to every {@code HttpSecurity} Boot hands out (Spring Security 7
 * applies {@code Customizer<HttpSecurity>} beans to each), so an application's own chains keep every
 * protection without knowing {@link SpaAuthConfigurer}; spa-auth's default chain
 * ({@code spa-auth.public-paths} open, {@code spa-auth.protected-paths} needing a session, anything
 * else open) when the application declares no chain, and after the application's chains when none of
 * them covers every request, so no path is left without one; and a start-up check that the chain
 * answering spa-auth's endpoints applies it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SpaAuthWebSecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SpaAuthWebSecurityConfiguration.class);

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	Customizer<HttpSecurity> spaAuthOnEveryChain() {
		return (http) -> http.with(SpaAuthConfigurer.spaAuth());
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain spaAuthSecurityFilterChain(HttpSecurity http, SpaAuthEndpoints endpoints) {
		return defaultChain(http, endpoints);
	}

	@Bean
	WebSecurityCustomizer spaAuthDefaultChainForOtherPaths(ObjectProvider<SecurityFilterChain> chains,
			ObjectProvider<HttpSecurity> http, SpaAuthEndpoints endpoints) {
		return (web) -> {
			boolean everyRequestCovered = chains.orderedStream()
				.anyMatch((chain) -> chain instanceof DefaultSecurityFilterChain defaultChain
						&& defaultChain.getRequestMatcher() instanceof AnyRequestMatcher);
			if (!everyRequestCovered) {
				logger.info("No security filter chain of the application covers every request: spa-auth's default "
						+ "chain answers the other paths (spa-auth.protected-paths need a session)");
				web.addSecurityFilterChainBuilder(() -> defaultChain(http.getObject(), endpoints));
			}
		};
	}

	@Bean
	SmartInitializingSingleton spaAuthChainVerifier(ObjectProvider<FilterChainProxy> chains,
			SpaAuthEndpoints endpoints) {
		return () -> chains.ifAvailable((proxy) -> SpaAuthChainVerifier.verify(proxy, endpoints));
	}

	/**
	 * spa-auth's default chain: the rules of the application's {@code Customizer<HttpSecurity>} beans
	 * first, then the public paths, the protected paths and everything else open.
	 */
	private static SecurityFilterChain defaultChain(HttpSecurity http, SpaAuthEndpoints endpoints) {
		try {
			http.authorizeHttpRequests(endpoints.defaultRules());
		}
		catch (IllegalStateException ex) {
			throw new SpaAuthConfigurationException("A Customizer<HttpSecurity> bean ends its authorization rules "
					+ "with anyRequest(), so spa-auth's default chain cannot add spa-auth.protected-paths after them ("
					+ ex.getMessage() + ").", "Remove anyRequest() from the customizer and let spa-auth.public-paths "
							+ "and spa-auth.protected-paths decide the rest, or declare your own SecurityFilterChain bean "
							+ "with all of your rules.");
		}
		return http.build();
	}

}
