package dev.spaauth.doctor;

import java.util.Locale;

/** The outcome of one check. Only {@link #FAIL} makes the doctor exit with a non-zero code. */
public enum Result {

	/** The deployment does what the check asks. */
	PASS,

	/** Works, but weaker than it should be, or a sign of a problem the doctor cannot prove. */
	WARN,

	/** Broken or unsafe: browsers will refuse something, or an attacker's page gets something. */
	FAIL,

	/** Not run: it does not apply to this deployment, or a precondition is missing (no credentials). */
	SKIP;

	/**
	 * Returns the lower-case name used in the output.
	 * @return {@code pass}, {@code warn}, {@code fail} or {@code skip}
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
