package dev.spaauth.throttle;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.jspecify.annotations.Nullable;

/**
 * Throttles attempts that check a password or create an account, with token buckets (Bucket4j) per
 * account name and per client address. Each attempt takes a token from both buckets; a successful
 * log-in gives them back, so only failures count. A bucket refills steadily, so an attacker is
 * slowed to a trickle while nobody can lock a victim out for longer than one refill period (OWASP
 * Authentication Cheat Sheet, "Protect Against Automated Attacks"; ASVS 6.3.1, 6.1.1). The account
 * key is the name as submitted (case-folded, NFKC), whether or not the account exists, so a 429
 * tells nothing about existence.
 */
public final class LoginThrottle {

	private static final long MAX_TRACKED_KEYS = 100_000;

	private final Cache<String, Bucket> accounts;

	private final Cache<String, Bucket> addresses;

	private final Bandwidth accountLimit;

	private final Bandwidth addressLimit;

	/**
	 * Creates the throttle.
	 * @param accountAttempts failed attempts allowed per account name within {@code accountPeriod}
	 * @param accountPeriod the time in which an account's allowance refills completely
	 * @param addressAttempts attempts allowed per client address within {@code addressPeriod}
	 * @param addressPeriod the time in which an address's allowance refills completely
	 */
	public LoginThrottle(int accountAttempts, Duration accountPeriod, int addressAttempts, Duration addressPeriod) {
		this.accountLimit = Bandwidth.builder().capacity(accountAttempts).refillGreedy(accountAttempts, accountPeriod).build();
		this.addressLimit = Bandwidth.builder().capacity(addressAttempts).refillGreedy(addressAttempts, addressPeriod).build();
		this.accounts = Caffeine.newBuilder().expireAfterAccess(accountPeriod).maximumSize(MAX_TRACKED_KEYS).build();
		this.addresses = Caffeine.newBuilder().expireAfterAccess(addressPeriod).maximumSize(MAX_TRACKED_KEYS).build();
	}

	/**
	 * Starts an attempt, taking a token from the address's bucket and, if an account is named, from
	 * the account's.
	 * @param account the submitted username, or null for attempts that name none
	 * @param address the client address
	 * @return the attempt, to report success on
	 * @throws RateLimitedException when either bucket is empty; nothing is taken then
	 */
	public Attempt begin(@Nullable String account, String address) {
		Bucket addressBucket = this.addresses.get(address, (key) -> newBucket(this.addressLimit));
		take(addressBucket, null, account);
		Bucket accountBucket = null;
		if (account != null && !account.isBlank()) {
			accountBucket = this.accounts.get(key(account), (key) -> newBucket(this.accountLimit));
			take(accountBucket, addressBucket, account);
		}
		return new Attempt(addressBucket, accountBucket);
	}

	private static void take(Bucket bucket, @Nullable Bucket refundOnRefusal, @Nullable String account) {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			if (refundOnRefusal != null) {
				refundOnRefusal.addTokens(1);
			}
			throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()), account);
		}
	}

	private static Bucket newBucket(Bandwidth limit) {
		return Bucket.builder().addLimit(limit).build();
	}

	private static String key(String account) {
		return Normalizer.normalize(account.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
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
			this.address.addTokens(1);
			if (this.account != null) {
				this.account.addTokens(1);
			}
		}

	}

}
