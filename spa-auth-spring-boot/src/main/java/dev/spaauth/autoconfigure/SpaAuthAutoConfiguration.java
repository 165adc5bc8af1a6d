package dev.spaauth.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of spa-auth for a servlet web application with a {@link DataSource}, one nested
 * configuration per concern: the deployment (origins, cookies, CORS), problems and request guards,
 * CSRF, sessions, accounts, the endpoints, sign-in with providers (when Boot's OAuth 2.0 client has
 * registrations), web security (spa-auth on every security filter chain, and
 * a default chain for an application that declares none), mail, throttling and the audit trail. Beans
 * an application declares itself take precedence where it could replace them
 * ({@code @ConditionalOnMissingBean}); settings are checked at start-up by
 * {@link SpaAuthConfigurationValidator}.
 */
@AutoConfiguration(
		before = { SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
				UserDetailsServiceAutoConfiguration.class, ErrorMvcAutoConfiguration.class },
		beforeName = "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
		after = { DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
				JacksonAutoConfiguration.class },
		afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SpaAuthProperties.class)
@Import({ SpaAuthDeploymentConfiguration.class, SpaAuthProblemConfiguration.class,
		SpaAuthRequestGuardConfiguration.class, SpaAuthAuditConfiguration.class, SpaAuthCsrfConfiguration.class,
		SpaAuthSessionConfiguration.class, SpaAuthAccountsConfiguration.class, SpaAuthMailConfiguration.class,
		SpaAuthThrottleConfiguration.class, SpaAuthEndpointsConfiguration.class, SpaAuthMfaConfiguration.class,
		SpaAuthPasskeyConfiguration.class, SpaAuthProviderConfiguration.class, SpaAuthOpenApiConfiguration.class,
		SpaAuthWebSecurityConfiguration.class })
public final class SpaAuthAutoConfiguration {

	SpaAuthAutoConfiguration(SpaAuthProperties properties) {
		SpaAuthConfigurationValidator.validate(properties);
	}

}
