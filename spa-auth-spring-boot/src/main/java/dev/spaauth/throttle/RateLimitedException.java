package dev.spaauth.throttle;

import java.time.Duration;

import org.springframework.http.HttpHeaders;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.problem.Problems;

/**
 * Thrown when an attempt is refused by the throttle; answered as 429 problem {@code rate_limited}
 * with {@code Retry-After} in whole seconds (RFC 9110 section 10.2.3).
 */
public class RateLimitedException extends ProblemException {

	private final Duration retryAfter;

	/**
	 * Creates the exception.
	 * @param retryAfter how long until the next attempt can be accepted
	 */
	public RateLimitedException(Duration retryAfter) {
		super(ProblemCode.RATE_LIMITED, Problems.of(ProblemCode.RATE_LIMITED,
				"Too many attempts. Wait " + seconds(retryAfter) + " seconds, then try again."), null);
		this.retryAfter = retryAfter;
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
	}

	/**
	 * Returns how long until the next attempt can be accepted.
	 * @return the wait
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Returns the wait as the whole seconds of a {@code Retry-After} header, rounded up.
	 * @return the seconds, at least 1
	 */
	public long getRetryAfterSeconds() {
		return seconds(this.retryAfter);
	}

	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
