package dev.spaauth.autoconfigure;

import java.time.Duration;
import java.util.Locale;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;

import dev.spaauth.health.StoreHealthIndicator;
import dev.spaauth.store.FailFastDataSource;
import dev.spaauth.throttle.LocalThrottleBuckets;
import dev.spaauth.throttle.PostgresThrottleBuckets;
import dev.spaauth.throttle.RedisThrottleBuckets;
import dev.spaauth.throttle.ThrottleBuckets;

/**
 * Health indicators for spa-auth's stores, when Spring Boot's health support is on the classpath:
 * {@code spaAuthSessionStore} (Spring Session's store, JDBC or Redis) and {@code spaAuthThrottleStore}
 * (the throttle's buckets: PostgreSQL, Redis or this instance's memory). Each is DOWN when its store
 * does not answer within {@value #TIMEOUT_SECONDS} seconds, which is longer than the stores' own
 * bounds (2 seconds for a database connection or a Redis command by spa-auth's defaults). Turned off
 * with {@code management.health.spa-auth.enabled=false}.
 */
@AutoConfiguration(after = { SpaAuthAutoConfiguration.class, SpaAuthSessionAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("spa-auth")
public final class SpaAuthHealthAutoConfiguration {

	static final int TIMEOUT_SECONDS = 3;

	private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

	/** No session has this id: random ids are 36 characters of base64url ({@code RandomSessionIdGenerator}). */
	private static final String PROBE_SESSION_ID = "spa-auth-health-probe";

	/** The throttle bucket the probe reads, apart from every address and account bucket. */
	private static final String PROBE_BUCKET = "health:probe";

	@Bean
	@ConditionalOnBean(FindByIndexNameSessionRepository.class)
	@ConditionalOnMissingBean(name = "spaAuthSessionStoreHealthIndicator")
	StoreHealthIndicator spaAuthSessionStoreHealthIndicator(FindByIndexNameSessionRepository<?> sessions,
			Environment environment) {
		String store = environment.getProperty("spa-auth.session.store", "jdbc").toLowerCase(Locale.ROOT);
		return new StoreHealthIndicator(store, asRequest(() -> sessions.findById(PROBE_SESSION_ID)), TIMEOUT);
	}

	@Bean
	@ConditionalOnBean(ThrottleBuckets.class)
	@ConditionalOnMissingBean(name = "spaAuthThrottleStoreHealthIndicator")
	StoreHealthIndicator spaAuthThrottleStoreHealthIndicator(ThrottleBuckets buckets) {
		BucketConfiguration probe = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofMinutes(1)).build())
			.build();
		return new StoreHealthIndicator(storeName(buckets),
				asRequest(() -> buckets.bucket(PROBE_BUCKET, probe).getAvailableTokens()), TIMEOUT);
	}

	/**
	 * Runs a probe as a request's work: a database connection it takes gets the request timeout
	 * ({@link FailFastDataSource#boundRequest()}), so a hung database frees the probe's thread too.
	 */
	private static Runnable asRequest(Runnable probe) {
		return () -> {
			try (FailFastDataSource.RequestScope request = FailFastDataSource.boundRequest()) {
				probe.run();
			}
		};
	}

	private static String storeName(ThrottleBuckets buckets) {
		if (buckets instanceof LocalThrottleBuckets) {
			return "memory";
		}
		if (buckets instanceof PostgresThrottleBuckets) {
			return "postgresql";
		}
		if (buckets instanceof RedisThrottleBuckets) {
			return "redis";
		}
		return buckets.getClass().getSimpleName();
	}

}
