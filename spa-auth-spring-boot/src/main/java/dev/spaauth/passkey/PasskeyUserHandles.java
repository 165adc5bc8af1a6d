package dev.spaauth.passkey;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;

import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;

/**
 * The WebAuthn user handles of spa-auth's accounts ({@code spa_auth.passkey_user_handles}): 32 random
 * bytes per account, made at its first passkey registration (W3C WebAuthn section 14.6.1: no personal
 * data in the handle). The user entity's {@code name} and {@code displayName} are the username.
 */
public class PasskeyUserHandles implements PublicKeyCredentialUserEntityRepository {

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	/**
	 * Creates the store.
	 * @param jdbc client of the database that holds the {@code spa_auth} schema
	 * @param accounts finds accounts by username
	 */
	public PasskeyUserHandles(JdbcClient jdbc, UserAccounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/**
	 * Returns the account's user entity, making its handle first if it has none.
	 * @param user the account
	 * @return the user entity
	 */
	public PublicKeyCredentialUserEntity findOrCreate(SpaAuthUser user) {
		PublicKeyCredentialUserEntity entity = findByUsername(user.getUsername());
		if (entity != null) {
			return entity;
		}
		try {
			this.jdbc.sql("INSERT INTO spa_auth.passkey_user_handles (user_id, user_handle) VALUES (?, ?)")
				.params(user.getId(), Bytes.random().toBase64UrlString())
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Another request of the same account made it first: use that one.
		}
		PublicKeyCredentialUserEntity made = findByUsername(user.getUsername());
		if (made == null) {
			throw new IllegalStateException("The account " + user.getId() + " has no user handle after making one");
		}
		return made;
	}

	/**
	 * Returns the account id of a user handle.
	 * @param handle the handle
	 * @return the account id, or empty for an unknown handle
	 */
	public Optional<Long> userIdOf(Bytes handle) {
		return this.jdbc.sql("SELECT user_id FROM spa_auth.passkey_user_handles WHERE user_handle = ?")
			.param(handle.toBase64UrlString())
			.query(Long.class)
			.optional();
	}

	@Override
	public @Nullable PublicKeyCredentialUserEntity findById(Bytes id) {
		return this.jdbc
			.sql("SELECT u.username FROM spa_auth.passkey_user_handles h JOIN spa_auth.users u ON u.id = h.user_id "
					+ "WHERE h.user_handle = ?")
			.param(id.toBase64UrlString())
			.query(String.class)
			.optional()
			.map((username) -> entity(id, username))
			.orElse(null);
	}

	@Override
	public @Nullable PublicKeyCredentialUserEntity findByUsername(String username) {
		Optional<SpaAuthUser> user = this.accounts.findByUsername(username);
		if (user.isEmpty()) {
			return null;
		}
		return this.jdbc.sql("SELECT user_handle FROM spa_auth.passkey_user_handles WHERE user_id = ?")
			.param(user.get().getId())
			.query(String.class)
			.optional()
			.map((handle) -> entity(Bytes.fromBase64(handle), user.get().getUsername()))
			.orElse(null);
	}

	/** Made only through {@link #findOrCreate}, so that a handle always belongs to an account. */
	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
		throw new UnsupportedOperationException("spa-auth makes user handles in findOrCreate");
	}

	@Override
	public void delete(Bytes id) {
		this.jdbc.sql("DELETE FROM spa_auth.passkey_user_handles WHERE user_handle = ?").param(id.toBase64UrlString()).update();
	}

	private static PublicKeyCredentialUserEntity entity(Bytes id, String username) {
		return ImmutablePublicKeyCredentialUserEntity.builder().id(id).name(username).displayName(username).build();
	}

}
