package dev.spaauth.session;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.core.convert.ConverterNotFoundException;
import org.springframework.core.convert.TypeDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Unit tests of {@link SessionJsonConversionService}, as Spring Session JDBC calls it. */
class SessionJsonConversionServiceTests {

	private static final TypeDescriptor OBJECT = TypeDescriptor.valueOf(Object.class);

	private static final TypeDescriptor BYTES = TypeDescriptor.valueOf(byte[].class);

	private final SessionJsonConversionService conversions = new SessionJsonConversionService(
			new SessionJson(getClass().getClassLoader(), BasicPolymorphicTypeValidator.builder()));

	@Test
	void convertWhenAnAttributeToBytesAndBackThenJsonAndTheSameValue() {
		byte[] stored = (byte[]) this.conversions.convert("a token", OBJECT, BYTES);

		assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("\"a token\"");
		assertThat(this.conversions.convert(stored, BYTES, OBJECT)).isEqualTo("a token");
		assertThat(this.conversions.convert(null, BYTES, OBJECT)).isNull();
	}

	@Test
	void canConvertOnlyBetweenAttributesAndBytes() {
		assertThat(this.conversions.canConvert(String.class, byte[].class)).isTrue();
		assertThat(this.conversions.canConvert(byte[].class, Object.class)).isTrue();
		assertThat(this.conversions.canConvert(String.class, Integer.class)).isFalse();
		assertThatExceptionOfType(ConverterNotFoundException.class)
			.isThrownBy(() -> this.conversions.convert("1", Integer.class));
	}

}
