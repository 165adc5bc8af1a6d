package dev.spaauth.user;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link PasswordPolicy} with spa-auth's defaults: 8 to 128 characters, zxcvbn score 3. */
class PasswordPolicyTests {

	private static final List<String> ALICE = List.of("alice", "alice.smith@example.com");

	private final PasswordPolicy policy = new PasswordPolicy(8, 128, 3);

	@ParameterizedTest
	@ValueSource(strings = { "correct horse battery staple 42", "zebrasjuggleturquoisemarmaladequietly",
			"Tr0ub4dor&3 purple monkey dishwasher", "Mañana cantaré 🎶 bajo la lluvia" })
	void checkWhenLongAndHardToGuessThenAcceptedWithoutCompositionRules(String password) {
		assertThat(this.policy.check(password, ALICE)).isEmpty();
	}

	@Test
	void checkWhenShorterThanTheMinimumThenAtLeastMessage() {
		assertThat(this.policy.check("k9#Qz!p", ALICE)).hasValue("Use at least 8 characters.");
	}

	@Test
	void checkWhenLongerThanTheMaximumThenAtMostMessage() {
		assertThat(this.policy.check("x".repeat(129), ALICE)).hasValue("Use at most 128 characters.");
	}

	@Test
	void checkThenTheLengthIsCountedInCodePointsNotUtf16Units() {
		PasswordPolicy lengthOnly = new PasswordPolicy(4, 5, 0);

		assertThat(lengthOnly.check("😀😀😀", List.of())).hasValue("Use at least 4 characters.");
		assertThat(lengthOnly.check("😀😀😀😀", List.of())).isEmpty();
		assertThat(lengthOnly.check("😀😀😀😀😀", List.of())).isEmpty();
		assertThat(lengthOnly.check("😀😀😀😀😀😀", List.of())).hasValue("Use at most 5 characters.");
	}

	@ParameterizedTest
	@CsvSource({ "alice-loves-long-passphrases-42, alice", "my long passphrase ALICE.SMITH 2026, alice.smith@example.com",
			"wonderful ALICE in the garden 7, Alice" })
	void checkWhenBuiltFromTheUsernameOrTheEmailThenRefused(String password, String knownWord) {
		assertThat(this.policy.check(password, List.of(knownWord)))
			.hasValue("Do not build the password from your username or email.");
	}

	@Test
	void checkWhenAKnownWordIsShorterThanThreeCharactersThenItIsNotSearchedFor() {
		assertThat(this.policy.check("correct horse battery staple al", List.of("al", "al@example.com"))).isEmpty();
	}

	@Test
	void checkWhenKnownWordsAreBlankThenIgnored() {
		assertThat(this.policy.check("correct horse battery staple 42", List.of("", "  "))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1", "Password123!", "qwertyuiop", "11111111", "letmeinnow" })
	void checkWhenEasyToGuessThenRefusedWithAdviceThatNeverRepeatsThePassword(String password) {
		assertThat(this.policy.check(password, ALICE)).hasValueSatisfying((message) -> {
			assertThat(message).startsWith("This password is too easy to guess.")
				.endsWith("Use a longer passphrase of several unrelated words.")
				.doesNotContain(password);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "short", "alice-loves-long-passphrases-42", "password1" })
	void checkWhenRefusedThenTheMessageNeverRepeatsThePassword(String password) {
		assertThat(this.policy.check(password, ALICE)).hasValueSatisfying(
				(message) -> assertThat(message).doesNotContainIgnoringCase(password));
	}

	@Test
	void checkWhenTheMinimumStrengthIsZeroThenOnlyTheLengthAndKnownWordsCount() {
		PasswordPolicy lenient = new PasswordPolicy(8, 128, 0);

		assertThat(lenient.check("password1", ALICE)).isEmpty();
		assertThat(lenient.check("alice1234", ALICE)).isPresent();
	}

}
