package dev.spaauth.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.spaauth.account.AccountDeletionController;
import dev.spaauth.account.AccountWork;
import dev.spaauth.account.EmailChangeController;
import dev.spaauth.account.EmailChangeService;
import dev.spaauth.account.PasswordChangeController;
import dev.spaauth.account.PasswordChangeService;
import dev.spaauth.account.PasswordConfirmation;
import dev.spaauth.account.PasswordResetController;
import dev.spaauth.account.PasswordResetService;
import dev.spaauth.account.ReauthenticationController;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.config.SpaAuthEndpoints;
import dev.spaauth.csrf.SessionBoundCsrfTokenRepository;
import dev.spaauth.deployment.Deployment;
import dev.spaauth.device.KnownDevices;
import dev.spaauth.device.SignInNotices;
import dev.spaauth.device.SignInReportController;
import dev.spaauth.login.AuthController;
import dev.spaauth.mail.Notices;
import dev.spaauth.mfa.SecondFactors;
import dev.spaauth.mfa.TwoStepLogIn;
import dev.spaauth.passkey.PasskeyCredentials;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.session.UserSessions;
import dev.spaauth.provider.LinkedIdentities;
import dev.spaauth.signup.EmailVerificationController;
import dev.spaauth.signup.EmailVerifications;
import dev.spaauth.signup.SignupController;
import dev.spaauth.signup.SignupService;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.OneTimeTokens;
import dev.spaauth.user.PasswordPolicy;
import dev.spaauth.user.UserAccounts;

/**
 * spa-auth's endpoints under {@code spa-auth.base-path} (log-in and log-out, sign-up, re-authentication,
 * password change, email change, password reset) and the services behind them.
 */
@Configuration(proxyBeanMethods = false)
class SpaAuthEndpointsConfiguration {

	/** Reset and email-change requests that may wait for the account thread; more are answered 503. */
	private static final int ACCOUNT_WORK_QUEUE = 10_000;

	@Bean
	@ConditionalOnMissingBean
	SpaAuthEndpoints spaAuthEndpoints(SpaAuthProperties properties) {
		return new SpaAuthEndpoints(properties.basePath(), properties.publicPaths(), properties.protectedPaths(),
				ActuatorRules.ifPresent());
	}

	@Bean
	AuthController spaAuthAuthController(AuthenticationManager authenticationManager, SessionLifecycle sessions,
			LoginThrottle throttle, SecurityEvents events, Reauthentication reauthentication,
			SecondFactors secondFactors, TwoStepLogIn twoStep, SignInNotices signInNotices, SpaAuthProperties properties,
			SessionBoundCsrfTokenRepository csrfTokens) {
		return new AuthController(authenticationManager, sessions, throttle, events, reauthentication, secondFactors,
				twoStep, signInNotices, verificationRequired(properties), csrfTokens);
	}

	private static boolean verificationRequired(SpaAuthProperties properties) {
		return properties.signup().emailVerification() == SpaAuthProperties.EmailVerification.REQUIRED;
	}

	@Bean
	EmailVerifications spaAuthEmailVerifications(UserAccounts accounts, OneTimeTokens tokens, Notices notices,
			LoginThrottle throttle, SecurityEvents events, SpaAuthProperties properties, AccountWork work) {
		return new EmailVerifications(accounts, tokens, notices, throttle, events,
				properties.tokens().emailVerificationLifetime(), work);
	}

	@Bean
	EmailVerificationController spaAuthEmailVerificationController(EmailVerifications verifications,
			SessionLifecycle sessions) {
		return new EmailVerificationController(verifications, sessions);
	}

	@Bean
	SignupService spaAuthSignupService(UserAccounts accounts, PasswordEncoder encoder, PasswordPolicy policy,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
		return new SignupService(accounts, encoder, policy, new TransactionTemplate(transactionManager), events);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "spa-auth.signup.enabled", matchIfMissing = true)
	SignupController spaAuthSignupController(SignupService signup, SessionLifecycle sessions, LoginThrottle throttle,
			SecurityEvents events, SignInNotices signInNotices, EmailVerifications verifications,
			SpaAuthProperties properties) {
		boolean off = properties.signup().emailVerification() == SpaAuthProperties.EmailVerification.OFF;
		return new SignupController(signup, sessions, throttle, events, signInNotices, off ? null : verifications,
				verificationRequired(properties));
	}

