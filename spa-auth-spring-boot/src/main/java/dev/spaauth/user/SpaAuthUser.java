package dev.spaauth.user;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An account as the security context holds it: id, username, email, roles and, only until
 * authentication completes, the password hash. This is the principal an application gets with
 * {@code @AuthenticationPrincipal SpaAuthUser user}; it is stored in the session, so it holds nothing
 * secret once {@link #eraseCredentials()} has run. Every account has the role {@code USER}; others,
 * such as {@code ADMIN}, are granted with {@link UserRoles}. Each role is the authority
 * {@code ROLE_<role>}, so {@code hasRole("ADMIN")} works in authorization rules.
 */
public final class SpaAuthUser implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final String email;

	/** Granted roles besides USER, sorted; null in sessions stored before roles existed. */
	private final @Nullable List<String> roles;

	private @Nullable String passwordHash;

	/** Whether the address was proven; null in sessions stored before this existed (verified). */
	private final @Nullable Boolean emailVerified;

	/**
	 * Creates the principal.
	 * @param id the account's database id
	 * @param username the username as the user wrote it at sign-up
	 * @param email the email address
	 * @param roles the roles granted besides {@code USER}, such as {@code ADMIN}; any order
	 * @param passwordHash the encoded password ({@code {argon2}...}), or null once erased
	 */
	public SpaAuthUser(long id, String username, String email, Collection<String> roles,
			@Nullable String passwordHash) {
		this(id, username, email, roles, passwordHash, null);
	}

	/**
	 * Creates the principal, saying whether its address was verified.
	 * @param id the account's database id
	 * @param username the username as the user wrote it at sign-up
	 * @param email the email address
	 * @param roles the roles granted besides {@code USER}, such as {@code ADMIN}; any order
	 * @param passwordHash the encoded password ({@code {argon2}...}), or null once erased
	 * @param emailVerified whether the address was proven (a mailed link or a provider's
	 * {@code email_verified}); null when unknown, which counts as verified
	 */
	public SpaAuthUser(long id, String username, String email, Collection<String> roles,
			@Nullable String passwordHash, @Nullable Boolean emailVerified) {
		this.emailVerified = emailVerified;
		this.id = id;
		this.username = username;
		this.email = email;
		TreeSet<String> sorted = new TreeSet<>(roles);
		sorted.remove(UserRoles.USER);
		this.roles = List.copyOf(sorted);
		this.passwordHash = passwordHash;
	}

	/**
	 * Returns the account's database id.
	 * @return the id
	 */
	public long getId() {
		return this.id;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	/**
	 * Returns the email address.
	 * @return the email address
	 */
	public String getEmail() {
		return this.email;
	}

	/**
	 * Returns whether the email address was proven, as of log-in or of the last verification in this
	 * session.
	 * @return false only when it is known not to be
	 */
	public boolean isEmailVerified() {
		return !Boolean.FALSE.equals(this.emailVerified);
	}

	/**
	 * Returns the account's roles as of log-in.
	 * @return the role names, sorted, always including {@code USER}
	 */
	public List<String> getRoles() {
		return UserRoles.withUser((this.roles != null) ? this.roles : List.of());
	}

	/**
	 * Returns whether the account had a role at log-in.
	 * @param role a role name such as {@code ADMIN}
	 * @return whether it was granted ({@code USER} always is)
	 */
	public boolean hasRole(String role) {
		return getRoles().contains(role);
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	/**
	 * Returns {@code ROLE_<role>} for each role, {@code ROLE_USER} included.
	 */
	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String role : getRoles()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
		}
		return authorities;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public String toString() {
		return "SpaAuthUser[id=" + this.id + ", username=" + this.username + ", roles=" + getRoles() + "]";
	}

}
