package dev.spaauth.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.spaauth.csrf.CsrfController;
import dev.spaauth.csrf.CsrfTokenSigner;
import dev.spaauth.csrf.SessionBoundCsrfTokenRepository;
import dev.spaauth.deployment.Deployment;

/**
 * CSRF tokens bound to the session: the signer of pre-log-in tokens ({@code spa-auth.csrf.signing-secret},
 * random per start when unset), the token repository and the priming endpoint.
 */
@Configuration(proxyBeanMethods = false)
class SpaAuthCsrfConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CsrfTokenSigner spaAuthCsrfTokenSigner(SpaAuthProperties properties) {
		String secret = properties.csrf().signingSecret();
		return (secret != null) ? CsrfTokenSigner.withSecret(secret) : CsrfTokenSigner.withRandomSecret();
	}

	@Bean
	SessionBoundCsrfTokenRepository spaAuthCsrfTokenRepository(CsrfTokenSigner signer, SpaAuthProperties properties,
			Deployment deployment) {
		return new SessionBoundCsrfTokenRepository(signer, properties.csrf().cookieName(),
				properties.csrf().headerName(), deployment);
	}

	@Bean
	CsrfController spaAuthCsrfController(SessionBoundCsrfTokenRepository tokens) {
		return new CsrfController(tokens);
	}

}
