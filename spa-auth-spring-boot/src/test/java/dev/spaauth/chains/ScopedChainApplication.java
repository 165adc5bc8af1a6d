package dev.spaauth.chains;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An application with one chain scoped to {@code /api/admin/**} and nothing for the other paths, which
 * then fall to spa-auth's default chain ({@code spa-auth.public-paths} open, {@code /api/**} needing a
 * session).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ChainsTestApi.class)
class ScopedChainApplication {

	@Bean
	SecurityFilterChain admin(HttpSecurity http) {
		http.securityMatcher("/api/admin/**").authorizeHttpRequests((rules) -> rules.anyRequest().hasRole("ADMIN"));
		return http.build();
	}

}
