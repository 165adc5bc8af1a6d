package dev.spaauth.config;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Puts spa-auth's own rules in front of the application's authorization rules on a chain, as
 * Spring Security's {@code FormLoginConfigurer.permitAll()} puts its log-in page first: error
 * dispatches and spa-auth's endpoints are decided here (those that need a session require an
 * authenticated one, the others are open), whatever the application's rules say; every other request
 * goes to the application's rules unchanged.
 */
final class EndpointsFirst implements ObjectPostProcessor<AuthorizationManager<HttpServletRequest>> {

	private final SpaAuthEndpoints endpoints;

	EndpointsFirst(SpaAuthEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <O extends AuthorizationManager<HttpServletRequest>> O postProcess(O applicationRules) {
		AuthorizationManager<RequestAuthorizationContext> rest = (authentication, context) -> applicationRules
			.authorize(authentication, context.getRequest());
		return (O) RequestMatcherDelegatingAuthorizationManager.builder()
			.add(SpaAuthEndpoints.errorDispatch(), SingleResultAuthorizationManager.permitAll())
			.add(this.endpoints.needingSession(), AuthenticatedAuthorizationManager.authenticated())
			.add(this.endpoints.all(), SingleResultAuthorizationManager.permitAll())
			.add(AnyRequestMatcher.INSTANCE, rest)
			.build();
	}

}
