package dev.spaauth.user;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Grants and revokes roles (the Java API for roles; stored in {@code spa_auth.user_roles}). Every
 * account has the role {@code USER} without it being stored; other roles are names such as
 * {@code ADMIN} or {@code BILLING}, which Spring Security sees as the authorities {@code ROLE_ADMIN}
 * and {@code ROLE_BILLING} ({@code hasRole("ADMIN")}).
 * <p>
 * A session holds the roles its user had at log-in, so a change publishes a
 * {@link UserRolesChangedEvent}, on which every session of the account ends: a revoked role stops
 * working at once, and a granted one works from the next log-in (OWASP Authorization Cheat Sheet,
 * "Enforce Least Privileges"; ASVS 8.2.1). To give a role to a new account before its first session,
 * listen for {@link AccountCreatedEvent}.
 */
public class UserRoles {

	/** The role every account has. */
	public static final String USER = "USER";

	private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param jdbc client of the database that holds the {@code spa_auth} schema
	 * @param accounts the account store
	 * @param events publishes {@link UserRolesChangedEvent}
	 * @param clock source of grant times
	 */
	public UserRoles(JdbcClient jdbc, UserAccounts accounts, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Grants a role; the account's sessions end (none exist yet during {@link AccountCreatedEvent}).
	 * @param userId the account's id
	 * @param role a role name: an upper-case letter, then up to 49 upper-case letters, digits or
	 * {@code _}, without the {@code ROLE_} prefix, not {@code USER}
	 * @return whether the account did not have the role before
	 * @throws IllegalArgumentException for a malformed role name, or an account that does not exist
	 */
	public boolean grant(long userId, String role) {
		check(role);
		SpaAuthUser account = account(userId);
		if (account.hasRole(role)) {
			return false;
		}
		this.jdbc.sql("INSERT INTO spa_auth.user_roles (user_id, role, granted_at) VALUES (?, ?, ?)")
			.params(userId, role, OffsetDateTime.now(this.clock))
			.update();
		this.events.publishEvent(new UserRolesChangedEvent(account.getUsername(), role, true));
		return true;
	}

	/**
	 * Revokes a role; the account's sessions end, so the role stops working at once.
	 * @param userId the account's id
	 * @param role the role name
	 * @return whether the account had the role
	 * @throws IllegalArgumentException for a malformed role name, or an account that does not exist
	 */
	public boolean revoke(long userId, String role) {
		check(role);
		SpaAuthUser account = account(userId);
		int removed = this.jdbc.sql("DELETE FROM spa_auth.user_roles WHERE user_id = ? AND role = ?")
			.params(userId, role)
			.update();
		if (removed == 0) {
			return false;
		}
		this.events.publishEvent(new UserRolesChangedEvent(account.getUsername(), role, false));
		return true;
	}

	/**
	 * Returns an account's roles as stored now (a session's principal holds those of its log-in).
	 * @param userId the account's id
	 * @return the role names, sorted, {@code USER} included
	 * @throws IllegalArgumentException for an account that does not exist
	 */
	public List<String> rolesOf(long userId) {
		return account(userId).getRoles();
	}

	/**
	 * Adds {@code USER} to granted roles and sorts them.
	 * @param granted the stored roles
	 * @return the sorted roles with {@code USER}
	 */
	static List<String> withUser(Collection<String> granted) {
		TreeSet<String> all = new TreeSet<>(granted);
		all.add(USER);
		return List.copyOf(all);
	}

	private SpaAuthUser account(long userId) {
		return this.accounts.findById(userId)
			.orElseThrow(() -> new IllegalArgumentException("No account has the id " + userId));
	}

	private static void check(String role) {
		if (!ROLE.matcher(role).matches() || USER.equals(role) || role.startsWith("ROLE_")) {
			throw new IllegalArgumentException("'" + role + "' is not a role to grant: write an upper-case name such "
					+ "as ADMIN, without the ROLE_ prefix; every account has USER already");
		}
	}

}
