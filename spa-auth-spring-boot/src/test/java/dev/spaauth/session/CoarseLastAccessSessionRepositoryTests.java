package dev.spaauth.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.SessionRepository;

import dev.spaauth.session.CoarseLastAccessSessionRepository.CoarseLastAccessSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Which accesses and saves reach the store behind {@link CoarseLastAccessSessionRepository}. */
class CoarseLastAccessSessionRepositoryTests {

	private final CountingStore store = new CountingStore();

	@Test
	void accessWithinAStepIsNotRecordedAndAnUnchangedSessionIsNotSaved() {
		CoarseLastAccessSessionRepository<MapSession> sessions = new CoarseLastAccessSessionRepository<>(this.store,
				true);
		String id = created(sessions);
		Instant recorded = this.store.delegate.findById(id).getLastAccessedTime();

		CoarseLastAccessSession<MapSession> read = sessions.findById(id);
		read.setLastAccessedTime(recorded.plusSeconds(59));
		sessions.save(read);

		assertThat(this.store.saves).isEqualTo(1);
		assertThat(this.store.findById(id).getLastAccessedTime()).isEqualTo(recorded);
	}

	@Test
	void accessAStepAfterTheRecordedOneIsRecordedAndSaved() {
		CoarseLastAccessSessionRepository<MapSession> sessions = new CoarseLastAccessSessionRepository<>(this.store,
				true);
		String id = created(sessions);
		Instant later = this.store.findById(id).getLastAccessedTime().plus(CoarseLastAccessSessionRepository.MAX_STEP);

		CoarseLastAccessSession<MapSession> read = sessions.findById(id);
		read.setLastAccessedTime(later);
		sessions.save(read);

		assertThat(this.store.saves).isEqualTo(2);
		assertThat(this.store.findById(id).getLastAccessedTime()).isEqualTo(later);
	}

	@Test
	void setAttributeIsSavedEvenWithoutARecordedAccess() {
		CoarseLastAccessSessionRepository<MapSession> sessions = new CoarseLastAccessSessionRepository<>(this.store,
				true);
		String id = created(sessions);

		CoarseLastAccessSession<MapSession> read = sessions.findById(id);
		read.setAttribute("csrf", "rotated");
		sessions.save(read);

		assertThat(this.store.saves).isEqualTo(2);
		assertThat(this.store.findById(id).<String>getAttribute("csrf")).isEqualTo("rotated");
	}

	@Test
	void unchangedSessionIsStillSavedWhenTheStoreSavesMoreThanWhatWasSet() {
		CoarseLastAccessSessionRepository<MapSession> sessions = new CoarseLastAccessSessionRepository<>(this.store,
				false);
		String id = created(sessions);

		sessions.save(sessions.findById(id));

		assertThat(this.store.saves).isEqualTo(2);
	}

	@Test
	void withinARequestScopeASessionIsReadFromTheStoreOnceAndOutsideItEveryTime() throws Exception {
		CoarseLastAccessSessionRepository<MapSession> sessions = new CoarseLastAccessSessionRepository<>(this.store,
				true);
		String id = created(sessions);
		List<CoarseLastAccessSession<MapSession>> seen = new ArrayList<>();

		sessions.readOncePerRequest(null, null, (request, response) -> {
			seen.add(sessions.findById(id));
			seen.get(0).setAttribute("csrf", "rotated");
			sessions.readOncePerRequest(request, response, (again, same) -> seen.add(sessions.findById(id)));
		});
		int readsInScope = this.store.reads;
		sessions.findById(id);
		sessions.findById(id);

		assertThat(readsInScope).isEqualTo(1);
		assertThat(seen.get(1)).isSameAs(seen.get(0));
		assertThat(this.store.reads).isEqualTo(3);
	}

	@Test
	void withinARequestScopeAChangedIdOrADeletedSessionIsReadFromTheStoreAgain() throws Exception {
		CoarseLastAccessSessionRepository<MapSession> sessions = new CoarseLastAccessSessionRepository<>(this.store,
				true);
		String rotated = created(sessions);
		String deleted = created(sessions);
		List<@Nullable CoarseLastAccessSession<MapSession>> seen = new ArrayList<>();

		sessions.readOncePerRequest(null, null, (request, response) -> {
			CoarseLastAccessSession<MapSession> session = sessions.findById(rotated);
			session.changeSessionId();
			sessions.save(session);
			seen.add(sessions.findById(rotated));
			sessions.findById(deleted);
			sessions.deleteById(deleted);
			seen.add(sessions.findById(deleted));
		});

		assertThat(seen).containsExactly(null, null);
		assertThat(this.store.reads).isEqualTo(4);
	}

	@Test
	void stepIsAMinuteOrAThirtiethOfAShorterIdleTimeout() {
		assertThat(CoarseLastAccessSessionRepository.step(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(1));
		assertThat(CoarseLastAccessSessionRepository.step(Duration.ofHours(8))).isEqualTo(Duration.ofMinutes(1));
		assertThat(CoarseLastAccessSessionRepository.step(Duration.ofMinutes(2))).isEqualTo(Duration.ofSeconds(4));
	}

	private static String created(CoarseLastAccessSessionRepository<MapSession> sessions) {
		CoarseLastAccessSession<MapSession> session = sessions.createSession();
		sessions.save(session);
		return session.getId();
	}

	/** Spring Session's map store, counting saves. */
	private static final class CountingStore implements SessionRepository<MapSession> {

		private final MapSessionRepository delegate = new MapSessionRepository(new ConcurrentHashMap<>());

		int saves;

		int reads;

		@Override
		public MapSession createSession() {
			return this.delegate.createSession();
		}

		@Override
		public void save(MapSession session) {
			this.saves++;
			this.delegate.save(session);
		}

		@Override
		public MapSession findById(String id) {
			this.reads++;
			return this.delegate.findById(id);
		}

		@Override
		public void deleteById(String id) {
			this.delegate.deleteById(id);
		}

	}

}
