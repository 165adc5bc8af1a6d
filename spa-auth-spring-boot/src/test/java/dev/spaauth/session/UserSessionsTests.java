package dev.spaauth.session;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

import dev.spaauth.user.UserRolesChangedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link UserSessions}, on an in-memory session store indexed by principal name. */
class UserSessionsTests {

	private static final Instant NOW = Instant.now();

	private final InMemoryIndexedSessions store = new InMemoryIndexedSessions();

	private final UserSessions sessions = new UserSessions(this.store, "handle secret of 32 bytes or more".getBytes());

	@Test
	void listThenTheUsersLiveSessionsNewestFirst() {
		String oldest = this.store.add("alice", NOW.minus(Duration.ofHours(3)));
		String newest = this.store.add("alice", NOW.minus(Duration.ofMinutes(1)));
		String middle = this.store.add("alice", NOW.minus(Duration.ofHours(1)));

		assertThat(this.sessions.list("alice", null)).extracting(UserSessions.Info::handle)
			.containsExactly(handleOf(newest), handleOf(middle), handleOf(oldest));
	}

	@Test
	void listThenOnlyThatUsersSessions() {
		String own = this.store.add("alice", NOW);
		this.store.add("bob", NOW);

		assertThat(this.sessions.list("alice", null)).extracting(UserSessions.Info::handle).containsExactly(handleOf(own));
		assertThat(this.sessions.list("carol", null)).isEmpty();
	}

	@Test
	void listThenExpiredSessionsNotYetPurgedAreLeftOut() {
		String live = this.store.add("alice", NOW);
		String expired = this.store.add("alice", NOW.minus(Duration.ofHours(2)));
		this.store.sessions.get(expired).setLastAccessedTime(NOW.minus(Duration.ofHours(1)));

		assertThat(this.sessions.list("alice", null)).extracting(UserSessions.Info::handle).containsExactly(handleOf(live));
	}

	@Test
	void listThenTimesUserAgentAndTheCurrentSessionMarked() {
		Instant created = NOW.minus(Duration.ofHours(1));
		String current = this.store.add("alice", created);
		this.store.sessions.get(current).setAttribute(UserSessions.USER_AGENT, "Firefox/140.0");
		String other = this.store.add("alice", NOW.minus(Duration.ofHours(2)));
		this.store.sessions.get(other).setAttribute(UserSessions.USER_AGENT, 42);

		assertThat(this.sessions.list("alice", current)).satisfiesExactly((info) -> {
			assertThat(info.current()).isTrue();
			assertThat(info.createdAt()).isEqualTo(created);
			assertThat(info.lastSeenAt()).isEqualTo(this.store.sessions.get(current).getLastAccessedTime());
			assertThat(info.userAgent()).isEqualTo("Firefox/140.0");
		}, (info) -> {
			assertThat(info.current()).isFalse();
			assertThat(info.userAgent()).isNull();
		});
	}

	@Test
	void listThenHandlesAreOpaqueAndRevealNoSessionId() {
		String id = this.store.add("alice", NOW);

		String handle = this.sessions.list("alice", id).get(0).handle();

		assertThat(handle).isNotEqualTo(id).doesNotContain(id).matches("[A-Za-z0-9_-]{22}");
		assertThat(id).doesNotContain(handle);
	}

	@Test
	void listThenAHandleIsStableWhileTheIdIs() {
		String id = this.store.add("alice", NOW);

		assertThat(this.sessions.list("alice", null).get(0).handle())
			.isEqualTo(this.sessions.list("alice", id).get(0).handle());
	}

	@Test
	void listThenHandlesDependOnTheSecret() {
		this.store.add("alice", NOW);
		UserSessions otherSecret = new UserSessions(this.store, "another handle secret of 32 bytes".getBytes());

		assertThat(otherSecret.list("alice", null).get(0).handle())
			.isNotEqualTo(this.sessions.list("alice", null).get(0).handle());
	}

	@Test
	void idOfWhenTheHandleOfOneOfTheUsersSessionsThenItsId() {
		this.store.add("alice", NOW.minusSeconds(60));
		String id = this.store.add("alice", NOW);

		assertThat(this.sessions.idOf("alice", handleOf(id))).hasValue(id);
	}

