package dev.spaauth.throttle;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Buckets in this instance's memory, at most 100,000 keys, each dropped after a period without use
 * (a full bucket carries no state worth keeping). Right for one instance; with several, each counts
 * on its own.
 */
public final class LocalThrottleBuckets implements ThrottleBuckets {

	private static final long MAX_TRACKED_KEYS = 100_000;

	private final Cache<String, Bucket> buckets;

	/**
	 * Creates the buckets.
	 * @param idle how long an unused bucket is kept: the longest refill period
	 */
	public LocalThrottleBuckets(Duration idle) {
		this.buckets = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(MAX_TRACKED_KEYS).build();
	}

	@Override
	public Bucket bucket(String key, BucketConfiguration configuration) {
		return this.buckets.get(key, (k) -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
	}

}
