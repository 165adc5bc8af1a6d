package dev.spaauth.session;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A {@link SessionRepository} in front of the real store (Spring Session JDBC or Redis) that records
 * a session's last access coarsely, so an authenticated read writes nothing to the store.
 * <p>
 * Spring Session's {@code SessionRepositoryFilter} sets the last-access time on every request that
 * touches the session, and the store then writes it back: an {@code UPDATE} of the session row with
 * JDBC, an {@code HMSET} and five expiry commands with Redis. Here a new last-access time reaches the
 * store only once the recorded one is at least a step old, where the step is one minute, or a
 * thirtieth of the session's idle timeout when that is shorter (4 seconds for a 2-minute timeout).
 * A session therefore ends at most one step earlier than an exact idle timeout would end it, never
 * later: the idle timeout (OWASP Session Management Cheat Sheet, ASVS 7.3.1) stays correct to the
 * minute. Attribute changes (log-in, CSRF token rotation, re-authentication) are saved as before; a
 * session read and left unchanged is not saved at all when the store saves only what was set, which
 * spares Spring Session JDBC an empty transaction per request.
 * <p>
 * The sessions this repository hands out wrap the store's own; {@link #save} and the store's index
 * (listing and revoking a user's sessions) keep working on the store's repository directly.
 *
 * @param <S> the store's session type
 */
public final class CoarseLastAccessSessionRepository<S extends Session>
		implements SessionRepository<CoarseLastAccessSessionRepository.CoarseLastAccessSession<S>> {

	/** The longest a recorded last-access time may lag behind the real one. */
	public static final Duration MAX_STEP = Duration.ofMinutes(1);

	/** The step is at most this fraction of the idle timeout, so short timeouts stay precise. */
	private static final int STEPS_PER_IDLE_TIMEOUT = 30;

	private final SessionRepository<S> store;

	private final boolean skipUnchanged;

	/** The sessions read during the current request on this thread, by the id they were read with. */
	private final ThreadLocal<@Nullable Map<String, CoarseLastAccessSession<?>>> readInRequest = new ThreadLocal<>();

	/**
	 * @param store the repository of the session store, which reads and writes the sessions
	 * @param skipUnchanged whether saving a session read from the store and left unchanged may be
	 * skipped: true when the store saves only what was set ({@code SaveMode.ON_SET_ATTRIBUTE},
	 * Spring Session's default), where such a save writes nothing but still costs a transaction
	 * (JDBC); false for {@code ON_GET_ATTRIBUTE} or {@code ALWAYS}
	 */
	public CoarseLastAccessSessionRepository(SessionRepository<S> store, boolean skipUnchanged) {
		this.store = store;
		this.skipUnchanged = skipUnchanged;
	}

	@Override
	public CoarseLastAccessSession<S> createSession() {
		CoarseLastAccessSession<S> session = new CoarseLastAccessSession<>(this.store.createSession());
		session.changed = true;
		return session;
	}

	@Override
	public void save(CoarseLastAccessSession<S> session) {
		if (session.changed || !this.skipUnchanged) {
			this.store.save(session.stored);
			session.changed = false;
		}
	}

	/**
	 * Returns the session with the given id. Within a {@linkplain #readOncePerRequest request scope},
	 * the store is read once per id: a later look-up of the same id answers the session already read
	 * (and changed by the request), as long as it still has that id and was not deleted.
	 * @param id the session id
	 * @return the session, or null when the store has no live session with that id
	 */
	@Override
	public @Nullable CoarseLastAccessSession<S> findById(String id) {
		Map<String, CoarseLastAccessSession<?>> read = this.readInRequest.get();
		CoarseLastAccessSession<?> known = (read != null) ? read.get(id) : null;
		if (known != null && known.getId().equals(id)) {
			@SuppressWarnings("unchecked")
			CoarseLastAccessSession<S> same = (CoarseLastAccessSession<S>) known;
			return same;
		}
		S stored = this.store.findById(id);
		if (stored == null) {
			return null;
		}
		CoarseLastAccessSession<S> session = new CoarseLastAccessSession<>(stored);
		if (read != null) {
			read.put(id, session);
		}
		return session;
	}

	@Override
	public void deleteById(String id) {
		Map<String, CoarseLastAccessSession<?>> read = this.readInRequest.get();
		if (read != null) {
			read.remove(id);
		}
		this.store.deleteById(id);
	}

	/**
	 * Runs a request's processing in a scope where each session id is read from the store at most once.
	 * Spring Session's {@code SessionRepositoryFilter} forgets the session it read when a response is
	 * committed before the handler returns (a JSON body flushed by the message converter), and reads it
	 * again at the end of the request only to compare ids (spring-session#1731): a second store
	 * round-trip on every such request. A scope opened while another is open on the thread joins it.
	 * @param request the request
	 * @param response the response
	 * @param chain the rest of the filter chain, run on this thread within the scope
	 * @throws IOException when the chain throws it
	 * @throws ServletException when the chain throws it
	 */
	public void readOncePerRequest(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (this.readInRequest.get() != null) {
			chain.doFilter(request, response);
			return;
		}
		this.readInRequest.set(new HashMap<>(2));
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.readInRequest.remove();
		}
	}

	/**
	 * Returns how far the recorded last-access time may lag for a session with the given idle
	 * timeout: {@link #MAX_STEP}, or a thirtieth of the idle timeout when that is shorter.
	 * @param idleTimeout the session's idle timeout ({@link Session#getMaxInactiveInterval()})
	 * @return the step, never longer than one minute
	 */
	static Duration step(Duration idleTimeout) {
		Duration fraction = idleTimeout.dividedBy(STEPS_PER_IDLE_TIMEOUT);
		return (fraction.compareTo(MAX_STEP) < 0) ? fraction : MAX_STEP;
	}

	/**
	 * A session of the store whose last-access time only moves forward in steps; everything else is
	 * the store's session.
	 *
	 * @param <S> the store's session type
	 */
	public static final class CoarseLastAccessSession<S extends Session> implements Session {

		private final S stored;

		/** Whether anything was set since the session was read, created or last saved. */
		private boolean changed;

		CoarseLastAccessSession(S stored) {
			this.stored = stored;
		}

		/**
		 * Records {@code time} as the last access only when the recorded last access is at least one
		 * {@linkplain CoarseLastAccessSessionRepository#step step} older; otherwise does nothing, so
		 * saving the session writes nothing for the access.
		 */
		@Override
		public void setLastAccessedTime(Instant time) {
			Duration lag = Duration.between(this.stored.getLastAccessedTime(), time);
			if (lag.compareTo(step(this.stored.getMaxInactiveInterval())) >= 0) {
				this.stored.setLastAccessedTime(time);
				this.changed = true;
			}
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.stored.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return this.stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.changed = true;
			this.stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
