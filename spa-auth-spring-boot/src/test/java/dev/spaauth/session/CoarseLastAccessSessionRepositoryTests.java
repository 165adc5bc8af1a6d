package dev.spaauth.session;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

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
		Instant recorded = this.store.findById(id).getLastAccessedTime();

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
			return this.delegate.findById(id);
		}

		@Override
		public void deleteById(String id) {
			this.delegate.deleteById(id);
		}

	}

}
