package dev.spaauth.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single-use tokens sent by mail: 32 random bytes from a {@link SecureRandom}, base64url (43
 * characters), of which only the SHA-256 hash is stored, with an expiry (OWASP Forgot Password Cheat
 * Sheet; ASVS 6.4.1, 11.5.1). Issuing a token revokes the account's earlier tokens of the same
 * purpose, so only the newest link works.
 */
public class OneTimeTokens {

	/** What a token is for. */
	public enum Purpose {

		/** A password reset, sent to the account's address. */
		PASSWORD_RESET,

		/** An email change, sent to the new address. */
		EMAIL_CHANGE,

		/** The "this wasn't me" link of a new-device sign-in notice. */
		SIGN_IN_REPORT,

		/** The link that proves a new account's address, sent at sign-up. */
		EMAIL_VERIFICATION

	}

	/**
	 * What a valid token stands for.
	 *
	 * @param userId the account's id
	 * @param newEmail the requested address of an email change, or null
	 */
	public record Grant(long userId, @Nullable String newEmail) {
	}

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/**
	 * Creates the store.
	 * @param jdbc client of the database that holds the {@code spa_auth} schema
	 * @param transactions runs issue and redeem atomically
	 * @param clock the source of creation and expiry times
	 */
	public OneTimeTokens(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Issues a token and revokes the account's earlier ones of the same purpose.
	 * @param userId the account's id
	 * @param purpose what the token is for
	 * @param newEmail the requested address of an email change, or null
	 * @param lifetime how long the token works
	 * @return the token, to send; it is not stored
	 */
	public String issue(long userId, Purpose purpose, @Nullable String newEmail, Duration lifetime) {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.transactions.executeWithoutResult((status) -> {
			revokeAll(userId, purpose);
			this.jdbc.sql("INSERT INTO spa_auth.one_time_tokens (user_id, purpose, token_hash, new_email, expires_at, "
					+ "created_at) VALUES (?, ?, ?, ?, ?, ?)")
				.params(userId, purpose.name(), hash(token), newEmail, now.plus(lifetime), now)
				.update();
		});
		return token;
	}

	/**
	 * Looks a token up without using it.
	 * @param token the token as received
	 * @param purpose what it must be for
	 * @return what it stands for, or empty when it is unknown, used, expired or for another purpose
	 */
	public Optional<Grant> peek(String token, Purpose purpose) {
		return this.jdbc
			.sql("SELECT user_id, new_email FROM spa_auth.one_time_tokens WHERE token_hash = ? AND purpose = ? "
					+ "AND used_at IS NULL AND expires_at > ?")
			.params(hash(token), purpose.name(), OffsetDateTime.now(this.clock))
			.query((rs, row) -> new Grant(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	/**
	 * Uses a token: it works once.
	 * @param token the token as received
	 * @param purpose what it must be for
	 * @return what it stands for, or empty when it is unknown, used, expired or for another purpose
	 */
	public Optional<Grant> redeem(String token, Purpose purpose) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.transactions.execute((status) -> {
			Optional<Grant> grant = peek(token, purpose);
			if (grant.isEmpty()) {
				return Optional.<Grant>empty();
			}
			int used = this.jdbc.sql("UPDATE spa_auth.one_time_tokens SET used_at = ? WHERE token_hash = ? "
					+ "AND used_at IS NULL")
				.params(now, hash(token))
				.update();
			return (used == 1) ? grant : Optional.<Grant>empty();
		});
	}

	/**
	 * Revokes every unused token of an account for a purpose.
	 * @param userId the account's id
	 * @param purpose the purpose
	 */
	public void revokeAll(long userId, Purpose purpose) {
		this.jdbc.sql("UPDATE spa_auth.one_time_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? "
				+ "AND used_at IS NULL")
			.params(OffsetDateTime.now(this.clock), userId, purpose.name())
			.update();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
