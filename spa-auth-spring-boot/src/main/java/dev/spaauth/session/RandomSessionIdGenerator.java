package dev.spaauth.session;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.session.SessionIdGenerator;

/**
 * Creates session ids of 27 random bytes from a {@link SecureRandom} (216 bits), base64url without
 * padding: 36 characters, the width of Spring Session JDBC's id column. Spring Session's default
 * (a version 4 UUID) carries 122 random bits, short of the 128 bits ASVS 7.2.3 asks for.
 */
public final class RandomSessionIdGenerator implements SessionIdGenerator {

	private static final int RANDOM_BYTES = 27;

	private final SecureRandom random = new SecureRandom();

	@Override
	public String generate() {
		byte[] bytes = new byte[RANDOM_BYTES];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
