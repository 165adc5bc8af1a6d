package dev.spaauth.csrf;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Creates and checks CSRF token values: 16 random bytes from a {@link SecureRandom} followed by the
 * first 16 bytes of their HMAC-SHA256 under a server secret, base64url without padding (43
 * characters). The signature lets a token handed out before log-in be checked without storing it
 * on the server (OWASP CSRF Prevention Cheat Sheet, "Signed Double-Submit Cookie").
 */
public final class CsrfTokenSigner {

	private static final int NONCE_BYTES = 16;

	private static final int MAC_BYTES = 16;

	private static final int TOKEN_CHARS = 43;

	private static final String ALGORITHM = "HmacSHA256";

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	/**
	 * Creates a signer.
	 * @param secret the signing secret; at least 32 bytes of entropy
	 */
	public CsrfTokenSigner(byte[] secret) {
		this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
	}

	/**
	 * Creates a signer with a random secret, valid until the process ends.
	 * @return the signer
	 */
	public static CsrfTokenSigner withRandomSecret() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return new CsrfTokenSigner(secret);
	}

	/**
	 * Creates a signer from a configured secret.
	 * @param secret the secret text, at least 32 characters
	 * @return the signer
	 */
	public static CsrfTokenSigner withSecret(String secret) {
		return new CsrfTokenSigner(secret.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Creates a new token value.
	 * @return 43 base64url characters
	 */
	public String newToken() {
		byte[] token = new byte[NONCE_BYTES + MAC_BYTES];
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		System.arraycopy(nonce, 0, token, 0, NONCE_BYTES);
		System.arraycopy(mac(nonce), 0, token, NONCE_BYTES, MAC_BYTES);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
	}

	/**
	 * Returns whether a value is a token this server signed. Any other input, malformed or not, is
	 * simply not authentic; the signature is compared in constant time.
	 * @param value the candidate, may be null
	 * @return whether the value carries a valid signature
	 */
	public boolean isAuthentic(@Nullable String value) {
		if (value == null || value.length() != TOKEN_CHARS) {
			return false;
		}
		byte[] token;
		try {
			token = Base64.getUrlDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		if (token.length != NONCE_BYTES + MAC_BYTES) {
			return false;
		}
		byte[] expected = mac(Arrays.copyOf(token, NONCE_BYTES));
		return MessageDigest.isEqual(Arrays.copyOf(expected, MAC_BYTES),
				Arrays.copyOfRange(token, NONCE_BYTES, NONCE_BYTES + MAC_BYTES));
	}

	private byte[] mac(byte[] nonce) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(nonce);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
