package dev.spaauth.autoconfigure;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;

import org.apache.catalina.core.StandardHost;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.session.SessionIdGenerator;

import dev.spaauth.audit.AuditLog;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.account.EmailChangeController;
import dev.spaauth.account.PasswordChangeController;
import dev.spaauth.csrf.CsrfController;
import dev.spaauth.mail.Notices;
import dev.spaauth.reauth.PasswordConfirmation;
import dev.spaauth.reauth.Reauthentication;
import dev.spaauth.reauth.ReauthenticationController;
import dev.spaauth.reset.PasswordResetController;
import dev.spaauth.sessions.SessionsController;
import dev.spaauth.sessions.UserSessions;
import dev.spaauth.user.OneTimeTokens;
import dev.spaauth.csrf.CsrfTokenSigner;
import dev.spaauth.csrf.SessionBoundCsrfTokenRepository;
import dev.spaauth.login.AuthController;
import dev.spaauth.origin.TrustedOrigins;
import dev.spaauth.problem.ApiExceptionHandler;
import dev.spaauth.problem.ProblemErrorController;
import dev.spaauth.problem.ProblemRequestRejectedHandler;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.session.RandomSessionIdGenerator;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.signup.SignupController;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.BoundedPasswordEncoder;
import dev.spaauth.user.PasswordPolicy;
import dev.spaauth.user.SpaAuthUserDetailsService;
import dev.spaauth.user.UserAccounts;
import dev.spaauth.web.ProblemErrorReportValve;
import dev.spaauth.web.RequestGuardFilter;
import dev.spaauth.web.StoreUnavailableFilter;
import dev.spaauth.web.WellFormedStringDeserializer;

/**
 * Auto-configuration of spa-auth for a servlet web application with a {@link DataSource}: the
 * endpoints under {@code spa-auth.base-path}, the security filter chain, the session cookie, the
 * account store and its schema. Beans an application declares itself (a {@link PasswordEncoder}, an
 * {@link AuthenticationManager}, a {@code SecurityFilterChain}) take precedence.
 */
