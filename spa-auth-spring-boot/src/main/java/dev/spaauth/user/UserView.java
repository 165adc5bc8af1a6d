package dev.spaauth.user;

/**
 * The user as the API shows it: {@code {"id", "username", "email"}}; never a password hash or a
 * session id.
 *
 * @param id the account's id
 * @param username the username
 * @param email the email address
 */
public record UserView(long id, String username, String email) {

	/**
	 * Creates the view of a principal.
	 * @param user the principal
	 * @return the view
	 */
	public static UserView of(SpaAuthUser user) {
		return new UserView(user.getId(), user.getUsername(), user.getEmail());
	}

}
