package dev.spaauth.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import io.lettuce.core.RedisClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.throttle.LocalThrottleBuckets;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.throttle.PostgresThrottleBuckets;
import dev.spaauth.throttle.RedisThrottleBuckets;
import dev.spaauth.throttle.ThrottleBuckets;

/**
 * The log-in throttle and where its buckets live: Redis with the Redis session store, PostgreSQL when
 * that is the database (both shared by every instance), otherwise this instance's memory.
 */
@Configuration(proxyBeanMethods = false)
class SpaAuthThrottleConfiguration {

	@Bean
	LoginThrottle spaAuthLoginThrottle(SpaAuthProperties properties, ThrottleBuckets buckets, SecurityEvents events) {
		SpaAuthProperties.Throttle throttle = properties.throttle();
		return new LoginThrottle(throttle.accountAttempts(), throttle.accountPeriod(), throttle.addressAttempts(),
				throttle.addressPeriod(), buckets, events);
	}

	@Bean
	@ConditionalOnMissingBean
	ThrottleBuckets spaAuthThrottleBuckets(SpaAuthProperties properties, DataSource dataSource) throws SQLException {
		// On PostgreSQL every instance shares the database, so the counts live there too.
		try (Connection connection = dataSource.getConnection()) {
			if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				return new PostgresThrottleBuckets(dataSource);
			}
		}
		SpaAuthProperties.Throttle throttle = properties.throttle();
		Duration longest = (throttle.accountPeriod().compareTo(throttle.addressPeriod()) > 0) ? throttle.accountPeriod()
				: throttle.addressPeriod();
		return new LocalThrottleBuckets(longest);
	}

	/** With the Redis session store, the throttle's buckets live in Redis too, shared by every instance. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.github.bucket4j.redis.lettuce.Bucket4jLettuce",
			"org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory" })
	@ConditionalOnProperty(name = "spa-auth.session.store", havingValue = "redis")
	static class RedisThrottleConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ThrottleBuckets spaAuthRedisThrottleBuckets(LettuceConnectionFactory connectionFactory,
				@Value("${spring.session.data.redis.namespace:spring:session}") String namespace) {
			return new RedisThrottleBuckets(() -> (RedisClient) connectionFactory.getNativeClient(),
					namespace + ":spa-auth-throttle");
		}

	}

}