	@Bean
	PasswordConfirmation spaAuthPasswordConfirmation(AuthenticationManager authenticationManager,
			LoginThrottle throttle, SecurityEvents events) {
		return new PasswordConfirmation(authenticationManager, throttle, events);
	}

	@Bean
	ReauthenticationController spaAuthReauthenticationController(PasswordConfirmation passwords,
			Reauthentication reauthentication, SessionLifecycle sessions, SecurityEvents events) {
		return new ReauthenticationController(passwords, reauthentication, sessions, events);
	}

	@Bean
	PasswordChangeService spaAuthPasswordChangeService(PasswordConfirmation passwords, PasswordPolicy policy,
			PasswordEncoder encoder, UserAccounts accounts, OneTimeTokens tokens, SessionLifecycle sessions,
			UserSessions userSessions, Reauthentication reauthentication, Notices notices, SecurityEvents events) {
		return new PasswordChangeService(passwords, policy, encoder, accounts, tokens, sessions, userSessions,
				reauthentication, notices, events);
	}

	@Bean
	PasswordChangeController spaAuthPasswordChangeController(PasswordChangeService passwordChange) {
		return new PasswordChangeController(passwordChange);
	}

	/**
	 * Its own thread, not an {@code Executor} bean: one would make Boot's {@code applicationTaskExecutor}
	 * back off.
	 */
	@Bean
	AccountWork spaAuthAccountWork() {
		return new AccountWork(ACCOUNT_WORK_QUEUE);
	}

	@Bean
	EmailChangeService spaAuthEmailChangeService(Reauthentication reauthentication, UserAccounts accounts,
			OneTimeTokens tokens, Notices notices, SessionLifecycle sessions, SecurityEvents events,
			UserSessions userSessions, SpaAuthProperties properties, AccountWork work) {
		return new EmailChangeService(reauthentication, accounts, tokens, notices, sessions, events, userSessions,
				properties.tokens().emailChangeLifetime(), work);
	}

	@Bean
	EmailChangeController spaAuthEmailChangeController(EmailChangeService emailChange) {
		return new EmailChangeController(emailChange);
	}

	@Bean
	PasswordResetService spaAuthPasswordResetService(UserAccounts accounts, OneTimeTokens tokens,
			PasswordPolicy policy, PasswordEncoder encoder, UserSessions userSessions, LoginThrottle throttle,
			Notices notices, SecurityEvents events, SpaAuthProperties properties, AccountWork work) {
		return new PasswordResetService(accounts, tokens, policy, encoder, userSessions, throttle, notices, events,
				properties.tokens().passwordResetLifetime(), work);
	}

	@Bean
	AccountDeletionController spaAuthAccountDeletionController(Reauthentication reauthentication,
			UserAccounts accounts, UserSessions userSessions, SessionLifecycle sessions,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher, Notices notices,
			SecurityEvents events) {
		return new AccountDeletionController(reauthentication, accounts, userSessions, sessions,
				new TransactionTemplate(transactionManager), publisher, notices, events);
	}

	@Bean
	KnownDevices spaAuthKnownDevices(DataSource dataSource, Deployment deployment) {
		return new KnownDevices(JdbcClient.create(dataSource), deployment, Clock.systemUTC());
	}

	@Bean
	SignInNotices spaAuthSignInNotices(KnownDevices devices, OneTimeTokens tokens, Notices notices,
			SecurityEvents events) {
		return new SignInNotices(devices, tokens, notices, events);
	}

	@Bean
	SignInReportController spaAuthSignInReportController(OneTimeTokens tokens, UserAccounts accounts,
			UserSessions userSessions, SessionLifecycle sessions, KnownDevices devices, PasswordEncoder encoder,
			Notices notices, SecurityEvents events, ObjectProvider<PasskeyCredentials> passkeys,
			ObjectProvider<LinkedIdentities> identities) {
		return new SignInReportController(tokens, accounts, userSessions, sessions, devices, encoder, notices, events,
				(userId) -> {
					passkeys.ifAvailable((credentials) -> credentials.deleteAll(userId));
					identities.ifAvailable((linked) -> linked.unlinkAll(userId));
				});
	}

	@Bean
	PasswordResetController spaAuthPasswordResetController(PasswordResetService reset) {
		return new PasswordResetController(reset);
	}

}
