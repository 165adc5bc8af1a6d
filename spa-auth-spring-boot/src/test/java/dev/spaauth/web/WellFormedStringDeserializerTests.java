package dev.spaauth.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Unit tests of {@link WellFormedStringDeserializer}, registered as spa-auth registers it. */
class WellFormedStringDeserializerTests {

	private final JsonMapper json = JsonMapper.builder()
		.addModule(new SimpleModule().addDeserializer(String.class, new WellFormedStringDeserializer()))
		.build();

	record Login(String username, String password) {
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "alice", "é", "😀", "a😀b", "\ud83d\ude00\ud83d\ude00", "日本語" })
	void isWellFormedWhenEverySurrogateIsPairedThenTrue(String value) {
		assertThat(WellFormedStringDeserializer.isWellFormed(value)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\ud83d", "\ude00", "x\ud83d", "\ud83dx", "\ud83d\u0301", "\ude00\ud83d", "😀\ud83d" })
	void isWellFormedWhenHalfOfASurrogatePairThenFalse(String value) {
		assertThat(WellFormedStringDeserializer.isWellFormed(value)).isFalse();
	}

	@Test
	void deserializeWhenEscapedPairThenTheCharacter() {
		Login login = this.json.readValue("{\"username\":\"alice\",\"password\":\"x\\ud83d\\ude00\"}", Login.class);

		assertThat(login.password()).isEqualTo("x😀");
	}

	@ParameterizedTest
	@ValueSource(strings = { "x\\ud83d", "\\ude00", "\\ud83d\\u0301", "\\ude00\\ud83d" })
	void deserializeWhenAnEscapedHalfPairThenTheBodyIsUnreadable(String escaped) {
		String body = "{\"username\":\"alice\",\"password\":\"" + escaped + "\"}";

		assertThatExceptionOfType(MismatchedInputException.class).isThrownBy(() -> this.json.readValue(body, Login.class))
			.withMessageContaining("half of a UTF-16 surrogate pair");
	}

	@Test
	void deserializeWhenNullThenNull() {
		Login login = this.json.readValue("{\"username\":\"alice\",\"password\":null}", Login.class);

		assertThat(login.password()).isNull();
	}

}
