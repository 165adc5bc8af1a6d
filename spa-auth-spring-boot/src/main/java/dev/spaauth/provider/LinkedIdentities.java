package dev.spaauth.provider;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Provider identities linked to accounts ({@code spa_auth.linked_identities}): one account per
 * identity (registration id + subject), several identities per account. Deleting an account deletes
 * its identities (foreign key, {@code ON DELETE CASCADE}).
 */
public class LinkedIdentities {

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * Creates the store.
	 * @param jdbc client of the database that holds the {@code spa_auth} schema
	 * @param clock the source of link and use times
	 */
	public LinkedIdentities(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Finds the account an identity is linked to.
	 * @param provider the registration id
	 * @param subject the provider's subject
	 * @return the account's id
	 */
	public Optional<Long> accountOf(String provider, String subject) {
		return this.jdbc.sql("SELECT user_id FROM spa_auth.linked_identities WHERE provider = ? AND subject = ?")
			.params(provider, subject)
			.query(Long.class)
			.optional();
	}

	/**
	 * Links an identity to an account.
	 * @param userId the account
	 * @param identity the identity
	 * @throws org.springframework.dao.DuplicateKeyException when it is linked already
	 */
	public void link(long userId, ProviderIdentity identity) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.jdbc
			.sql("INSERT INTO spa_auth.linked_identities (user_id, provider, subject, email, linked_at, last_used_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(userId, identity.provider(), identity.subject(), identity.email(), now, now)
			.update();
	}

	/**
	 * Records a sign-in with an identity.
	 * @param provider the registration id
	 * @param subject the provider's subject
	 */
	public void used(String provider, String subject) {
		this.jdbc.sql("UPDATE spa_auth.linked_identities SET last_used_at = ? WHERE provider = ? AND subject = ?")
			.params(OffsetDateTime.now(this.clock), provider, subject)
			.update();
	}

	/**
	 * Lists an account's identities, oldest link first.
	 * @param userId the account
	 * @return the identities
	 */
	public List<Linked> list(long userId) {
		return this.jdbc
			.sql("SELECT id, provider, email, linked_at, last_used_at FROM spa_auth.linked_identities WHERE user_id = ? "
					+ "ORDER BY id")
			.param(userId)
			.query((rs, row) -> new Linked(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant(),
					Optional.ofNullable(rs.getObject(5, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)))
			.list();
	}

	/**
	 * Unlinks one of an account's identities.
	 * @param userId the account
	 * @param id the identity's id
	 * @return the identity unlinked, or empty when the account has no identity with that id
	 */
	public Optional<Linked> unlink(long userId, long id) {
		Optional<Linked> linked = list(userId).stream().filter((identity) -> identity.id() == id).findFirst();
		linked.ifPresent((identity) -> this.jdbc.sql("DELETE FROM spa_auth.linked_identities WHERE id = ? AND user_id = ?")
			.params(id, userId)
			.update());
		return linked;
	}

	/**
	 * Unlinks every identity of an account.
	 * @param userId the account
	 * @return how many were unlinked
	 */
	public int unlinkAll(long userId) {
		return this.jdbc.sql("DELETE FROM spa_auth.linked_identities WHERE user_id = ?").param(userId).update();
	}

	/**
	 * A linked identity as the account screen lists it.
	 *
	 * @param id its id, for unlinking
	 * @param provider the registration id
	 * @param email the email address the provider gave when it was linked, or null
	 * @param linkedAt when it was linked
	 * @param lastUsedAt when it last signed in, or null
	 */
	public record Linked(long id, String provider, @Nullable String email, Instant linkedAt, @Nullable Instant lastUsedAt) {
	}

}
