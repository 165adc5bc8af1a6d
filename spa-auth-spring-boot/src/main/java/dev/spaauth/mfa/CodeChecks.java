package dev.spaauth.mfa;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.spaauth.problem.FieldErrors;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.user.SpaAuthUser;

/** What the second-factor endpoints check alike: the body, the throttle bucket, the wrong-code answer. */
final class CodeChecks {

	private CodeChecks() {
	}

	/**
	 * Checks a second-factor request body.
	 * @param method the method named
	 * @param code the code
	 * @param maxLength the longest code accepted
	 * @return the method
	 * @throws dev.spaauth.problem.ValidationFailedException for a missing or unknown method, a missing
	 * code or one too long
	 */
	static String requireCode(@Nullable String method, @Nullable String code, int maxLength) {
		FieldErrors errors = new FieldErrors();
		if (errors.require("method", "Method", method)
				&& !List.of(SecondFactors.TOTP, SecondFactors.RECOVERY_CODE).contains(method)) {
			errors.add("method", "Method must be \"totp\" or \"recovery_code\"; with a passkey, sign in with it instead "
					+ "(the passkey log-in counts as both factors).");
		}
		if (errors.require("code", "Code", code) && code.length() > maxLength) {
			errors.add("code", "Code is longer than " + maxLength + " characters.");
		}
		errors.throwIfAny();
		return method;
	}

	/** The throttle bucket of an account's second-factor attempts, apart from its passwords'. */
	static String throttleKey(SpaAuthUser user) {
		return "second-factor:" + user.getUsername();
	}

	/** Returns the answer to a wrong or used code: 400 {@code invalid_code}. */
	static ProblemException invalidCode() {
		return new ProblemException(ProblemCode.INVALID_CODE,
				"That code is wrong or was used already. Type the current code from your authenticator app, "
						+ "or an unused recovery code.");
	}

}
