package dev.spaauth.devprovider;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The provider's users, in memory: each has a password and the claims the provider vouches for
 * ({@code email}, {@code email_verified}, {@code name}). The subject ({@code sub}) is the username.
 */
public final class DevUsers implements UserDetailsService {

	/** The users every dev provider starts with (their passwords are on its sign-in page). */
	static final List<DevUser> PRESET = List.of(new DevUser("alice", "alice-password", "alice@example.com", true, "Alice Example"),
			new DevUser("bob", "bob-password", "bob@example.com", true, "Bob Example"));

	private final Map<String, DevUser> users = new ConcurrentHashMap<>();

	DevUsers() {
		PRESET.forEach(this::add);
	}

	/**
	 * Adds a user, or replaces the one with the same username.
	 * @param user the user
	 */
	public void add(DevUser user) {
		this.users.put(user.username(), user);
	}

	/**
	 * Returns a user.
	 * @param username the username, which is also the subject
	 * @return the user
	 */
	public Optional<DevUser> find(String username) {
		return Optional.ofNullable(this.users.get(username));
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		DevUser user = this.users.get(username);
		if (user == null) {
			throw new UsernameNotFoundException("No such user");
		}
		return User.withUsername(user.username()).password("{noop}" + user.password()).roles("USER").build();
	}

	/**
	 * A user of the provider.
	 *
	 * @param username the username and subject
	 * @param password the password, in the clear (a development provider)
	 * @param email the email claim
	 * @param emailVerified the {@code email_verified} claim
	 * @param name the {@code name} claim
	 */
	public record DevUser(String username, String password, String email, boolean emailVerified, String name) {
	}

}
