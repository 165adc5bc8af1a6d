package dev.spaauth.passkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * The accounts' passkeys ({@code spa_auth.passkeys}), as Spring Security's relying party reads and
 * writes them, plus what the account screen needs: a user's list, a rename and a delete that both
 * check the owner (the trap of spring-security #19004, where {@code DELETE /webauthn/register/{id}}
 * deleted anyone's credential).
 */
public class PasskeyCredentials implements UserCredentialRepository {

	private static final String COLUMNS = "credential_id, user_id, public_key, signature_count, uv_initialized, "
			+ "backup_eligible, backup_state, transports, credential_type, attestation_object, client_data_json, label, "
			+ "created_at, last_used_at";

	/** The credential records with their user handle; a WHERE clause follows. */
	private static final String SELECT_RECORDS = "SELECT " + COLUMNS.replaceAll("(\\w+)", "p.$1")
			+ ", h.user_handle FROM spa_auth.passkeys p JOIN spa_auth.passkey_user_handles h ON h.user_id = p.user_id ";

	private final JdbcClient jdbc;

	private final PasskeyUserHandles handles;

	/**
	 * Creates the store.
	 * @param jdbc client of the database that holds the {@code spa_auth} schema
	 * @param handles maps user handles to accounts
	 */
	public PasskeyCredentials(JdbcClient jdbc, PasskeyUserHandles handles) {
		this.jdbc = jdbc;
		this.handles = handles;
	}

	/**
	 * Stores a new credential, or the signature counter, backup state and last use of a known one.
	 * @throws IllegalArgumentException for a new credential whose user handle belongs to no account
	 */
	@Override
	public void save(CredentialRecord record) {
		String id = record.getCredentialId().toBase64UrlString();
		OffsetDateTime lastUsed = OffsetDateTime.ofInstant(record.getLastUsed(), ZoneOffset.UTC);
		int updated = this.jdbc
			.sql("UPDATE spa_auth.passkeys SET signature_count = ?, backup_state = ?, last_used_at = ? "
					+ "WHERE credential_id = ?")
			.params(record.getSignatureCount(), record.isBackupState(), lastUsed, id)
			.update();
		if (updated == 1) {
			return;
		}
		long userId = this.handles.userIdOf(record.getUserEntityUserId())
			.orElseThrow(() -> new IllegalArgumentException("The user handle belongs to no account"));
		this.jdbc.sql("INSERT INTO spa_auth.passkeys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, userId, record.getPublicKey().getBytes(), record.getSignatureCount(), record.isUvInitialized(),
					record.isBackupEligible(), record.isBackupState(),
					record.getTransports().stream().map(AuthenticatorTransport::getValue).collect(Collectors.joining(",")),
					(record.getCredentialType() != null) ? record.getCredentialType().getValue() : null,
					bytes(record.getAttestationObject()), bytes(record.getAttestationClientDataJSON()), record.getLabel(),
					OffsetDateTime.ofInstant(record.getCreated(), ZoneOffset.UTC), lastUsed)
			.update();
	}

	@Override
	public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
		return this.jdbc
			.sql(SELECT_RECORDS + "WHERE p.credential_id = ?")
			.param(credentialId.toBase64UrlString())
			.query((rs, row) -> record(rs))
			.optional()
			.orElse(null);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userHandle) {
		return this.jdbc
			.sql(SELECT_RECORDS + "WHERE h.user_handle = ? ORDER BY p.created_at")
			.param(userHandle.toBase64UrlString())
			.query((rs, row) -> record(rs))
			.list();
	}

	@Override
	public void delete(Bytes credentialId) {
		this.jdbc.sql("DELETE FROM spa_auth.passkeys WHERE credential_id = ?").param(credentialId.toBase64UrlString()).update();
	}

	/**
	 * Lists an account's passkeys, oldest first.
	 * @param userId the account's id
	 * @return the passkeys
	 */
	public List<Passkey> list(long userId) {
		return this.jdbc
			.sql("SELECT credential_id, label, created_at, last_used_at FROM spa_auth.passkeys WHERE user_id = ? "
					+ "ORDER BY created_at, credential_id")
			.param(userId)
			.query((rs, row) -> passkey(rs))
			.list();
	}

	/**
	 * Deletes every passkey of an account.
	 * @param userId the account's id
	 */
	public void deleteAll(long userId) {
		this.jdbc.sql("DELETE FROM spa_auth.passkeys WHERE user_id = ?").param(userId).update();
	}

	/**
	 * Tells whether an account has a passkey.
	 * @param userId the account's id
	 * @return whether it has at least one
	 */
	public boolean hasAny(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.passkeys WHERE user_id = ?").param(userId).query(Long.class)
			.single() > 0;
	}

	/**
	 * Finds one of an account's passkeys.
	 * @param userId the account's id
	 * @param id the passkey's id (its base64url credential id)
	 * @return the passkey, or empty when the account has none with that id (another account's included)
	 */
	public Optional<Passkey> find(long userId, String id) {
		return this.jdbc
			.sql("SELECT credential_id, label, created_at, last_used_at FROM spa_auth.passkeys WHERE user_id = ? "
					+ "AND credential_id = ?")
			.params(userId, id)
			.query((rs, row) -> passkey(rs))
			.optional();
	}

	/**
	 * Renames one of an account's passkeys.
	 * @param userId the account's id
	 * @param id the passkey's id
	 * @param label the new label
	 * @return whether the account had that passkey
	 */
	public boolean rename(long userId, String id, String label) {
		return this.jdbc.sql("UPDATE spa_auth.passkeys SET label = ? WHERE user_id = ? AND credential_id = ?")
			.params(label, userId, id)
			.update() == 1;
	}

	/**
	 * Deletes one of an account's passkeys.
	 * @param userId the account's id
	 * @param id the passkey's id
	 * @return whether the account had that passkey
	 */
	public boolean delete(long userId, String id) {
		return this.jdbc.sql("DELETE FROM spa_auth.passkeys WHERE user_id = ? AND credential_id = ?")
			.params(userId, id)
			.update() == 1;
	}

	private static Passkey passkey(ResultSet rs) throws SQLException {
		return new Passkey(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
				rs.getObject(4, OffsetDateTime.class).toInstant());
	}

	private static CredentialRecord record(ResultSet rs) throws SQLException {
		String transports = rs.getString("transports");
		String type = rs.getString("credential_type");
		byte[] attestation = rs.getBytes("attestation_object");
		byte[] clientData = rs.getBytes("client_data_json");
		return ImmutableCredentialRecord.builder()
			.credentialId(Bytes.fromBase64(rs.getString("credential_id")))
			.userEntityUserId(Bytes.fromBase64(rs.getString("user_handle")))
			.publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
			.signatureCount(rs.getLong("signature_count"))
			.uvInitialized(rs.getBoolean("uv_initialized"))
			.backupEligible(rs.getBoolean("backup_eligible"))
			.backupState(rs.getBoolean("backup_state"))
			.transports(transports.isEmpty() ? java.util.Set.of()
					: Arrays.stream(transports.split(",")).map(AuthenticatorTransport::valueOf).collect(Collectors.toSet()))
			.credentialType((type != null) ? PublicKeyCredentialType.valueOf(type) : null)
			.attestationObject((attestation != null) ? new Bytes(attestation) : null)
			.attestationClientDataJSON((clientData != null) ? new Bytes(clientData) : null)
			.label(rs.getString("label"))
			.created(rs.getObject("created_at", OffsetDateTime.class).toInstant())
			.lastUsed(rs.getObject("last_used_at", OffsetDateTime.class).toInstant())
			.build();
	}

	private static byte @Nullable [] bytes(@Nullable Bytes bytes) {
		return (bytes != null) ? bytes.getBytes() : null;
	}

	/**
	 * A passkey as the account screen shows it.
	 *
	 * @param id the base64url credential id, for rename and delete
	 * @param label the name the user gave it
	 * @param createdAt when it was registered
	 * @param lastUsedAt when it last signed in or re-authenticated (at first, its registration)
	 */
	public record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt) {
	}

}
