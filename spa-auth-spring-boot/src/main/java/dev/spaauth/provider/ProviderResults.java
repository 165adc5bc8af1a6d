package dev.spaauth.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provider answers waiting for the SPA to finish ({@code spa_auth.provider_results}): the backend
 * hands the SPA a one-time code in the return URL, and only the SPA that sent the S256 challenge at
 * the start can redeem it, with the verifier it kept (RFC 7636's transform, here between the SPA and
 * its API). A code alone, leaked through a log or a referrer, or planted by an attacker in a link to
 * the victim (login CSRF), is worthless. Each code works once, for {@link #LIFETIME}; only its SHA-256
 * is stored.
 */
public class ProviderResults {

	/** How long the SPA has to redeem a code. */
	public static final Duration LIFETIME = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/**
	 * Creates the store.
	 * @param jdbc client of the database that holds the {@code spa_auth} schema
	 * @param transactions makes redeeming atomic
	 * @param clock the source of expiry times
	 */
	public ProviderResults(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Stores an answer; expired ones are removed.
	 * @param intent what the flow was for
	 * @param identity who signed in at the provider
	 * @param challenge the SPA's S256 challenge
	 * @return the one-time code (43 base64url characters)
	 */
	public String put(Intent intent, ProviderIdentity identity, String challenge) {
		String code = Hashes.random();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.jdbc.sql("DELETE FROM spa_auth.provider_results WHERE expires_at < ?").param(now).update();
		this.jdbc
			.sql("INSERT INTO spa_auth.provider_results (code_hash, challenge, intent, provider, subject, email, "
					+ "email_verified, display_name, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(Hashes.sha256Hex(code), challenge, intent.value(), identity.provider(), identity.subject(),
					identity.email(), identity.emailVerified(), identity.name(), now.plus(LIFETIME))
			.update();
		return code;
	}

	/**
	 * Redeems a code. A code presented with the wrong verifier is used up all the same.
	 * @param code the code from the return URL
	 * @param verifier the verifier whose S256 transform the SPA sent at the start
	 * @return the answer, or empty when the code is unknown, used or expired, or the verifier does not
	 * match
	 */
	public Optional<Result> redeem(String code, String verifier) {
		String hash = Hashes.sha256Hex(code);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.transactions.execute((status) -> {
			Optional<Stored> stored = this.jdbc
				.sql("SELECT challenge, intent, provider, subject, email, email_verified, display_name "
						+ "FROM spa_auth.provider_results WHERE code_hash = ? AND expires_at > ?")
				.params(hash, now)
				.query((rs, row) -> new Stored(rs.getString(1), new Result(Intent.of(rs.getString(2)).orElseThrow(),
						new ProviderIdentity(rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
								rs.getString(7)))))
				.optional();
			int deleted = this.jdbc.sql("DELETE FROM spa_auth.provider_results WHERE code_hash = ?").param(hash).update();
			return stored.filter((found) -> deleted == 1 && Hashes.same(found.challenge(), Hashes.s256(verifier)))
				.map(Stored::result);
		});
	}

	private record Stored(String challenge, Result result) {
	}

	/**
	 * A redeemed answer.
	 *
	 * @param intent what the flow was for
	 * @param identity who signed in at the provider
	 */
	public record Result(Intent intent, ProviderIdentity identity) {
	}

}
