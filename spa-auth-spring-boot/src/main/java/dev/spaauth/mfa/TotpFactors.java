package dev.spaauth.mfa;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounts' authenticator-app secrets ({@code spa_auth.totp_factors}): at most one per account,
 * first unconfirmed, then confirmed by a first code. The secret is stored as it is, since codes are
 * computed from it; the step of the last accepted code is stored with it, so each code is accepted
 * once (RFC 6238 section 5.2; ASVS 5.0 6.5.1).
 */
public class TotpFactors {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Totp totp;

	private final Clock clock;

	/**
	 * Creates the store.
	 * @param jdbc client of the database that holds the {@code spa_auth} schema
	 * @param transactions runs each change atomically
	 * @param totp computes and checks codes
	 * @param clock the source of creation and confirmation times
	 */
	public TotpFactors(JdbcClient jdbc, TransactionTemplate transactions, Totp totp, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.totp = totp;
		this.clock = clock;
	}

	/**
	 * Starts an enrolment: a new secret replaces any unconfirmed one.
	 * @param userId the account's id
	 * @return the new base32 secret, or empty when the account has a confirmed one already
	 */
	public Optional<String> begin(long userId) {
		String secret = Totp.newSecret();
		return this.transactions.execute((status) -> {
			if (confirmedAt(userId).isPresent()) {
				return Optional.<String>empty();
			}
			this.jdbc.sql("DELETE FROM spa_auth.totp_factors WHERE user_id = ?").param(userId).update();
			this.jdbc.sql("INSERT INTO spa_auth.totp_factors (user_id, secret, created_at) VALUES (?, ?, ?)")
				.params(userId, secret, OffsetDateTime.now(this.clock))
				.update();
			return Optional.of(secret);
		});
	}

	/**
	 * Confirms an enrolment with a first code, which counts as used.
	 * @param userId the account's id
	 * @param code the code as typed
	 * @return whether the code was right for the unconfirmed secret (false also when there is none)
	 */
	public boolean confirm(long userId, String code) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			Optional<String> secret = this.jdbc
				.sql("SELECT secret FROM spa_auth.totp_factors WHERE user_id = ? AND confirmed_at IS NULL")
				.param(userId)
				.query(String.class)
				.optional();
			OptionalLong step = secret.map((s) -> this.totp.match(s, code, Long.MIN_VALUE)).orElse(OptionalLong.empty());
			if (step.isEmpty()) {
				return false;
			}
			return this.jdbc
				.sql("UPDATE spa_auth.totp_factors SET confirmed_at = ?, last_used_step = ? WHERE user_id = ? "
						+ "AND confirmed_at IS NULL")
				.params(OffsetDateTime.now(this.clock), step.getAsLong(), userId)
				.update() == 1;
		}));
	}

	/**
	 * Checks a code against the confirmed secret and uses it up.
	 * @param userId the account's id
	 * @param code the code as typed
	 * @return whether it was right and not used before (false also without a confirmed secret)
	 */
	public boolean verify(long userId, String code) {
		Optional<Stored> stored = this.jdbc
			.sql("SELECT secret, last_used_step FROM spa_auth.totp_factors WHERE user_id = ? "
					+ "AND confirmed_at IS NOT NULL")
			.param(userId)
			.query((rs, row) -> new Stored(rs.getString(1), (Long) rs.getObject(2, Long.class)))
			.optional();
		if (stored.isEmpty()) {
			return false;
		}
		long last = (stored.get().lastUsedStep() != null) ? stored.get().lastUsedStep() : Long.MIN_VALUE;
		OptionalLong step = this.totp.match(stored.get().secret(), code, last);
		// Two requests with the same code race here: only one moves the step forward.
		return step.isPresent() && this.jdbc
			.sql("UPDATE spa_auth.totp_factors SET last_used_step = ? WHERE user_id = ? AND confirmed_at IS NOT NULL "
					+ "AND (last_used_step IS NULL OR last_used_step < ?)")
			.params(step.getAsLong(), userId, step.getAsLong())
			.update() == 1;
	}

	/**
	 * Returns when the account's authenticator app was confirmed.
	 * @param userId the account's id
	 * @return the time, or empty when the account has no confirmed secret
	 */
	public Optional<Instant> confirmedAt(long userId) {
		return this.jdbc
			.sql("SELECT confirmed_at FROM spa_auth.totp_factors WHERE user_id = ? AND confirmed_at IS NOT NULL")
			.param(userId)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.optional();
	}

	/**
	 * Removes the account's secret, confirmed or not.
	 * @param userId the account's id
	 * @return whether a confirmed one was removed
	 */
	public boolean remove(long userId) {
		boolean confirmed = confirmedAt(userId).isPresent();
		this.jdbc.sql("DELETE FROM spa_auth.totp_factors WHERE user_id = ?").param(userId).update();
		return confirmed;
	}

	private record Stored(String secret, @Nullable Long lastUsedStep) {
	}

}
