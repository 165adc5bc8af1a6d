package dev.spaauth.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;


import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The mails one backend sent: its development mailbox folder ({@code spa-auth.mail.dev-mailbox}),
 * one JSON file a mail, read straight from the disk. Mails go out on another thread, so tests wait
 * for the one they expect with {@link #awaitMail}.
 */
final class Mailbox {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Pattern LINK = Pattern.compile("https?://\\S+\\?token=[\\w-]+");

	private final Path folder;

	Mailbox(Path folder) {
		this.folder = folder;
	}

	Path folder() {
		return this.folder;
	}

	/** Every mail sent so far, oldest first (a file still being written is left out). */
	List<Mail> messages() {
		if (!Files.isDirectory(this.folder)) {
			return List.of();
		}
		List<Mail> mails = new ArrayList<>();
		try (Stream<Path> files = Files.list(this.folder)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
				try {
					JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
					mails.add(new Mail(json.get("to").getAsString(), json.get("subject").getAsString(),
							json.get("text").getAsString(), json.get("sentAt").getAsString()));
				}
				catch (JsonParseException | IllegalStateException | NullPointerException | NoSuchFileException ex) {
					// being written right now: it shows up complete on the next look
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return mails;
	}

	/** The mails sent to an address (any case), oldest first. */
	List<Mail> to(String address) {
		return messages().stream().filter((mail) -> mail.to().equalsIgnoreCase(address)).toList();
	}

	/** Waits for a mail to the address with the subject; the newest such mail. */
	Mail awaitMail(String to, String subject) {
		try {
			List<Mail> found = Awaitility.await()
				.atMost(WAIT)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> to(to).stream().filter((mail) -> mail.subject().equals(subject)).toList(),
						(mails) -> !mails.isEmpty());
			return found.get(found.size() - 1);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("No mail \"" + subject + "\" to " + to + " within " + WAIT.toSeconds()
					+ " s; the mailbox " + this.folder + " holds " + messages());
		}
	}

	/**
	 * One mail.
	 *
	 * @param to the recipient
	 * @param subject the subject
	 * @param text the plain-text body
	 * @param sentAt when it was sent (ISO-8601)
	 */
	record Mail(String to, String subject, String text, String sentAt) {

		/** The single-use link in the mail ({@code ...?token=...}). */
		String link() {
			Matcher matcher = LINK.matcher(this.text);
			if (!matcher.find()) {
				throw new AssertionError("No link with a token in the mail " + this);
			}
			return matcher.group();
		}

		@Override
		public String toString() {
			return "\"" + this.subject + "\" to " + this.to + " at " + this.sentAt;
		}

	}

}
