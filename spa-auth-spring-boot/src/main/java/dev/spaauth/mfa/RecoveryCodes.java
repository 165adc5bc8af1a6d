package dev.spaauth.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single-use recovery codes ({@code spa_auth.recovery_codes}), for a user who lost their authenticator:
 * 10 per account, each 12 characters of the base32 alphabet shown as {@code xxxx-xxxx-xxxx} (60 bits).
 * The first 4 characters find the row; the whole code is stored only as a password hash (Argon2id
 * through the application's {@link PasswordEncoder}), since codes of less than 112 bits must be
 * hashed with a salted password-hashing function (ASVS 5.0 6.5.2, 6.5.1 single use). Typing is
 * forgiving: case, spaces and hyphens do not matter.
 */
public class RecoveryCodes {

	/** How many codes an account gets. */
	public static final int COUNT = 10;

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private static final int LENGTH = 12;

	private static final int LOOKUP_LENGTH = 4;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PasswordEncoder encoder;

	private final Clock clock;

	/**
	 * Creates the store.
	 * @param jdbc client of the database that holds the {@code spa_auth} schema
	 * @param transactions runs a replacement atomically
	 * @param encoder hashes the codes
	 * @param clock the source of creation and use times
	 */
	public RecoveryCodes(JdbcClient jdbc, TransactionTemplate transactions, PasswordEncoder encoder, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.encoder = encoder;
		this.clock = clock;
	}

	/**
	 * Replaces the account's codes with {@link #COUNT} new ones.
	 * @param userId the account's id
	 * @return the new codes, formatted {@code xxxx-xxxx-xxxx}, to show once; they are not stored
	 */
	public List<String> replace(long userId) {
		List<String> codes = new ArrayList<>(COUNT);
		Set<String> lookups = new HashSet<>();
		while (codes.size() < COUNT) {
			String code = newCode();
			if (lookups.add(code.substring(0, LOOKUP_LENGTH))) {
				codes.add(code);
			}
		}
		List<String> hashes = codes.stream().map(this.encoder::encode).toList();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.transactions.executeWithoutResult((status) -> {
			removeAll(userId);
			for (int i = 0; i < COUNT; i++) {
				this.jdbc.sql("INSERT INTO spa_auth.recovery_codes (user_id, lookup, code_hash, created_at) "
						+ "VALUES (?, ?, ?, ?)")
					.params(userId, codes.get(i).substring(0, LOOKUP_LENGTH), hashes.get(i), now)
					.update();
			}
		});
		return codes.stream().map(RecoveryCodes::format).toList();
	}

	/**
	 * Uses a code up.
	 * @param userId the account's id
	 * @param typed the code as typed
	 * @return whether it was one of the account's unused codes
	 */
	public boolean use(long userId, String typed) {
		String code = normalize(typed);
		if (code.length() != LENGTH) {
			return false;
		}
		Optional<Row> row = this.jdbc
			.sql("SELECT id, code_hash FROM spa_auth.recovery_codes WHERE user_id = ? AND lookup = ? "
					+ "AND used_at IS NULL")
			.params(userId, code.substring(0, LOOKUP_LENGTH))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
			.optional();
		if (row.isEmpty() || !this.encoder.matches(code, row.get().hash())) {
			return false;
		}
		return this.jdbc.sql("UPDATE spa_auth.recovery_codes SET used_at = ? WHERE id = ? AND used_at IS NULL")
			.params(OffsetDateTime.now(this.clock), row.get().id())
			.update() == 1;
	}

	/**
	 * Counts the account's unused codes.
	 * @param userId the account's id
	 * @return how many are left, 0 to {@link #COUNT}
	 */
	public int remaining(long userId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM spa_auth.recovery_codes WHERE user_id = ? AND used_at IS NULL")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Removes every code of the account.
	 * @param userId the account's id
	 */
	public void removeAll(long userId) {
		this.jdbc.sql("DELETE FROM spa_auth.recovery_codes WHERE user_id = ?").param(userId).update();
	}

	private String newCode() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET[this.random.nextInt(ALPHABET.length)];
		}
		return new String(code);
	}

	private static String normalize(String typed) {
		return typed.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
	}

	private static String format(String code) {
		return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
	}

	private record Row(long id, String hash) {
	}

}
