package dev.spaauth.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * Decides whether a new password is acceptable: a length between a minimum and a maximum counted in
 * Unicode code points, no composition rules, and a zxcvbn strength score at least the minimum, where
 * zxcvbn knows the username and email so that passwords built from them score low (ASVS 6.2.1,
 * 6.2.4, 6.2.5, 6.2.9, 6.2.11, 6.2.12; NIST SP 800-63B section 3.1.1.2). Messages never repeat the
 * password.
 */
public final class PasswordPolicy {

	private final Zxcvbn zxcvbn = new Zxcvbn();

	private final int minLength;

	private final int maxLength;

	private final int minStrength;

	/**
	 * Creates the policy.
	 * @param minLength fewest code points
	 * @param maxLength most code points
	 * @param minStrength lowest zxcvbn score, 0 to 4
	 */
	public PasswordPolicy(int minLength, int maxLength, int minStrength) {
		this.minLength = minLength;
		this.maxLength = maxLength;
		this.minStrength = minStrength;
	}

	/**
	 * Checks a new password.
	 * @param password the candidate
	 * @param knownWords words an attacker would try with it: the username and the email
	 * @return a message a person can act on, or empty when the password is acceptable
	 */
	public Optional<String> check(String password, List<String> knownWords) {
		int length = password.codePointCount(0, password.length());
		if (length < this.minLength) {
			return Optional.of("Use at least " + this.minLength + " characters.");
		}
		if (length > this.maxLength) {
			return Optional.of("Use at most " + this.maxLength + " characters.");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		List<String> words = new ArrayList<>();
		for (String word : knownWords) {
			if (word.isBlank()) {
				continue;
			}
			words.add(word);
			String local = word.contains("@") ? word.substring(0, word.indexOf('@')) : word;
			words.add(local);
			if (local.length() >= 3 && lower.contains(local.toLowerCase(Locale.ROOT))) {
				return Optional.of("Do not build the password from your username or email.");
			}
		}
		Strength strength = this.zxcvbn.measure(password, words);
		if (strength.getScore() < this.minStrength) {
			String warning = strength.getFeedback().getWarning();
			String reason = (warning != null && !warning.isBlank()) ? " " + warning.strip().replaceAll("\\.$", "") + "."
					: "";
			return Optional.of("This password is too easy to guess." + reason
					+ " Use a longer passphrase of several unrelated words.");
		}
		return Optional.empty();
	}

}
