package dev.spaauth.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.security.SecureRandom;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.spaauth.deployment.Deployment;

/**
 * The browsers each account signed in from ({@code spa_auth.known_devices}). A browser is known by a
 * device cookie: 32 random bytes, HttpOnly, {@code Secure} and {@code __Host-} like the session
 * cookie, for 400 days (the longest browsers keep a cookie, RFC 6265bis section 5.5), of which only
 * the SHA-256 is stored. It authenticates nothing; losing it only means one more notice.
 */
public class KnownDevices {

	/** How long the device cookie lives: the cap browsers apply (RFC 6265bis section 5.5). */
	static final Duration COOKIE_LIFETIME = Duration.ofDays(400);

	private static final int MAX_USER_AGENT_LENGTH = 256;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Deployment deployment;

	private final String cookieName;

	private final Clock clock;

	/**
	 * Creates the store.
	 * @param jdbc client of the database that holds the {@code spa_auth} schema
	 * @param deployment sets the cookie's {@code Secure} and {@code SameSite} like the session cookie's
	 * @param clock the source of the times stored
	 */
	public KnownDevices(JdbcClient jdbc, Deployment deployment, Clock clock) {
		this.jdbc = jdbc;
		this.deployment = deployment;
		this.cookieName = deployment.secureCookies() ? "__Host-DEVICE" : "DEVICE";
		this.clock = clock;
	}

	/**
	 * Records that an account signed in from the request's browser, giving the browser a device cookie
	 * if it has none.
	 * @param userId the account's id
	 * @param request the sign-in request
	 * @param response the response that gets the device cookie
	 * @return whether the account had not signed in from this browser before
	 */
	public boolean signedIn(long userId, HttpServletRequest request, HttpServletResponse response) {
		String device = deviceOf(request);
		if (device == null) {
			byte[] bytes = new byte[32];
			this.random.nextBytes(bytes);
			device = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			response.addHeader(HttpHeaders.SET_COOKIE, this.deployment.cookie(this.cookieName, device)
				.httpOnly(true)
				.maxAge(COOKIE_LIFETIME)
				.build()
				.toString());
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		String hash = hash(device);
		int known = this.jdbc
			.sql("UPDATE spa_auth.known_devices SET last_seen_at = ? WHERE user_id = ? AND device_hash = ?")
			.params(now, userId, hash)
			.update();
		if (known == 1) {
			return false;
		}
		String agent = request.getHeader(HttpHeaders.USER_AGENT);
		this.jdbc.sql("INSERT INTO spa_auth.known_devices (user_id, device_hash, user_agent, first_seen_at, last_seen_at) "
				+ "VALUES (?, ?, ?, ?, ?)")
			.params(userId, hash, (agent != null) ? agent.substring(0, Math.min(agent.length(), MAX_USER_AGENT_LENGTH)) : null,
					now, now)
			.update();
		return true;
	}

	/**
	 * Forgets every browser of an account, so that the next sign-in from any of them is notified.
	 * @param userId the account's id
	 */
	public void forgetAll(long userId) {
		this.jdbc.sql("DELETE FROM spa_auth.known_devices WHERE user_id = ?").param(userId).update();
	}

	private @Nullable String deviceOf(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (cookie.getName().equals(this.cookieName) && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private static String hash(String device) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(device.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
