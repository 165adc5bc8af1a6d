package dev.spaauth.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.common.io.BaseEncoding;

/**
 * Time-based one-time passwords as authenticator apps compute them (RFC 6238 on RFC 4226): HMAC-SHA1,
 * 6 digits, a 30-second step, and one step of clock drift either way (RFC 6238 section 5.2). The
 * secret is 20 random bytes (160 bits, RFC 4226 section 4 R6), written in base32 without padding as
 * the {@code otpauth://} URI carries it. No maintained Java library fits (the common ones have had no
 * release since 2020-2022), and the algorithm is small: it is implemented on {@link Mac} and checked
 * against the test vectors of RFC 6238 Appendix B.
 */
public final class Totp {

	/** Length of a step, in seconds. */
	public static final int STEP_SECONDS = 30;

	/** Digits of a code. */
	public static final int DIGITS = 6;

	private static final int SECRET_BYTES = 20;

	private static final BaseEncoding BASE32 = BaseEncoding.base32().omitPadding();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Clock clock;

	/**
	 * Creates the calculator.
	 * @param clock the source of the current time
	 */
	public Totp(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Makes a new secret.
	 * @return 20 random bytes in base32, 32 characters
	 */
	public static String newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return BASE32.encode(secret);
	}

	/**
	 * Returns the step the current time falls in.
	 * @return seconds since the epoch divided by {@link #STEP_SECONDS}
	 */
	public long currentStep() {
		return Math.floorDiv(this.clock.millis() / 1000, STEP_SECONDS);
	}

	/**
	 * Finds the step a code was made for, among the current step and one either side.
	 * @param secret the base32 secret
	 * @param code the code as typed; spaces are ignored
	 * @param lastUsedStep the step of the last accepted code, or {@link Long#MIN_VALUE}: a code for it
	 * or an earlier step is refused, so each code works once (replay)
	 * @return the step, or empty when the code is malformed, wrong or already used
	 */
	public OptionalLong match(String secret, String code, long lastUsedStep) {
		String digits = code.replace(" ", "");
		if (digits.length() != DIGITS || !digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return OptionalLong.empty();
		}
		byte[] key = BASE32.decode(secret.toUpperCase(Locale.ROOT));
		long now = currentStep();
		OptionalLong found = OptionalLong.empty();
		// Every candidate is computed and compared in constant time, whichever matches.
		for (long step = now - 1; step <= now + 1; step++) {
			boolean equal = MessageDigest.isEqual(code("HmacSHA1", key, step, DIGITS).getBytes(), digits.getBytes());
			if (equal && step > lastUsedStep && found.isEmpty()) {
				found = OptionalLong.of(step);
			}
		}
		return found;
	}

	/**
	 * Computes the code of a step (RFC 4226 section 5.3, with the step as the counter).
	 * @param secret the base32 secret
	 * @param step the step
	 * @return the 6-digit code, with leading zeros
	 */
	public static String code(String secret, long step) {
		return code("HmacSHA1", BASE32.decode(secret.toUpperCase(Locale.ROOT)), step, DIGITS);
	}

	/**
	 * Computes an HOTP value.
	 * @param algorithm the JCA name of the HMAC, such as {@code HmacSHA1}
	 * @param key the raw key
	 * @param counter the moving factor (the step, for TOTP)
	 * @param digits how many digits
	 * @return the value, zero-padded to {@code digits}
	 */
	static String code(String algorithm, byte[] key, long counter, int digits) {
		byte[] hash;
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, algorithm));
			hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has " + algorithm, ex);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		String value = Integer.toString(binary % (int) Math.pow(10, digits));
		return "0".repeat(digits - value.length()) + value;
	}

}
