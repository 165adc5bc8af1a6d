package dev.spaauth.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.deployment.Deployment;
import dev.spaauth.device.SignInNotices;
import dev.spaauth.mail.Notices;
import dev.spaauth.mfa.SecondFactors;
import dev.spaauth.mfa.TwoStepLogIn;
import dev.spaauth.passkey.PasskeyCredentials;
import dev.spaauth.provider.LinkedIdentities;
import dev.spaauth.provider.LinkedIdentitiesController;
import dev.spaauth.provider.ProviderAccounts;
import dev.spaauth.provider.ProviderAuthentication;
import dev.spaauth.provider.ProviderFlowController;
import dev.spaauth.provider.ProviderFlows;
import dev.spaauth.provider.ProviderResults;
import dev.spaauth.provider.ProviderSignInController;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.UserAccounts;

/**
 * Sign-in with providers, when the application has Spring Security's OAuth 2.0 client
 * ({@code spring-boot-starter-security-oauth2-client}) and Boot made registrations from
 * {@code spring.security.oauth2.client.registration.*}: the stores and the endpoints under
 * {@code {base-path}/providers}, {@code {base-path}/oauth2/**} and {@code {base-path}/identities}. No
 * {@code oauth2Login()} is added to any chain: its redirects and HTML login page do not fit an SPA.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ClientRegistrationRepository.class)
@ConditionalOnBean(ClientRegistrationRepository.class)
class SpaAuthProviderConfiguration {

	@Bean
	LinkedIdentities spaAuthLinkedIdentities(DataSource dataSource) {
		return new LinkedIdentities(JdbcClient.create(dataSource), Clock.systemUTC());
	}

	@Bean
	ProviderFlows spaAuthProviderFlows(DataSource dataSource, PlatformTransactionManager transactionManager) {
		return new ProviderFlows(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager),
				Clock.systemUTC());
	}

	@Bean
	ProviderResults spaAuthProviderResults(DataSource dataSource, PlatformTransactionManager transactionManager) {
		return new ProviderResults(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager),
				Clock.systemUTC());
	}

	@Bean
	ProviderAuthentication spaAuthProviderAuthentication(ObjectProvider<RestClient.Builder> restClients) {
		return new ProviderAuthentication(restClients.getIfAvailable(RestClient::builder).build());
	}

	@Bean
	ProviderAccounts spaAuthProviderAccounts(UserAccounts accounts, LinkedIdentities identities,
			PasswordEncoder passwordEncoder, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events, ObjectProvider<PasskeyCredentials> passkeys) {
		return new ProviderAccounts(accounts, identities, passwordEncoder, new TransactionTemplate(transactionManager),
				events, (userId) -> {
					PasskeyCredentials credentials = passkeys.getIfAvailable();
					return credentials != null && credentials.hasAny(userId);
				});
	}

	@Bean
	ProviderFlowController spaAuthProviderFlowController(ClientRegistrationRepository registrations, ProviderFlows flows,
			ProviderResults results, ProviderAuthentication authentication, ProviderAccounts accounts,
			Deployment deployment, SecurityEvents events, SpaAuthProperties properties) {
		return new ProviderFlowController(registrations, flows, results, authentication, accounts, deployment, events,
				properties.basePath(), properties.spaUrl());
	}

	@Bean
	LinkedIdentitiesController spaAuthLinkedIdentitiesController(ProviderAccounts accounts, LinkedIdentities identities,
			ClientRegistrationRepository registrations, Reauthentication reauthentication, SecurityEvents events,
			Notices notices) {
		return new LinkedIdentitiesController(accounts, identities, registrations, reauthentication, events, notices);
	}

	@Bean
	ProviderSignInController spaAuthProviderSignInController(ProviderResults results, ProviderAccounts accounts,
			LinkedIdentities identities, ClientRegistrationRepository registrations, SessionLifecycle sessions,
			Reauthentication reauthentication, SecondFactors secondFactors, TwoStepLogIn twoStep, LoginThrottle throttle,
			SecurityEvents events, SignInNotices signInNotices, Notices notices, Deployment deployment) {
		return new ProviderSignInController(results, accounts, identities, registrations, sessions, reauthentication,
				secondFactors, twoStep, throttle, events, signInNotices, notices, deployment);
	}

}
