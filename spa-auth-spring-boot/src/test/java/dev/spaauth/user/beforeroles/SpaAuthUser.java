package dev.spaauth.user.beforeroles;

import java.io.Serializable;

/**
 * The serialized shape of {@code dev.spaauth.user.SpaAuthUser} before roles existed: the same simple
 * name and {@code serialVersionUID}, without the {@code roles} field. Sessions stored then hold this
 * shape; {@code SpaAuthUserTests} reads it back as today's class.
 */
public final class SpaAuthUser implements Serializable {

	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final String email;

	private final String passwordHash;

	public SpaAuthUser(long id, String username, String email, String passwordHash) {
		this.id = id;
		this.username = username;
		this.email = email;
		this.passwordHash = passwordHash;
	}

}
