package dev.spaauth.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random values and their digests for the flow's cookie, codes and verifiers. */
final class Hashes {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Hashes() {
	}

	/** 32 random bytes, base64url without padding (43 characters). */
	static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The SHA-256 of a value's UTF-8 bytes, in hex. */
	static String sha256Hex(String value) {
		return HexFormat.of().formatHex(sha256(value));
	}

	/** The S256 transform of RFC 7636 section 4.2: base64url(SHA-256(ASCII(verifier))). */
	static String s256(String verifier) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
	}

	/** Compares in time independent of where the values differ. */
	static boolean same(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
