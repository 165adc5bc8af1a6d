package dev.spaauth.autoconfigure;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.util.ClassUtils;

/**
 * spa-auth's default rules for Spring Boot's actuator endpoints, when actuator is on the classpath:
 * {@code health} open, every other endpoint for the role {@code ADMIN}. Boot's own actuator security
 * backs off once any security filter chain exists, spa-auth's default chain included, and an exposed
 * endpoint such as {@code env} must not fall to the default chain's "anything else is open".
 */
final class ActuatorRules {

	private static final String ACTUATOR_ENDPOINTS = "org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints";

	private ActuatorRules() {
	}

	/**
	 * Returns the rules when actuator is present, otherwise rules that add nothing.
	 * @return the rules for the default chain
	 */
	static Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> ifPresent() {
		if (!ClassUtils.isPresent(ACTUATOR_ENDPOINTS, ActuatorRules.class.getClassLoader())) {
			return Customizer.withDefaults();
		}
		return (rules) -> rules.requestMatchers(EndpointRequest.to("health"))
			.permitAll()
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.hasRole("ADMIN");
	}

}
