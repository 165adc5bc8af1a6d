package dev.spaauth.user;

import java.util.List;

/**
 * The user as the API shows it: {@code {"id", "username", "email", "roles", "emailVerified"}}; never
 * a password hash or a session id.
 *
 * @param id the account's id
 * @param username the username
 * @param email the email address
 * @param roles the roles as of log-in, sorted, always including {@code USER}
 * @param emailVerified whether the address was proven (a mailed link, or the provider that made the
 * account), as of log-in or of a verification in this session
 */
public record UserView(long id, String username, String email, List<String> roles, boolean emailVerified) {

	/**
	 * Creates the view of a principal.
	 * @param user the principal
	 * @return the view
	 */
	public static UserView of(SpaAuthUser user) {
		return new UserView(user.getId(), user.getUsername(), user.getEmail(), user.getRoles(), user.isEmailVerified());
	}

}
