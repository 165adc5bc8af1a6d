package dev.spaauth.demo.mailbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;

/**
 * {@code GET /api/dev/mailbox}: the mails in the development mailbox folder, newest first, so a
 * person trying the demo can follow reset and confirmation links with nothing installed. Answers only
 * requests from this machine, since the links in it take over accounts.
 */
@RestController
class MailboxController {

	private static final int MAX_MESSAGES = 50;

	private final Path folder;

	private final JsonMapper json;

	MailboxController(@Value("${spa-auth.mail.dev-mailbox}") Path folder, JsonMapper json) {
		this.folder = folder;
		this.json = json;
	}

	@GetMapping(path = "/api/dev/mailbox", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, List<JsonNode>> messages(HttpServletRequest request) {
		if (!isLoopback(request.getRemoteAddr())) {
			throw new ProblemException(ProblemCode.NOT_FOUND, "Nothing is here. Check the path.");
		}
		if (!Files.isDirectory(this.folder)) {
			return Map.of("messages", List.of());
		}
		try (Stream<Path> files = Files.list(this.folder)) {
			List<JsonNode> messages = files.filter((file) -> file.getFileName().toString().endsWith(".json"))
				.sorted(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed())
				.limit(MAX_MESSAGES)
				.map((file) -> this.json.readTree(file.toFile()))
				.toList();
			return Map.of("messages", messages);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isLoopback(String address) {
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
