package dev.spaauth.throttle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;

import org.springframework.util.function.SingletonSupplier;

/**
 * Buckets in Redis through Bucket4j's Lettuce back end (compare-and-swap), shared by every instance;
 * keys are {@code <prefix>:<key>} and expire once the bucket would be full again.
 */
public final class RedisThrottleBuckets implements ThrottleBuckets {

	private final Supplier<ProxyManager<byte[]>> proxies;

	private final String prefix;

	/**
	 * Creates the buckets.
	 * @param client the Redis client, taken lazily: it is ready only once the connection factory started
	 * @param prefix prefix of the keys, such as {@code spa-auth:throttle}
	 */
	public RedisThrottleBuckets(Supplier<RedisClient> client, String prefix) {
		this.proxies = SingletonSupplier.of(() -> Bucket4jLettuce.casBasedBuilder(client.get())
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build());
		this.prefix = prefix;
	}

	@Override
	public Bucket bucket(String key, BucketConfiguration configuration) {
		return this.proxies.get().getProxy((this.prefix + ":" + key).getBytes(StandardCharsets.UTF_8), () -> configuration);
	}

}
