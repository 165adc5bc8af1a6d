package dev.spaauth.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provider answers waiting for the SPA to finish ({@code spa_auth.provider_results}): the backend
 * hands the SPA a one-time code in the return URL, and only the SPA that sent the S256 challenge at
 * the start can redeem it, with the verifier it kept (RFC 7636's transform, here between the SPA and
 * its API), and only from the browser whose flow cookie started the flow. A code planted by an
 * attacker in a link to the victim (login CSRF) fails the victim's verifier; a code of the victim's
 * read from a log or a referrer, even of a flow the attacker forced on the victim's browser with a
 * challenge of the attacker's, fails the attacker's missing cookie. Each code works once, for
 * {@link #LIFETIME}; only the SHA-256 of the code and of the cookie are stored.
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
	 * @param browserHash the SHA-256 (hex) of the flow cookie of the browser that started the flow
	 * @return the one-time code (43 base64url characters)
	 */
	public String put(Intent intent, ProviderIdentity identity, String challenge, String browserHash) {
		String code = Hashes.random();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.jdbc.sql("DELETE FROM spa_auth.provider_results WHERE expires_at < ?").param(now).update();
		this.jdbc
			.sql("INSERT INTO spa_auth.provider_results (code_hash, challenge, browser_hash, intent, provider, subject, "
					+ "email, email_verified, display_name, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(Hashes.sha256Hex(code), challenge, browserHash, intent.value(), identity.provider(), identity.subject(),
					identity.email(), identity.emailVerified(), identity.name(), now.plus(LIFETIME))
			.update();
		return code;
	}

	/**
	 * Redeems a code. A code presented with the wrong verifier or from another browser is used up all
	 * the same.
	 * @param code the code from the return URL
	 * @param verifier the verifier whose S256 transform the SPA sent at the start
	 * @param browser the flow cookie the finishing request carries, or null
	 * @return the answer, or empty when the code is unknown, used or expired, the verifier does not
	 * match, or the browser is not the one that started the flow
	 */
	public Optional<Result> redeem(String code, String verifier, @Nullable String browser) {
		String hash = Hashes.sha256Hex(code);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.transactions.execute((status) -> {
			Optional<Stored> stored = this.jdbc
				.sql("SELECT challenge, browser_hash, intent, provider, subject, email, email_verified, display_name "
						+ "FROM spa_auth.provider_results WHERE code_hash = ? AND expires_at > ?")
				.params(hash, now)
				.query((rs, row) -> new Stored(rs.getString(1), rs.getString(2),
						new Result(Intent.of(rs.getString(3)).orElseThrow(), new ProviderIdentity(rs.getString(4),
								rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8)))))
				.optional();
			int deleted = this.jdbc.sql("DELETE FROM spa_auth.provider_results WHERE code_hash = ?").param(hash).update();
			return stored
				.filter((found) -> deleted == 1 && Hashes.same(found.challenge(), Hashes.s256(verifier)) && browser != null
						&& Hashes.same(found.browserHash(), Hashes.sha256Hex(browser)))
				.map(Stored::result);
		});
	}

	private record Stored(String challenge, String browserHash, Result result) {
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
