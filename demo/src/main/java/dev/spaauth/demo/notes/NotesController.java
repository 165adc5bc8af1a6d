package dev.spaauth.demo.notes;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.problem.FieldErrors;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.user.SpaAuthUser;

/**
 * The notes API. Every path needs an authenticated session (spa-auth answers 401 otherwise) and
 * every unsafe request the CSRF token.
 */
@RestController
@RequestMapping(path = "/api/notes", produces = MediaType.APPLICATION_JSON_VALUE)
class NotesController {

	static final int MAX_TEXT_LENGTH = 2000;

	private final NoteRepository notes;

	NotesController(NoteRepository notes) {
		this.notes = notes;
	}

	/** {@code GET /api/notes}: 200 {@code {"notes": [...]}}, the caller's notes, newest first. */
	@GetMapping
	NoteList list(@AuthenticationPrincipal SpaAuthUser user) {
		return new NoteList(this.notes.findByOwner(user.getId()));
	}

	/**
	 * {@code POST /api/notes {"text"}}: 201 with the note; 400 {@code validation_failed} for a blank
	 * text or one longer than {@value #MAX_TEXT_LENGTH} characters.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Note> add(@AuthenticationPrincipal SpaAuthUser user, @RequestBody NewNote body) {
		FieldErrors errors = new FieldErrors();
		String text = body.text();
		if (errors.require("text", "Text", text) && text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
			errors.add("text", "Keep the note to " + MAX_TEXT_LENGTH + " characters or fewer.");
		}
		errors.throwIfAny();
		Note note = this.notes.add(user.getId(), text);
		return ResponseEntity.created(URI.create("/api/notes/" + note.id())).body(note);
	}

	/**
	 * {@code DELETE /api/notes/{id}}: 204; 404 {@code not_found} when the caller has no such note,
	 * whether it does not exist or belongs to someone else.
	 */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal SpaAuthUser user, @PathVariable long id) {
		if (!this.notes.delete(user.getId(), id)) {
			throw new ProblemException(ProblemCode.NOT_FOUND, "You have no note with id " + id + ".");
		}
		return ResponseEntity.noContent().build();
	}

	record NewNote(@Nullable String text) {
	}

	record NoteList(List<Note> notes) {
	}

}
