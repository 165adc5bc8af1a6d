package dev.spaauth.throttle;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Buckets in the table {@code spa_auth.throttle_buckets} of a PostgreSQL database, shared by every
 * instance on it (Bucket4j's PostgreSQL back end, {@code SELECT ... FOR UPDATE}); a row expires once
 * its bucket would be full again.
 */
public final class PostgresThrottleBuckets implements ThrottleBuckets {

	private final ProxyManager<String> proxies;

	/**
	 * Creates the buckets.
	 * @param dataSource the PostgreSQL database that holds spa-auth's schema
	 */
	public PostgresThrottleBuckets(DataSource dataSource) {
		this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("spa_auth.throttle_buckets")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	@Override
	public Bucket bucket(String key, BucketConfiguration configuration) {
		return this.proxies.getProxy(key, () -> configuration);
	}

}
