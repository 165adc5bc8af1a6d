package dev.spaauth.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/security.md} honest: every {@code ClassName#methodName} it cites as proof must be
 * a test class under some module's {@code src/test/java} with a method {@code void methodName(}, so
 * a renamed or deleted test breaks the build instead of leaving a requirement unproven.
 */
class SecurityDocumentationTests {

	private static final Path DOCUMENT = Path.of("..", "docs", "security.md");

	/** {@code ClassName#methodName}, not part of a URL, a path or a longer word. */
	private static final Pattern REFERENCE = Pattern
		.compile("(?<![\\w./#-])([A-Z][A-Za-z0-9_]*)#([a-z][A-Za-z0-9_]*)(?![\\w-])");

	private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", ".idea");

	@Test
	void everyCitedTestClassAndMethodExists() throws IOException {
		Set<String> references = references(Files.readString(DOCUMENT, StandardCharsets.UTF_8));
		Map<String, List<Path>> testSources = testSources(DOCUMENT.toAbsolutePath().normalize().getParent().getParent());

		List<String> missing = new ArrayList<>();
		for (String reference : references) {
			String className = reference.substring(0, reference.indexOf('#'));
			String method = reference.substring(reference.indexOf('#') + 1);
			List<Path> sources = testSources.getOrDefault(className, List.of());
			if (sources.isEmpty()) {
				missing.add(reference + ": no test class " + className + ".java under any src/test/java");
			}
			else if (sources.stream().noneMatch((source) -> declares(source, method))) {
				missing.add(reference + ": " + className + " has no 'void " + method + "('");
			}
		}

		assertThat(references).as("ClassName#methodName references in %s", DOCUMENT).isNotEmpty();
		assertThat(missing).as("references in %s that point at no test", DOCUMENT).isEmpty();
	}

	@Test
	void referencesAreFoundInTablesAndProseButNotInUrls() {
		String text = "| 3.3.1 | x | `LoginIntegrationTests#loginThenSessionIdChangesAndOldIdIsDeleted`, "
				+ "CsrfIntegrationTests#csrfRejectionLeavesTheSessionValid |\n"
				+ "[cheat sheet](https://example.org/Cheat_Sheet.html#Login-forms) and docs/Guide#setup-steps";

		assertThat(references(text)).containsExactly(
				"LoginIntegrationTests#loginThenSessionIdChangesAndOldIdIsDeleted",
				"CsrfIntegrationTests#csrfRejectionLeavesTheSessionValid");
	}

	static Set<String> references(String text) {
		Set<String> references = new LinkedHashSet<>();
		Matcher matcher = REFERENCE.matcher(text);
		while (matcher.find()) {
			references.add(matcher.group(1) + "#" + matcher.group(2));
		}
		return references;
	}

	private static boolean declares(Path source, String method) {
		try {
			return Files.readString(source, StandardCharsets.UTF_8).contains("void " + method + "(");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every {@code .java} file under a {@code src/test/java} folder of the repository, by simple name. */
	private static Map<String, List<Path>> testSources(Path repository) throws IOException {
		Map<String, List<Path>> sources = new HashMap<>();
		Files.walkFileTree(repository, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				Path name = dir.getFileName();
				return (name != null && SKIPPED_FOLDERS.contains(name.toString())) ? FileVisitResult.SKIP_SUBTREE
						: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				String name = file.getFileName().toString();
				if (name.endsWith(".java") && file.toString().replace('\\', '/').contains("/src/test/java/")) {
					sources.computeIfAbsent(name.substring(0, name.length() - ".java".length()), (key) -> new ArrayList<>())
						.add(file);
				}
				return FileVisitResult.CONTINUE;
			}

		});
		return sources;
	}

}
