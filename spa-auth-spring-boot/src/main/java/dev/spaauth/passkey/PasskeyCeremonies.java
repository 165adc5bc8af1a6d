package dev.spaauth.passkey;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WebAuthn ceremonies in progress ({@code spa_auth.passkey_ceremonies}), keyed by their challenge: 32
 * random bytes, each usable once and for {@link #LIFETIME} (W3C WebAuthn section 13.4.3: challenges
 * are random and single-use, so a replayed assertion fails). Nothing goes into a session: the
 * options of a passkey sign-in are asked for anonymously, and Spring Security's default (the
 * options in the {@code HttpSession}) would create a session per visitor before log-in. Which
 * account a ceremony is for is stored with it; the options themselves are made again from the
 * challenge when the answer comes.
 */
public class PasskeyCeremonies {

	/** How long a ceremony may take, from its options to its answer. */
	public static final Duration LIFETIME = Duration.ofMinutes(5);

	/** What a ceremony is for; an answer for one purpose never completes another. */
	public enum Purpose {

		/** Registering a passkey on the signed-in account. */
		REGISTER,

		/** Signing in with a passkey alone. */
		SIGN_IN,

		/** Re-authenticating the signed-in user with one of their passkeys. */
		REAUTHENTICATE

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/**
	 * Creates the store.
	 * @param jdbc client of the database that holds the {@code spa_auth} schema
	 * @param transactions makes finishing a ceremony atomic
	 * @param clock the source of expiry times
	 */
	public PasskeyCeremonies(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Starts a ceremony with a new challenge; expired ceremonies are removed.
	 * @param purpose what it is for
	 * @param userId the account it is for, or null for a sign-in
	 * @return the challenge
	 */
	public Bytes start(Purpose purpose, @Nullable Long userId) {
		Bytes challenge = Bytes.random();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.jdbc.sql("DELETE FROM spa_auth.passkey_ceremonies WHERE expires_at < ?").param(now).update();
		this.jdbc.sql("INSERT INTO spa_auth.passkey_ceremonies (challenge, purpose, user_id, expires_at) VALUES (?, ?, ?, ?)")
			.params(challenge.toBase64UrlString(), purpose.name(), userId, now.plus(LIFETIME))
			.update();
		return challenge;
	}

	/**
	 * Finishes a ceremony: it works once.
	 * @param challenge the challenge the browser signed, base64url as in {@code clientDataJSON}
	 * @param purpose what it must be for
	 * @return the ceremony, or empty when the challenge is unknown, used, expired or for another purpose
	 */
	public Optional<Ceremony> finish(String challenge, Purpose purpose) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.transactions.execute((status) -> {
			Optional<Ceremony> ceremony = this.jdbc
				.sql("SELECT user_id FROM spa_auth.passkey_ceremonies WHERE challenge = ? AND purpose = ? AND expires_at > ?")
				.params(challenge, purpose.name(), now)
				.query((rs, row) -> new Ceremony(Bytes.fromBase64(challenge), (Long) rs.getObject(1, Long.class)))
				.optional();
			if (ceremony.isEmpty()) {
				return Optional.<Ceremony>empty();
			}
			int deleted = this.jdbc.sql("DELETE FROM spa_auth.passkey_ceremonies WHERE challenge = ?").param(challenge).update();
			return (deleted == 1) ? ceremony : Optional.<Ceremony>empty();
		});
	}

	/**
	 * A finished ceremony.
	 *
	 * @param challenge its challenge
	 * @param userId the account it was for, or null for a sign-in
	 */
	public record Ceremony(Bytes challenge, @Nullable Long userId) {
	}

}
