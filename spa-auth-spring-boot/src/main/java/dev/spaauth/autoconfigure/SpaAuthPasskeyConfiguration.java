package dev.spaauth.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.deployment.Deployment;
import dev.spaauth.device.SignInNotices;
import dev.spaauth.mail.Notices;
import dev.spaauth.mfa.SecondFactors;
import dev.spaauth.mfa.TwoStepLogIn;
import dev.spaauth.passkey.PasskeyCeremonies;
import dev.spaauth.passkey.PasskeyController;
import dev.spaauth.passkey.PasskeyCredentials;
import dev.spaauth.passkey.PasskeyLogInController;
import dev.spaauth.passkey.PasskeyUserHandles;
import dev.spaauth.passkey.Passkeys;
import dev.spaauth.passkey.RelyingParty;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.UserAccounts;

/**
 * Passkeys ({@code spa-auth.passkeys.enabled}, on by default): the relying party from the deployment
 * (start-up fails when no RP id can work), the stores and the endpoints under
 * {@code {base-path}/passkeys}, {@code {base-path}/login/passkey} and
 * {@code {base-path}/reauthenticate/passkey}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "spa-auth.passkeys.enabled", matchIfMissing = true)
class SpaAuthPasskeyConfiguration {

	@Bean
	RelyingParty spaAuthRelyingParty(Deployment deployment, SpaAuthProperties properties, Environment environment) {
		return RelyingParty.resolve(deployment, properties.passkeys().rpId(),
				SpaAuthMfaConfiguration.issuer(properties, environment, deployment));
	}

	@Bean
	PasskeyUserHandles spaAuthPasskeyUserHandles(DataSource dataSource, UserAccounts accounts) {
		return new PasskeyUserHandles(JdbcClient.create(dataSource), accounts);
	}

	@Bean
	PasskeyCredentials spaAuthPasskeyCredentials(DataSource dataSource, PasskeyUserHandles handles) {
		return new PasskeyCredentials(JdbcClient.create(dataSource), handles);
	}

	@Bean
	PasskeyCeremonies spaAuthPasskeyCeremonies(DataSource dataSource, PlatformTransactionManager transactionManager) {
		return new PasskeyCeremonies(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager),
				Clock.systemUTC());
	}

	@Bean
	Passkeys spaAuthPasskeys(RelyingParty relyingParty, PasskeyCeremonies ceremonies, PasskeyCredentials credentials,
			PasskeyUserHandles handles, UserAccounts accounts) {
		return new Passkeys(relyingParty, ceremonies, credentials, handles, accounts);
	}

	@Bean
	PasskeyController spaAuthPasskeyController(Passkeys passkeys, PasskeyCredentials credentials,
			Reauthentication reauthentication, Notices notices, SecurityEvents events, TwoStepLogIn twoStep,
			SecondFactors secondFactors) {
		return new PasskeyController(passkeys, credentials, reauthentication, notices, events, twoStep, secondFactors);
	}

	@Bean
	PasskeyLogInController spaAuthPasskeyLogInController(Passkeys passkeys, SessionLifecycle sessions,
			Reauthentication reauthentication, TwoStepLogIn twoStep, SecondFactors secondFactors, LoginThrottle throttle,
			SecurityEvents events, SignInNotices signInNotices) {
		return new PasskeyLogInController(passkeys, sessions, reauthentication, twoStep, secondFactors, throttle, events,
				signInNotices);
	}

}
