package dev.spaauth.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.spaauth.deployment.Deployment;

/**
 * The deployment (public origin, allowed origins, site relation) and the session cookie it decides;
 * the CSRF cookie, CORS and Cross-Origin-Resource-Policy read the same {@link Deployment}.
 */
@Configuration(proxyBeanMethods = false)
class SpaAuthDeploymentConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Deployment spaAuthDeployment(SpaAuthProperties properties) {
		return SpaAuthConfigurationValidator.deployment(properties);
	}

	/**
	 * Spring Session's cookie: {@code HttpOnly}, host-only, {@code Path=/}, a session cookie (no
	 * {@code Max-Age}), {@code Secure}, {@code SameSite} and {@code Partitioned} from the deployment
	 * (RFC 6265bis sections 4.1.2 and 4.1.3; CHIPS).
	 */
	@Bean
	DefaultCookieSerializerCustomizer spaAuthSessionCookie(SpaAuthProperties properties, Deployment deployment) {
		return (cookie) -> {
			cookie.setCookieName(properties.session().effectiveCookieName(deployment.secureCookies()));
			cookie.setUseSecureCookie(deployment.secureCookies());
			cookie.setUseHttpOnlyCookie(true);
			cookie.setSameSite(deployment.sameSite().attributeValue());
			cookie.setPartitioned(deployment.partitionedCookies());
			cookie.setCookiePath("/");
			cookie.setDomainName(null);
			cookie.setCookieMaxAge(-1);
		};
	}

}
