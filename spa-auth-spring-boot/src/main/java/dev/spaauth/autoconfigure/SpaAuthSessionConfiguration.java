package dev.spaauth.autoconfigure;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.Delay;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionIdGenerator;

import dev.spaauth.csrf.SessionBoundCsrfTokenRepository;
import dev.spaauth.session.RandomSessionIdGenerator;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.session.SessionJson;
import dev.spaauth.session.SessionJsonConversionService;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.session.SessionRedisSerializer;
import dev.spaauth.session.SessionTimeouts;
import dev.spaauth.session.SessionsController;
import dev.spaauth.session.UserSessions;
import dev.spaauth.audit.SecurityEvents;

/**
 * Sessions: their ids, where the security context lives, starting and ending them, timeouts and
 * freshness, and the user's own list of sessions. The store itself is Spring Session's (JDBC or
 * Redis, see {@link SpaAuthEnvironmentPostProcessor} and {@link SpaAuthSessionAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class SpaAuthSessionConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SessionIdGenerator spaAuthSessionIdGenerator() {
		return new RandomSessionIdGenerator();
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityContextRepository spaAuthSecurityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	SessionLifecycle spaAuthSessionLifecycle(SecurityContextRepository securityContextRepository,
			SessionBoundCsrfTokenRepository csrfTokens, SpaAuthProperties properties) {
		return new SessionLifecycle(securityContextRepository, csrfTokens,
				new SessionTimeouts(properties.session().idleTimeout(), properties.session().absoluteTimeout()));
	}

	@Bean
	Reauthentication spaAuthReauthentication(SpaAuthProperties properties) {
		return new Reauthentication(properties.reauthentication().window(), Clock.systemUTC());
	}

	@Bean
	UserSessions spaAuthUserSessions(FindByIndexNameSessionRepository<? extends Session> sessionRepository) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return new UserSessions(sessionRepository, secret);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionJson spaAuthSessionJson(ApplicationContext context) {
		return new SessionJson(context.getClassLoader(), BasicPolymorphicTypeValidator.builder());
	}

	/**
	 * Spring Session JDBC stores each attribute through this conversion service: JSON, not Java
	 * serialization.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "springSessionConversionService")
	ConversionService springSessionConversionService(SessionJson json) {
		return new SessionJsonConversionService(json);
	}

	@Bean
	SessionsController spaAuthSessionsController(UserSessions userSessions, SessionLifecycle sessions,
			SecurityEvents events) {
		return new SessionsController(userSessions, sessions, events);
	}

	/** With Spring Data Redis present (the Redis store), its session attributes are JSON too. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.serializer.RedisSerializer")
	static class RedisSessionJsonConfiguration {

		/** Spring Session Data Redis stores each attribute through this serializer. */
		@Bean
		@ConditionalOnMissingBean(name = "springSessionDefaultRedisSerializer")
		SessionRedisSerializer springSessionDefaultRedisSerializer(SessionJson json) {
			return new SessionRedisSerializer(json);
		}

	}

	/**
	 * With Lettuce (the Redis store), a lost connection is tried again at most a second apart: Lettuce's
	 * default backs off exponentially up to 30 seconds, so after an outage of 20 seconds service
	 * returned about 9 seconds after Redis did, and after 46 seconds about 18 seconds after.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.lettuce.core.resource.Delay",
			"org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer" })
	static class RedisReconnectConfiguration {

		@Bean
		ClientResourcesBuilderCustomizer spaAuthRedisReconnectDelay() {
			return (resources) -> resources.reconnectDelay(
					Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
		}

	}

}
