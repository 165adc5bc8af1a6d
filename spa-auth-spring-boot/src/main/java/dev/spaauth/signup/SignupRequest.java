package dev.spaauth.signup;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/auth/signup}. Unknown fields (a {@code role}, an {@code id}) are
 * ignored: an account always starts with the default role.
 *
 * @param username 3 to 50 letters, digits, '.', '_' or '-'
 * @param email an email address, at most 254 characters
 * @param password the new password, checked by the password policy
 */
public record SignupRequest(@Nullable String username, @Nullable String email, @Nullable String password) {

	@Override
	public String toString() {
		return "SignupRequest[username=" + this.username + ", email=" + this.email + "]";
	}

}
