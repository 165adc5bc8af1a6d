package dev.spaauth.mfa;

import java.util.ArrayList;
import java.util.List;

/**
 * The second factors an account has enrolled, by the method names the API uses: {@code totp} (an
 * authenticator app) and {@code recovery_code} (while unused codes remain, and only beside an
 * authenticator app).
 */
public class SecondFactors {

	/** Method name of an authenticator app (TOTP). */
	public static final String TOTP = "totp";

	/** Method name of a recovery code. */
	public static final String RECOVERY_CODE = "recovery_code";

	private final TotpFactors totp;

	private final RecoveryCodes recoveryCodes;

	/**
	 * Creates the view.
	 * @param totp the authenticator-app secrets
	 * @param recoveryCodes the recovery codes
	 */
	public SecondFactors(TotpFactors totp, RecoveryCodes recoveryCodes) {
		this.totp = totp;
		this.recoveryCodes = recoveryCodes;
	}

	/**
	 * Returns the methods that can complete the account's log-in.
	 * @param userId the account's id
	 * @return in order {@code totp}, {@code recovery_code}; empty when the account has no second factor
	 * and logs in with the password alone
	 */
	public List<String> methods(long userId) {
		List<String> methods = new ArrayList<>(2);
		if (this.totp.confirmedAt(userId).isPresent()) {
			methods.add(TOTP);
			if (this.recoveryCodes.remaining(userId) > 0) {
				methods.add(RECOVERY_CODE);
			}
		}
		return methods;
	}

}
