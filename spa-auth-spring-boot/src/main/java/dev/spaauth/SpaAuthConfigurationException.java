package dev.spaauth;

/**
 * Thrown at start-up when {@code spa-auth.*} settings are unsafe or inconsistent. Boot reports it
 * through {@link SpaAuthConfigurationFailureAnalyzer}: what is wrong, and what to change.
 */
public class SpaAuthConfigurationException extends RuntimeException {

	private final String description;

	private final String action;

	/**
	 * Creates the exception.
	 * @param description what is wrong, naming the property and its value
	 * @param action what to write instead
	 */
	public SpaAuthConfigurationException(String description, String action) {
		super(description + " " + action);
		this.description = description;
		this.action = action;
	}

	/**
	 * Returns what is wrong.
	 * @return the description, naming the property
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Returns what to change.
	 * @return the action a person can take
	 */
	public String getAction() {
		return this.action;
	}

}
