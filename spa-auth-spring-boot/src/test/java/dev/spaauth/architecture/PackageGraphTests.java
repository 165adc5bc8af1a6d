package dev.spaauth.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of spa-auth's main code: packages by feature whose imports only point down (no cycle), the
 * problem catalogue at the bottom, and small classes.
 */
class PackageGraphTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.spaauth");

	/** Main classes allowed over 250 lines, each with the reason. */
	private static final Map<String, String> LONG_CLASSES_WITH_A_REASON = Map.of(
			"dev/spaauth/autoconfigure/SpaAuthProperties.java",
			"every spa-auth.* setting with the Javadoc IDEs show for it, one nested record per group: one place to read them all",
			"dev/spaauth/mail/Notices.java",
			"the text of every mail spa-auth sends, one short method each: the mails read and are reviewed together",
			"dev/spaauth/user/UserAccounts.java",
			"every query of spa_auth.users, one short method each: the one place that knows the table");

	@Test
	void packagesHaveNoCycles() {
		slices().matching("dev.spaauth.(*)..").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void problemPackageDependsOnNoOtherPackageOfSpaAuth() {
		noClasses().that()
			.resideInAPackage("dev.spaauth.problem..")
			.should()
			.dependOnClassesThat(resideInAPackage("dev.spaauth..").and(not(resideInAPackage("dev.spaauth.problem.."))))
			.because("feature exceptions carry their own problem; the catalogue knows no feature")
			.check(MAIN);
	}

	@Test
	void noMainClassIsOver250LinesWithoutAStatedReason() throws IOException {
		Path sources = Path.of("src/main/java");
		try (Stream<Path> files = Files.walk(sources)) {
			List<String> tooLong = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> lines(file) > 250)
				.map((file) -> sources.relativize(file).toString())
				.filter((file) -> !LONG_CLASSES_WITH_A_REASON.containsKey(file))
				.toList();
			assertThat(tooLong).as("main classes over 250 lines").isEmpty();
		}
	}

	private static long lines(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