@AutoConfiguration(
		before = { SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
				UserDetailsServiceAutoConfiguration.class, ErrorMvcAutoConfiguration.class },
		after = { DataSourceAutoConfiguration.class, JacksonAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SpaAuthProperties.class)
@Import({ SpaAuthSecurityConfiguration.class, SpaAuthMailConfiguration.class, SpaAuthThrottleConfiguration.class, CsrfController.class, SignupController.class,
		ReauthenticationController.class, PasswordChangeController.class, SessionsController.class,
		ApiExceptionHandler.class, ProblemErrorController.class })
public final class SpaAuthAutoConfiguration {

	/** OWASP Password Storage Cheat Sheet: Argon2id with 19 MiB, 2 iterations, parallelism 1. */
	private static final int ARGON2_MEMORY_KIB = 19 * 1024;

	private static final int ARGON2_ITERATIONS = 2;

	private final OriginSettings origins;

	SpaAuthAutoConfiguration(SpaAuthProperties properties) {
		this.origins = SpaAuthConfigurationValidator.validate(properties);
	}

	@Bean
	TrustedOrigins spaAuthTrustedOrigins() {
		return new TrustedOrigins(this.origins.publicOrigin(), this.origins.allowedOrigins());
	}

	@Bean
	SpaAuthSchemaInitializer spaAuthSchemaInitializer(DataSource dataSource) {
		return new SpaAuthSchemaInitializer(dataSource);
	}

	@Bean
	JsonMapperBuilderCustomizer spaAuthWellFormedStrings() {
		return (builder) -> builder.addModule(new SimpleModule("spa-auth-well-formed-strings")
			.addDeserializer(String.class, new WellFormedStringDeserializer()));
	}

	@Bean
	ProblemResponseWriter spaAuthProblemResponseWriter(JsonMapper jsonMapper) {
		return new ProblemResponseWriter(jsonMapper);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestRejectedHandler spaAuthRequestRejectedHandler(ProblemResponseWriter problems) {
		return new ProblemRequestRejectedHandler(problems);
	}

	@Bean
	FilterRegistrationBean<RequestGuardFilter> spaAuthRequestGuardFilter(
			SpaAuthProperties properties, ProblemResponseWriter problems) {
		FilterRegistrationBean<RequestGuardFilter> registration = new FilterRegistrationBean<>(
				new RequestGuardFilter(properties.maxRequestBodySize().toBytes(), problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	FilterRegistrationBean<StoreUnavailableFilter> spaAuthStoreUnavailableFilter(ProblemResponseWriter problems) {
		FilterRegistrationBean<StoreUnavailableFilter> registration = new FilterRegistrationBean<>(
				new StoreUnavailableFilter(problems));
		// Outside Spring Session's filter, which reads and writes the session.
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	@Bean
	DefaultCookieSerializerCustomizer spaAuthSessionCookie(SpaAuthProperties properties) {
		boolean secure = properties.cookies().secure();
		return (cookie) -> {
			cookie.setCookieName(properties.session().effectiveCookieName(secure));
			cookie.setUseSecureCookie(secure);
			cookie.setUseHttpOnlyCookie(true);
			cookie.setSameSite(this.origins.sameSite().attributeValue());
			cookie.setCookiePath("/");
			cookie.setDomainName(null);
			cookie.setCookieMaxAge(-1);
		};
	}

	@Bean
	@ConditionalOnMissingBean
	SessionIdGenerator spaAuthSessionIdGenerator() {
		return new RandomSessionIdGenerator();
	}

	@Bean
	SessionBoundCsrfTokenRepository spaAuthCsrfTokenRepository(SpaAuthProperties properties) {
		SpaAuthProperties.Csrf csrf = properties.csrf();
		CsrfTokenSigner signer = (csrf.signingSecret() != null) ? CsrfTokenSigner.withSecret(csrf.signingSecret())
				: CsrfTokenSigner.withRandomSecret();
		return new SessionBoundCsrfTokenRepository(signer, csrf.cookieName(), csrf.headerName(),
				properties.cookies().secure(), this.origins.sameSite().attributeValue());
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityContextRepository spaAuthSecurityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	SessionLifecycle spaAuthSessionLifecycle(SecurityContextRepository securityContextRepository,
			SessionBoundCsrfTokenRepository csrfTokens, SpaAuthProperties properties) {
		return new SessionLifecycle(securityContextRepository, csrfTokens, properties.session().idleTimeout());
	}

	@Bean
	Reauthentication spaAuthReauthentication(SpaAuthProperties properties) {
		return new Reauthentication(properties.reauthentication().window(), Clock.systemUTC());
	}

	@Bean
	PasswordConfirmation spaAuthPasswordConfirmation(AuthenticationManager authenticationManager,
			LoginThrottle throttle, SecurityEvents events) {
		return new PasswordConfirmation(authenticationManager, throttle, events);
	}

	@Bean
	OneTimeTokens spaAuthOneTimeTokens(DataSource dataSource, PlatformTransactionManager transactionManager) {
		return new OneTimeTokens(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager),
				Clock.systemUTC());
	}

	@Bean
	UserSessions spaAuthUserSessions(FindByIndexNameSessionRepository<? extends Session> sessionRepository) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return new UserSessions(sessionRepository, secret);
	}

	@Bean
	AuthController spaAuthAuthController(AuthenticationManager authenticationManager, SessionLifecycle sessions,
			LoginThrottle throttle, SecurityEvents events, Reauthentication reauthentication,
			SpaAuthProperties properties) {
		return new AuthController(authenticationManager, sessions, throttle, events, reauthentication,
				properties.session().absoluteTimeout());
	}

	@Bean
	EmailChangeController spaAuthEmailChangeController(Reauthentication reauthentication, UserAccounts accounts,
			OneTimeTokens tokens, Notices notices, SessionLifecycle sessions, SecurityEvents events,
			UserSessions userSessions, SpaAuthProperties properties) {
		return new EmailChangeController(reauthentication, accounts, tokens, notices, sessions, events, userSessions,
				properties.tokens().emailChangeLifetime());
	}

	@Bean
	PasswordResetController spaAuthPasswordResetController(UserAccounts accounts, OneTimeTokens tokens,
			PasswordPolicy policy, PasswordEncoder encoder, UserSessions userSessions, LoginThrottle throttle,
			Notices notices, SecurityEvents events, SpaAuthProperties properties) {
		return new PasswordResetController(accounts, tokens, policy, encoder, userSessions, throttle, notices, events,
				properties.tokens().passwordResetLifetime());
	}

	@Bean
	@ConditionalOnMissingBean
	UserAccounts spaAuthUserAccounts(DataSource dataSource) {
		return new UserAccounts(JdbcClient.create(dataSource), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	SpaAuthUserDetailsService spaAuthUserDetailsService(UserAccounts accounts) {
		return new SpaAuthUserDetailsService(accounts);
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

	@Bean
	SecurityEvents spaAuthSecurityEvents(ApplicationEventPublisher publisher) {
		return new SecurityEvents(publisher, Clock.systemUTC());
	}

	@Bean
	AuditLog spaAuthAuditLog() {
		return new AuditLog();
	}

	@Bean
	PasswordPolicy spaAuthPasswordPolicy(SpaAuthProperties properties) {
		SpaAuthProperties.Password password = properties.password();
		return new PasswordPolicy(password.minLength(), password.maxLength(), password.minStrength());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
	static class TomcatErrorPageConfiguration {

		@Bean
		TomcatContextCustomizer spaAuthProblemErrorReportValve() {
			return (context) -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			};
		}

	}

	@Bean
	@ConditionalOnMissingBean
	AuthenticationManager spaAuthAuthenticationManager(SpaAuthUserDetailsService userDetailsService,
			PasswordEncoder passwordEncoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetailsService);
		provider.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(provider);
	}

}
