package dev.spaauth.demo.notes;

import java.time.Instant;

/**
 * A note as the API shows it.
 *
 * @param id the note's id
 * @param text the text, as the user wrote it
 * @param createdAt when it was added
 */
record Note(long id, String text, Instant createdAt) {
}
