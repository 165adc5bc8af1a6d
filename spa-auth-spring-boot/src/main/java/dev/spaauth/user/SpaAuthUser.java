package dev.spaauth.user;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An account as the security context holds it: id, username, email and, only until authentication
 * completes, the password hash. This is the principal an application gets with
 * {@code @AuthenticationPrincipal SpaAuthUser user}; it is stored in the session, so it holds
 * nothing secret once {@link #eraseCredentials()} has run.
 */
public final class SpaAuthUser implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private static final List<GrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority("ROLE_USER"));

	private final long id;

	private final String username;

	private final String email;

	private @Nullable String passwordHash;

	/**
	 * Creates the principal.
	 * @param id the account's database id
	 * @param username the username as the user wrote it at sign-up
	 * @param email the email address
	 * @param passwordHash the encoded password ({@code {argon2}...}), or null once erased
	 */
	public SpaAuthUser(long id, String username, String email, @Nullable String passwordHash) {
		this.id = id;
		this.username = username;
		this.email = email;
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

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return AUTHORITIES;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public String toString() {
		return "SpaAuthUser[id=" + this.id + ", username=" + this.username + "]";
	}

}
