package dev.spaauth.provider;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a flow through a provider is for; a flow's answer completes only its own intent. */
public enum Intent {

	/** Sign in, or create an account for a new identity with a verified email address. */
	SIGN_IN,

	/** Link the identity to the signed-in account (fresh session). */
	LINK,

	/** Re-authenticate the signed-in user with an identity linked to the account. */
	REAUTHENTICATE;

	/**
	 * Returns the name used in requests and the store.
	 * @return such as {@code sign_in}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a name as sent.
	 * @param value such as {@code link}
	 * @return the intent, or empty for an unknown name
	 */
	public static Optional<Intent> of(String value) {
		return Arrays.stream(values()).filter((intent) -> intent.value().equals(value)).findFirst();
	}

}
