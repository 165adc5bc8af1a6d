package dev.spaauth.session;

import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link RandomSessionIdGenerator}. */
class RandomSessionIdGeneratorTests {

	private final RandomSessionIdGenerator generator = new RandomSessionIdGenerator();

	@Test
	void generateThen36Base64UrlCharactersThatFitTheJdbcIdColumn() {
		String id = this.generator.generate();

		assertThat(id).hasSize(36).matches("[A-Za-z0-9_-]{36}");
	}

	@Test
	void generateThen27RandomBytesThatIs216Bits() {
		assertThat(Base64.getUrlDecoder().decode(this.generator.generate())).hasSize(27);
	}

	@Test
	void generateWhenCalledManyTimesThenNoIdRepeats() {
		Set<String> ids = IntStream.range(0, 10_000).mapToObj((i) -> this.generator.generate()).collect(Collectors.toSet());

		assertThat(ids).hasSize(10_000);
	}

	@Test
	void generateWhenCalledManyTimesThenEveryCharacterOfTheAlphabetTurnsUp() {
		String sample = IntStream.range(0, 1_000).mapToObj((i) -> this.generator.generate()).collect(Collectors.joining());

		assertThat(sample.chars().distinct().count()).isEqualTo(64);
	}

}
