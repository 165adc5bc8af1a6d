package dev.spaauth.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;

/**
 * Throttles attempts that check a password or create an account, with token buckets (Bucket4j) per
 * account name and per client address. Each attempt takes a token from both buckets; a successful
 * log-in gives them back, so only failures count. A bucket refills steadily, so an attacker is
 * slowed to a trickle while nobody can lock a victim out for longer than one refill period (OWASP
 * Authentication Cheat Sheet, "Protect Against Automated Attacks"; ASVS 6.3.1, 6.1.1). The account
 * key is the hash of the name as submitted (case-folded, NFKC), whether or not the account exists, so a 429
 * tells nothing about existence. The buckets live in this instance's memory or, with the Redis
 * session store, in Redis, shared by every instance ({@link ThrottleBuckets}).
 */
public final class LoginThrottle {

	private final ThrottleBuckets buckets;

	private final BucketConfiguration accountLimit;

	private final BucketConfiguration addressLimit;

	private final SecurityEvents events;

	/**
	 * Creates the throttle.
	 * @param accountAttempts failed attempts allowed per account name within {@code accountPeriod}
	 * @param accountPeriod the time in which an account's allowance refills completely
	 * @param addressAttempts attempts allowed per client address within {@code addressPeriod}
	 * @param addressPeriod the time in which an address's allowance refills completely
	 * @param buckets where the buckets live
	 * @param events publishes refusals to the audit trail
	 */
	public LoginThrottle(int accountAttempts, Duration accountPeriod, int addressAttempts, Duration addressPeriod,
			ThrottleBuckets buckets, SecurityEvents events) {
		this.accountLimit = limit(accountAttempts, accountPeriod);
		this.addressLimit = limit(addressAttempts, addressPeriod);
		this.buckets = buckets;
		this.events = events;
	}

	/**
	 * Starts an attempt, taking a token from the bucket of the request's client address and, if an
	 * account is named, from the account's; a refusal is published to the audit trail, with the limit
	 * that refused ({@code address} or {@code account}) as the event's code.
	 * @param account the submitted username or email, or null for attempts that name none
	 * @param request the request, for its client address and the audit trail
	 * @return the attempt, to report success on
	 * @throws RateLimitedException when either bucket is empty (429); nothing is taken then
	 * @throws ThrottleUnavailableException when the buckets' shared store cannot be reached (503)
	 */
	public Attempt begin(@Nullable String account, HttpServletRequest request) {
		try {
			Bucket addressBucket = this.buckets.bucket("address:" + request.getRemoteAddr(), this.addressLimit);
			take(addressBucket, null, "address", account, request);
			Bucket accountBucket = null;
			if (account != null && !account.isBlank()) {
				accountBucket = this.buckets.bucket("account:" + key(account), this.accountLimit);
				take(accountBucket, addressBucket, "account", account, request);
			}
			return new Attempt(addressBucket, accountBucket);
		}
		catch (RateLimitedException ex) {
			// A refusal, published by take(): not a failure of the store.
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new ThrottleUnavailableException(ex);
		}
	}

	private static BucketConfiguration limit(int attempts, Duration period) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, period).build())
			.build();
	}

	/**
	 * Takes a token, or refuses: gives back the token taken from {@code refundOnRefusal}, publishes the
	 * refusal with the limit that refused ({@code address} or {@code account}) as its code, and throws.
	 */
	private void take(Bucket bucket, @Nullable Bucket refundOnRefusal, String limit, @Nullable String account,
			HttpServletRequest request) {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			if (refundOnRefusal != null) {
				refundOnRefusal.addTokens(1);
			}
			this.events.publish(SecurityEvent.Type.THROTTLED, request, account, null, limit, null);
			throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	/**
	 * The account's bucket key: the SHA-256 of the name as submitted (stripped, NFKC, case-folded), in
	 * hex. A fixed 64 characters whatever the name's length or characters: a 2,000-character name made
	 * a key longer than PostgreSQL's bucket table holds, answered as a false 503 "store unavailable".
	 */
	private static String key(String account) {
		String name = Normalizer.normalize(account.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/** One attempt in progress. */
	public static final class Attempt {

		private final Bucket address;

		private final @Nullable Bucket account;

		Attempt(Bucket address, @Nullable Bucket account) {
			this.address = address;
			this.account = account;
		}

		/** Reports that the password was right: the attempt does not count against the limits. */
		public void succeeded() {
			try {
				this.address.addTokens(1);
				if (this.account != null) {
					this.account.addTokens(1);
				}
			}
			catch (RuntimeException ex) {
				throw new ThrottleUnavailableException(ex);
			}
		}

	}

}
