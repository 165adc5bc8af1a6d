package dev.spaauth.login;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/auth/login}. Fields the client leaves out are null and answered as
 * field errors; unknown fields are ignored.
 *
 * @param username the username, any case
 * @param password the password
 */
public record LoginRequest(@Nullable String username, @Nullable String password) {

	@Override
	public String toString() {
		return "LoginRequest[username=" + this.username + "]";
	}

}
