package dev.spaauth.chains;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static dev.spaauth.config.SpaAuthConfigurer.spaAuth;

/**
 * An application with chains of its own, as the README shows them: one for actuator (health open,
 * the rest for administrators) and one for everything else, with its own rules.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ChainsTestApi.class)
class OwnChainApplication {

	@Bean
	@Order(1)
	SecurityFilterChain actuator(HttpSecurity http) {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests((rules) -> rules.requestMatchers("/actuator/health").permitAll()
				.anyRequest()
				.hasRole("ADMIN"));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http) {
		http.with(spaAuth(), Customizer.withDefaults())
			.authorizeHttpRequests((rules) -> rules.requestMatchers("/api/admin/**").hasRole("ADMIN")
				.requestMatchers("/api/public/**", "/api/auth/**").permitAll()
				.anyRequest()
				.authenticated());
		return http.build();
	}

}
