package dev.spaauth.user;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;


/**
 * Limits how many password hashes run at once. Argon2id at OWASP's parameters takes 19 MiB and tens
 * of milliseconds of CPU per hash, so a burst of log-in attempts, even for unknown users, would
 * otherwise exhaust memory and starve every other request. A hash waits for a slot; if none frees up
 * in time, the request is refused with {@link PasswordHashingBusyException} (503) instead of queueing
 * without bound (OWASP Password Storage Cheat Sheet, "Argon2id"; ASVS 15.2.2).
 */
public final class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Semaphore slots;

	private final long waitNanos;

	/**
	 * Creates the encoder.
	 * @param delegate the encoder that hashes
	 * @param maxConcurrent how many hashes may run at once, at least 1
	 * @param maxWait how long a hash may wait for a slot
	 */
	public BoundedPasswordEncoder(PasswordEncoder delegate, int maxConcurrent, Duration maxWait) {
		this.delegate = delegate;
		this.slots = new Semaphore(maxConcurrent, true);
		this.waitNanos = maxWait.toNanos();
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		acquire();
		try {
			return this.delegate.encode(rawPassword);
		}
		finally {
			this.slots.release();
		}
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		acquire();
		try {
			return this.delegate.matches(rawPassword, encodedPassword);
		}
		finally {
			this.slots.release();
		}
	}

	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private void acquire() {
		try {
			if (!this.slots.tryAcquire(this.waitNanos, TimeUnit.NANOSECONDS)) {
				throw new PasswordHashingBusyException();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PasswordHashingBusyException();
		}
	}

}
