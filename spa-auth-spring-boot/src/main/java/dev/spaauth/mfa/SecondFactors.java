package dev.spaauth.mfa;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The second factors an account has enrolled, by the method names the API uses: {@code totp} (an
 * authenticator app), {@code webauthn} (a passkey, which completes a waiting log-in through the passkey
 * sign-in) and {@code recovery_code} (while unused codes remain). An account has a second step at
 * log-in once it has an authenticator app; its passkeys and recovery codes are then the other ways
 * through it.
 */
public class SecondFactors {

	/** Method name of an authenticator app (TOTP). */
	public static final String TOTP = "totp";

	/** Method name of a recovery code. */
	public static final String RECOVERY_CODE = "recovery_code";

	/** Method name of a passkey. */
	public static final String WEBAUTHN = "webauthn";

	private final TotpFactors totp;

	private final RecoveryCodes recoveryCodes;

	private final LongPredicate hasPasskeys;

	/**
	 * Creates the view.
	 * @param totp the authenticator-app secrets
	 * @param recoveryCodes the recovery codes
	 * @param hasPasskeys tells whether an account (by id) has a passkey; always false without passkeys
	 */
	public SecondFactors(TotpFactors totp, RecoveryCodes recoveryCodes, LongPredicate hasPasskeys) {
		this.totp = totp;
		this.recoveryCodes = recoveryCodes;
		this.hasPasskeys = hasPasskeys;
	}

	/**
	 * Returns the methods that can complete the account's log-in.
	 * @param userId the account's id
	 * @return in order {@code totp}, {@code webauthn}, {@code recovery_code}; empty when the account has
	 * no authenticator app and logs in with the password alone
	 */
	public List<String> methods(long userId) {
		List<String> methods = new ArrayList<>(3);
		if (this.totp.confirmedAt(userId).isPresent()) {
			methods.add(TOTP);
			if (this.hasPasskeys.test(userId)) {
				methods.add(WEBAUTHN);
			}
			if (this.recoveryCodes.remaining(userId) > 0) {
				methods.add(RECOVERY_CODE);
			}
		}
		return methods;
	}

}
