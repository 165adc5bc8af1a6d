package dev.spaauth.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Stores accounts in the {@code spa_auth.users} table. Usernames and emails are unique
 * case-insensitively: each is compared by a key, its NFKC form in lower case.
 */
public class UserAccounts {

	private static final String SUMMARY = "SELECT id, username, email, created_at FROM spa_auth.users ";

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * Creates the store.
	 * @param jdbc client of the database that holds the {@code spa_auth} schema
	 * @param clock source of creation times
	 */
	public UserAccounts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Finds an account by username, ignoring case.
	 * @param username the username as typed
	 * @return the account with its password hash, or empty
	 */
	public Optional<SpaAuthUser> findByUsername(String username) {
		return findBy("username_key", key(username));
	}

	/**
	 * Finds an account by id.
	 * @param id the account's id
	 * @return the account with its password hash, or empty
	 */
	public Optional<SpaAuthUser> findById(long id) {
		return findBy("id", id);
	}

	/**
	 * Finds an account by email address, ignoring case.
	 * @param email the address as typed
	 * @return the account with its password hash, or empty
	 */
	public Optional<SpaAuthUser> findByEmail(String email) {
		return findBy("email_key", key(email));
	}

	/**
	 * Lists accounts, oldest first, for an administration screen.
	 * @param offset how many accounts to skip
	 * @param limit how many to return at most
	 * @return the accounts, without password hashes
	 */
	public List<Summary> list(int offset, int limit) {
		return this.jdbc.sql(SUMMARY + "ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
			.params(offset, limit)
			.query(this::summary)
			.list();
	}

	/**
	 * Finds an account as an administration screen shows it.
	 * @param id the account's id
	 * @return the account, or empty
	 */
	public Optional<Summary> findSummary(long id) {
		return this.jdbc.sql(SUMMARY + "WHERE id = ?").param(id).query(this::summary).optional();
	}

	private Summary summary(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong(1);
		return new Summary(id, rs.getString(2), rs.getString(3), UserRoles.withUser(rolesOf(id)),
				rs.getObject(4, OffsetDateTime.class).toInstant());
	}

	/**
	 * Returns the roles granted to an account besides {@code USER}.
	 * @param id the account's id
	 * @return the role names, sorted
	 */
	List<String> rolesOf(long id) {
		return this.jdbc.sql("SELECT role FROM spa_auth.user_roles WHERE user_id = ? ORDER BY role")
			.param(id)
			.query(String.class)
			.list();
	}

	private Optional<SpaAuthUser> findBy(String column, Object value) {
		return this.jdbc
			.sql("SELECT id, username, email, password_hash, email_verified FROM spa_auth.users WHERE " + column + " = ?")
			.param(value)
			.query((rs, row) -> new SpaAuthUser(rs.getLong(1), rs.getString(2), rs.getString(3), List.of(),
					rs.getString(4), rs.getBoolean(5)))
			.optional()
			.map((user) -> new SpaAuthUser(user.getId(), user.getUsername(), user.getEmail(), rolesOf(user.getId()),
					user.getPassword(), user.isEmailVerified()));
	}

	/**
	 * Replaces an account's password hash.
	 * @param id the account's id
	 * @param passwordHash the new encoded password
	 */
	public void updatePassword(long id, String passwordHash) {
		this.jdbc.sql("UPDATE spa_auth.users SET password_hash = ?, password_set = TRUE WHERE id = ?").params(passwordHash, id).update();
	}

	/**
	 * Replaces an account's password hash if it is still the one the caller checked, so that of two
	 * concurrent changes only the first wins.
	 * @param id the account's id
	 * @param expectedHash the hash the current password was checked against
	 * @param passwordHash the new encoded password
	 * @return whether the hash was replaced
	 */
	public boolean updatePasswordIfUnchanged(long id, String expectedHash, String passwordHash) {
		return this.jdbc.sql("UPDATE spa_auth.users SET password_hash = ?, password_set = TRUE WHERE id = ? AND password_hash = ?")
			.params(passwordHash, id, expectedHash)
			.update() == 1;
	}

	/**
	 * Replaces an account's email address.
	 * @param id the account's id
	 * @param email the new address, already validated
	 * @throws org.springframework.dao.DuplicateKeyException if another account has it
	 */
	public void updateEmail(long id, String email) {
		this.jdbc.sql("UPDATE spa_auth.users SET email = ?, email_key = ?, email_verified = TRUE WHERE id = ?")
			.params(email, key(email), id)
			.update();
	}

	/**
	 * Deletes an account and, through the schema's cascades, everything spa-auth keeps for it: roles,
	 * mailed tokens, second factors, recovery codes, passkeys and known browsers. Its sessions live in
	 * the session store and are ended by the caller.
	 * @param id the account's id
	 * @return whether it existed
	 */
	public boolean delete(long id) {
		return this.jdbc.sql("DELETE FROM spa_auth.users WHERE id = ?").param(id).update() == 1;
	}

	/**
	 * Returns whether a username is taken, ignoring case.
	 * @param username the username as typed
	 * @return whether an account has it
	 */
	public boolean usernameTaken(String username) {
		return exists("username_key", key(username));
	}

	/**
	 * Returns whether an email address is taken, ignoring case.
	 * @param email the address as typed
	 * @return whether an account has it
	 */
	public boolean emailTaken(String email) {
		return exists("email_key", key(email));
	}

	/**
	 * Creates an account.
	 * @param username the username, already validated
	 * @param email the email address, already validated
	 * @param passwordHash the encoded password
	 * @return the new account, with its password hash
	 * @throws org.springframework.dao.DuplicateKeyException if the username or email was taken
	 * meanwhile
	 */
	public SpaAuthUser create(String username, String email, String passwordHash) {
		return insert(username, email, passwordHash, true, false);
	}

	/**
	 * Records that an account's address was proven (a mailed link followed).
	 * @param id the account's id
	 * @return whether it was unverified until now
	 */
	public boolean markEmailVerified(long id) {
		return this.jdbc.sql("UPDATE spa_auth.users SET email_verified = TRUE WHERE id = ? AND email_verified = FALSE")
			.param(id)
			.update() == 1;
	}

	/**
	 * Creates an account without a password its owner knows, for a sign-in with a provider: the hash
	 * is of an unknown random password, and {@link #hasPassword} answers false until a password reset.
	 * @param username the username, already validated
	 * @param email the email address, verified by the provider
	 * @param unusablePasswordHash the encoded random password
	 * @return the new account
	 * @throws org.springframework.dao.DuplicateKeyException if the username or email was taken
	 */
	public SpaAuthUser createWithoutPassword(String username, String email, String unusablePasswordHash) {
		return insert(username, email, unusablePasswordHash, false, true);
	}

	/**
	 * Tells whether the account has a password its owner chose (signed up with one, or set one by a
	 * reset or change), as opposed to the unknown random one of an account a provider created.
	 * @param id the account's id
	 * @return whether a password can sign in
	 */
	public boolean hasPassword(long id) {
		return this.jdbc.sql("SELECT password_set FROM spa_auth.users WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	private SpaAuthUser insert(String username, String email, String passwordHash, boolean passwordSet,
			boolean emailVerified) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO spa_auth.users (username, username_key, email, email_key, password_hash, password_set, "
					+ "email_verified, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(username, key(username), email, key(email), passwordHash, passwordSet, emailVerified,
					OffsetDateTime.now(this.clock))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		return new SpaAuthUser(id, username, email, List.of(), passwordHash, emailVerified);
	}

	private boolean exists(String column, String value) {
		return this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.users WHERE " + column + " = ?")
			.param(value)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * An account as an administration screen lists it.
	 *
	 * @param id the account's id
	 * @param username the username
	 * @param email the email address
	 * @param roles the roles, sorted, {@code USER} included
	 * @param createdAt when the account was created
	 */
	public record Summary(long id, String username, String email, List<String> roles, Instant createdAt) {
	}

	static String key(String value) {
		return Normalizer.normalize(value.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

}
