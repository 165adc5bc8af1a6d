package dev.spaauth.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.deployment.Deployment;
import dev.spaauth.device.SignInNotices;
import dev.spaauth.mail.Notices;
import dev.spaauth.config.SpaAuthEndpoints;
import dev.spaauth.mfa.MfaLogInController;
import dev.spaauth.mfa.MfaRequiredEntryPoint;
import dev.spaauth.mfa.RecoveryCodes;
import dev.spaauth.mfa.SecondFactors;
import dev.spaauth.mfa.SecondFactorsController;
import dev.spaauth.mfa.Totp;
import dev.spaauth.mfa.TotpFactors;
import dev.spaauth.mfa.TwoStepLogIn;
import dev.spaauth.passkey.PasskeyCredentials;
import dev.spaauth.problem.ProblemAuthenticationEntryPoint;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.UserAccounts;

/**
 * Second factors: authenticator apps (TOTP) and recovery codes, the two-step log-in and their
 * endpoints under {@code {base-path}/mfa} and {@code {base-path}/login/mfa}.
 */
@Configuration(proxyBeanMethods = false)
class SpaAuthMfaConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TotpFactors spaAuthTotpFactors(DataSource dataSource, PlatformTransactionManager transactionManager) {
		return new TotpFactors(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager),
				new Totp(Clock.systemUTC()), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	RecoveryCodes spaAuthRecoveryCodes(DataSource dataSource, PlatformTransactionManager transactionManager,
			PasswordEncoder encoder) {
		return new RecoveryCodes(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), encoder,
				Clock.systemUTC());
	}

	@Bean
	SecondFactors spaAuthSecondFactors(TotpFactors totp, RecoveryCodes recoveryCodes,
			ObjectProvider<PasskeyCredentials> passkeys) {
		return new SecondFactors(totp, recoveryCodes, (userId) -> {
			PasskeyCredentials credentials = passkeys.getIfAvailable();
			return credentials != null && credentials.hasAny(userId);
		});
	}

	@Bean
	TwoStepLogIn spaAuthTwoStepLogIn(SessionLifecycle sessions, SpaAuthProperties properties) {
		return new TwoStepLogIn(sessions, properties.mfa().pendingTimeout(), Clock.systemUTC());
	}

	@Bean
	MfaRequiredEntryPoint spaAuthEntryPoint(TwoStepLogIn twoStep, ProblemResponseWriter problems,
			SpaAuthEndpoints endpoints) {
		return new MfaRequiredEntryPoint(twoStep, problems, endpoints.path("/login/mfa"),
				new ProblemAuthenticationEntryPoint(problems, endpoints.path("/login")));
	}

	@Bean
	MfaLogInController spaAuthMfaLogInController(TwoStepLogIn twoStep, TotpFactors totp, RecoveryCodes recoveryCodes,
			UserAccounts accounts, LoginThrottle throttle, Notices notices, SecurityEvents events,
			SignInNotices signInNotices) {
		return new MfaLogInController(twoStep, totp, recoveryCodes, accounts, throttle, notices, events, signInNotices);
	}

	@Bean
	SecondFactorsController spaAuthSecondFactorsController(TotpFactors totp, RecoveryCodes recoveryCodes,
			SecondFactors factors, TwoStepLogIn twoStep, Reauthentication reauthentication, LoginThrottle throttle,
			Notices notices, SecurityEvents events, SpaAuthProperties properties, Environment environment,
			Deployment deployment) {
		return new SecondFactorsController(totp, recoveryCodes, factors, twoStep, reauthentication, throttle, notices,
				events, issuer(properties, environment, deployment));
	}

	/** The name apps and authenticators show: configured, else the application's name, else the public host. */
	static String issuer(SpaAuthProperties properties, Environment environment, Deployment deployment) {
		if (properties.mfa().issuer() != null) {
			return properties.mfa().issuer();
		}
		String name = environment.getProperty("spring.application.name");
		if (name != null && !name.isBlank()) {
			return name;
		}
		return (deployment.publicOrigin() != null) ? deployment.publicOrigin().host() : "spa-auth";
	}

}
