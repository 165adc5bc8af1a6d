package dev.spaauth.autoconfigure;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ObservationAuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.spaauth.user.BoundedPasswordEncoder;
import dev.spaauth.user.OneTimeTokens;
import dev.spaauth.user.PasswordPolicy;
import dev.spaauth.user.SpaAuthUserDetailsService;
import dev.spaauth.user.UserAccounts;
import dev.spaauth.user.UserRoles;

/**
 * Accounts: spa-auth's schema (migrated by Flyway), the account store and roles, single-use mail
 * tokens, the password policy and hashing, and the authentication manager that checks passwords.
 */
@Configuration(proxyBeanMethods = false)
class SpaAuthAccountsConfiguration {

	/** OWASP Password Storage Cheat Sheet: Argon2id with 19 MiB, 2 iterations, parallelism 1. */
	private static final int ARGON2_MEMORY_KIB = 19 * 1024;

	private static final int ARGON2_ITERATIONS = 2;

	@Bean
	SpaAuthSchemaInitializer spaAuthSchemaInitializer(DataSource dataSource) {
		return new SpaAuthSchemaInitializer(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean
	UserAccounts spaAuthUserAccounts(DataSource dataSource) {
		return new UserAccounts(JdbcClient.create(dataSource), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	UserRoles spaAuthUserRoles(DataSource dataSource, UserAccounts accounts, ApplicationEventPublisher events) {
		return new UserRoles(JdbcClient.create(dataSource), accounts, events, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	OneTimeTokens spaAuthOneTimeTokens(DataSource dataSource, PlatformTransactionManager transactionManager) {
		return new OneTimeTokens(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager),
				Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	SpaAuthUserDetailsService spaAuthUserDetailsService(UserAccounts accounts) {
		return new SpaAuthUserDetailsService(accounts);
	}

	@Bean
	PasswordPolicy spaAuthPasswordPolicy(SpaAuthProperties properties) {
		SpaAuthProperties.Password password = properties.password();
		return new PasswordPolicy(password.minLength(), password.maxLength(), password.minStrength());
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordEncoder spaAuthPasswordEncoder(SpaAuthProperties properties) {
		// Delegating, so stored hashes name their algorithm ({argon2}...) and can be upgraded later.
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, ARGON2_MEMORY_KIB, ARGON2_ITERATIONS);
		PasswordEncoder delegating = new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
		// Bounded memory (19 MiB a hash) and CPU left for other requests: by default half the cores.
		SpaAuthProperties.Password password = properties.password();
		return new BoundedPasswordEncoder(delegating,
				password.effectiveMaxConcurrentHashes(Runtime.getRuntime().availableProcessors()),
				password.maxHashWait());
	}

	/**
	 * Checks passwords. With an {@link ObservationRegistry} (Spring Boot's actuator makes one), each
	 * check is observed as Spring Security observes the managers it builds itself: the timer
	 * {@code spring.security.authentications}, tagged with the result and the failure's type.
	 */
	@Bean
	@ConditionalOnMissingBean
	AuthenticationManager spaAuthAuthenticationManager(SpaAuthUserDetailsService userDetailsService,
			PasswordEncoder passwordEncoder, ObjectProvider<ObservationRegistry> observations) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetailsService);
		provider.setPasswordEncoder(passwordEncoder);
		AuthenticationManager manager = new ProviderManager(provider);
		ObservationRegistry registry = observations.getIfUnique(() -> ObservationRegistry.NOOP);
		return registry.isNoop() ? manager : new ObservationAuthenticationManager(registry, manager);
	}

}
