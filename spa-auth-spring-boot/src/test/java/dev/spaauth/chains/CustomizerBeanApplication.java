package dev.spaauth.chains;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * An application that declares no chain, only a {@code Customizer<HttpSecurity>} bean with rules of its
 * own, which spa-auth's default chain puts before {@code spa-auth.protected-paths}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ChainsTestApi.class)
class CustomizerBeanApplication {

	@Bean
	Customizer<HttpSecurity> adminRules() {
		return (http) -> http.authorizeHttpRequests((rules) -> rules.requestMatchers("/api/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/api/public/**")
			.permitAll());
	}

}
