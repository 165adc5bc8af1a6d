package dev.spaauth.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static dev.spaauth.config.SpaAuthConfigurer.spaAuth;

/**
 * The demo's own security filter chain, with spa-auth on it: administrators only under
 * {@code /api/admin/}, the local dev mailbox open (it checks the client address itself), every other
 * API path needing a session, and the SPA's files open. spa-auth's own endpoints under
 * {@code /api/auth/} stay open or need a session as spa-auth decides, whatever these rules say.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain demo(HttpSecurity http) {
		http.with(spaAuth(), Customizer.withDefaults())
			.authorizeHttpRequests((rules) -> rules.requestMatchers("/api/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/api/dev/**")
				.permitAll()
				.requestMatchers("/api/**")
				.authenticated()
				.anyRequest()
				.permitAll());
		return http.build();
	}

}