	@Test
	void idOfWhenTheHandleOfAnotherUsersSessionThenEmpty() {
		String bobs = this.store.add("bob", NOW);
		this.store.add("alice", NOW);

		assertThat(this.sessions.idOf("alice", handleOf(bobs))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "AAAAAAAAAAAAAAAAAAAAAA", "not a handle", "é" })
	void idOfWhenNoSessionHasTheHandleThenEmpty(String handle) {
		this.store.add("alice", NOW);

		assertThat(this.sessions.idOf("alice", handle)).isEmpty();
	}

	@Test
	void idOfWhenTheSessionIdItselfIsSentThenEmpty() {
		String id = this.store.add("alice", NOW);

		assertThat(this.sessions.idOf("alice", id)).isEmpty();
	}

	@Test
	void endThenTheSessionIsDeleted() {
		String id = this.store.add("alice", NOW);
		String kept = this.store.add("alice", NOW);

		this.sessions.end(id);

		assertThat(this.store.sessions).containsOnlyKeys(kept);
	}

	@Test
	void endAllButThenEveryOtherSessionOfTheUserEndsAndTheCountIsReturned() {
		String keep = this.store.add("alice", NOW);
		this.store.add("alice", NOW);
		this.store.add("alice", NOW);
		String bobs = this.store.add("bob", NOW);

		assertThat(this.sessions.endAllBut("alice", keep)).isEqualTo(2);
		assertThat(this.store.sessions).containsOnlyKeys(keep, bobs);
	}

	@Test
	void endAllButWhenNoneKeptThenEverySessionOfTheUserEnds() {
		this.store.add("alice", NOW);
		this.store.add("alice", NOW);
		String bobs = this.store.add("bob", NOW);

		assertThat(this.sessions.endAllBut("alice", null)).isEqualTo(2);
		assertThat(this.store.sessions).containsOnlyKeys(bobs);
	}

	@Test
	void rolesChangedThenEverySessionOfTheAccountEnds() {
		this.store.add("alice", NOW);
		this.store.add("alice", NOW);
		String bobs = this.store.add("bob", NOW);

		this.sessions.rolesChanged(new UserRolesChangedEvent("alice", "ADMIN", false));

		assertThat(this.store.sessions).containsOnlyKeys(bobs);
	}

	@Test
	void rolesChangedThenItIsAnApplicationEventListener() throws NoSuchMethodException {
		Method listener = UserSessions.class.getMethod("rolesChanged", UserRolesChangedEvent.class);

		assertThat(listener.isAnnotationPresent(EventListener.class)).isTrue();
	}

	private String handleOf(String id) {
		String username = this.store.sessions.get(id).getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
		return this.sessions.list(username, id)
			.stream()
			.filter(UserSessions.Info::current)
			.findFirst()
			.orElseThrow()
			.handle();
	}

	/** Spring Session's map sessions in memory, found by the principal-name index as the JDBC and Redis stores do. */
	private static final class InMemoryIndexedSessions implements FindByIndexNameSessionRepository<MapSession> {

		final Map<String, MapSession> sessions = new LinkedHashMap<>();

		String add(String username, Instant createdAt) {
			MapSession session = createSession();
			session.setCreationTime(createdAt);
			session.setLastAccessedTime(NOW);
			session.setMaxInactiveInterval(Duration.ofMinutes(30));
			session.setAttribute(PRINCIPAL_NAME_INDEX_NAME, username);
			save(session);
			return session.getId();
		}

		@Override
		public MapSession createSession() {
			return new MapSession(new RandomSessionIdGenerator().generate());
		}

		@Override
		public void save(MapSession session) {
			this.sessions.put(session.getId(), session);
		}

		@Override
		public MapSession findById(String id) {
			return this.sessions.get(id);
		}

		@Override
		public void deleteById(String id) {
			this.sessions.remove(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return this.sessions.values()
				.stream()
				.filter((session) -> indexValue.equals(session.getAttribute(indexName)))
				.collect(Collectors.toMap(MapSession::getId, (session) -> session, (a, b) -> a, LinkedHashMap::new));
		}

	}

}
