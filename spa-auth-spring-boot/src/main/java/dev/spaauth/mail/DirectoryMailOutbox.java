package dev.spaauth.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * A development mailbox: each mail becomes a JSON file ({@code id}, {@code to}, {@code subject},
 * {@code text}, {@code sentAt}) in a folder, so the flows that send mail work with nothing to install.
 * Never for production: anyone who can read the folder can follow the links.
 */
public final class DirectoryMailOutbox implements MailOutbox {

	private final Path folder;

	private final JsonMapper json;

	private final Clock clock;

	/**
	 * Creates the outbox.
	 * @param folder the folder, created when missing
	 * @param json writes the files
	 * @param clock the source of {@code sentAt}
	 */
	public DirectoryMailOutbox(Path folder, JsonMapper json, Clock clock) {
		this.folder = folder;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public void send(Mail mail) {
		Instant now = this.clock.instant();
		String id = now.toEpochMilli() + "-" + UUID.randomUUID();
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("id", id);
		file.put("to", mail.to());
		file.put("subject", mail.subject());
		file.put("text", mail.text());
		file.put("sentAt", now.toString());
		try {
			Files.createDirectories(this.folder);
			Files.write(this.folder.resolve(id + ".json"), this.json.writeValueAsBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write to the development mailbox " + this.folder, ex);
		}
	}

}
