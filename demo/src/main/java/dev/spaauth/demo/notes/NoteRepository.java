package dev.spaauth.demo.notes;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import dev.spaauth.user.AccountDeletedEvent;

/** Stores notes; every query is scoped to one owner, so no user reaches another's notes. */
@Repository
class NoteRepository {

	private final JdbcClient jdbc;

	private final Clock clock = Clock.systemUTC();

	NoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Note> findByOwner(long ownerId) {
		return this.jdbc.sql("SELECT id, text, created_at FROM notes WHERE owner_id = ? ORDER BY id DESC")
			.param(ownerId)
			.query((rs, row) -> new Note(rs.getLong(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.list();
	}

	Note add(long ownerId, String text) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO notes (owner_id, text, created_at) VALUES (?, ?, ?)")
			.params(ownerId, text, now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return new Note(keys.getKeyAs(Number.class).longValue(), text, now);
	}

	boolean delete(long ownerId, long id) {
		return this.jdbc.sql("DELETE FROM notes WHERE id = ? AND owner_id = ?").params(id, ownerId).update() > 0;
	}

	/**
	 * Deletes every note of an account that is being deleted, in the deletion's transaction (the
	 * schema's cascade would too; the demo shows what an application without one does).
	 */
	@EventListener
	void accountDeleted(AccountDeletedEvent event) {
		this.jdbc.sql("DELETE FROM notes WHERE owner_id = ?").param(event.user().getId()).update();
	}

}
