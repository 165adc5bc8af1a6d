package dev.spaauth.throttle;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where the throttle's token buckets live: in this instance's memory, or in a store shared by every
 * instance so that an attacker cannot multiply the allowance by spreading attempts over instances.
 */
public interface ThrottleBuckets {

	/**
	 * Returns the bucket for a key, creating it with the configuration when it does not exist.
	 * @param key the bucket's key, such as {@code account:alice} or {@code address:203.0.113.7}
	 * @param configuration the bucket's limits
	 * @return the bucket
	 */
	Bucket bucket(String key, BucketConfiguration configuration);

}
