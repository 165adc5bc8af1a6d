package dev.spaauth.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import dev.spaauth.user.UserRolesChangedEvent;

/**
 * A user's sessions in the shared session store, found through Spring Session's principal-name index,
 * so listing and ending them works across instances and takes effect on the very next request (ASVS
 * 7.4.3, 7.5.2). Clients see a session only by its handle: an HMAC of its id, which reveals nothing
 * and cannot be turned back into the id.
 */
public final class UserSessions {

	/** Session attribute holding the {@code User-Agent} of the log-in request, at most 256 characters. */
	public static final String USER_AGENT = "dev.spaauth.userAgent";

	private static final int HANDLE_BYTES = 16;

	private final FindByIndexNameSessionRepository<? extends Session> repository;

	private final SecretKeySpec handleKey;

	/**
	 * A session as its owner sees it.
	 *
	 * @param handle opaque identifier, stable while the session id is
	 * @param createdAt when the session started (log-in)
	 * @param lastSeenAt when it was last used
	 * @param userAgent the browser that logged in, or null
	 * @param current whether it is the session of the request
	 */
	public record Info(String handle, Instant createdAt, Instant lastSeenAt, @Nullable String userAgent,
			boolean current) {
	}

	/**
	 * Creates the registry.
	 * @param repository the session store, indexed by principal name
	 * @param secret secret for the handles
	 */
	public UserSessions(FindByIndexNameSessionRepository<? extends Session> repository, byte[] secret) {
		this.repository = repository;
		this.handleKey = new SecretKeySpec(secret.clone(), "HmacSHA256");
	}

	/**
	 * Lists the live sessions of a user, newest first; expired sessions not yet purged are left out.
	 * @param username the principal name
	 * @param currentId the id of the request's session, or null
	 * @return the sessions
	 */
	public List<Info> list(String username, @Nullable String currentId) {
		List<Info> sessions = new ArrayList<>();
		for (Map.Entry<String, ? extends Session> entry : find(username).entrySet()) {
			Session session = entry.getValue();
			if (session.isExpired()) {
				continue;
			}
			Object agent = session.getAttribute(USER_AGENT);
			sessions.add(new Info(handle(entry.getKey()), session.getCreationTime(), session.getLastAccessedTime(),
					(agent instanceof String text) ? text : null, entry.getKey().equals(currentId)));
		}
		sessions.sort(Comparator.comparing(Info::createdAt).reversed());
		return sessions;
	}

	/**
	 * Finds the id of a user's session by its handle.
	 * @param username the principal name
	 * @param handle the handle the client sent
	 * @return the session id, or empty when no session of this user has that handle
	 */
	public Optional<String> idOf(String username, String handle) {
		byte[] wanted = handle.getBytes(StandardCharsets.US_ASCII);
		return find(username).keySet()
			.stream()
			.filter((id) -> MessageDigest.isEqual(handle(id).getBytes(StandardCharsets.US_ASCII), wanted))
			.findFirst();
	}

	/**
	 * Ends one session.
	 * @param id the session id
	 */
	public void end(String id) {
		this.repository.deleteById(id);
	}

	/**
	 * Ends every session of a user but one.
	 * @param username the principal name
	 * @param keepId the session to keep, or null to end them all
	 * @return how many sessions were ended
	 */
	public int endAllBut(String username, @Nullable String keepId) {
		int ended = 0;
		for (String id : find(username).keySet()) {
			if (!id.equals(keepId)) {
				this.repository.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	private Map<String, ? extends Session> find(String username) {
		return this.repository.findByPrincipalName(username);
	}

	/**
	 * Ends every session of an account whose roles changed: each holds the roles of its log-in.
	 * @param event the change
	 */
	@EventListener
	public void rolesChanged(UserRolesChangedEvent event) {
		endAllBut(event.username(), null);
	}

	private String handle(String sessionId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.handleKey);
			byte[] digest = mac.doFinal(sessionId.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, HANDLE_BYTES));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
