package dev.spaauth.throttle;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an attempt is refused by the throttle; answered as 429 problem {@code rate_limited}
 * with {@code Retry-After}.
 */
public class RateLimitedException extends RuntimeException {

	private final Duration retryAfter;

	private final @Nullable String account;

	/**
	 * Creates the exception.
	 * @param retryAfter how long until the next attempt can be accepted
	 * @param account the account name the attempt named, or null
	 */
	public RateLimitedException(Duration retryAfter, @Nullable String account) {
		super("Too many attempts; retry after " + retryAfter);
		this.retryAfter = retryAfter;
		this.account = account;
	}

	/**
	 * Returns the account name the refused attempt named.
	 * @return the name as submitted, or null
	 */
	public @Nullable String getAccount() {
		return this.account;
	}

	/**
	 * Returns how long until the next attempt can be accepted.
	 * @return the wait, at least one second
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Returns the wait as the whole seconds of a {@code Retry-After} header, rounded up.
	 * @return the seconds, at least 1
	 */
	public long getRetryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
