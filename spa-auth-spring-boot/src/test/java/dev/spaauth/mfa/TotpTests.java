package dev.spaauth.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.google.common.io.BaseEncoding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	private static final String SHA1_SEED = "12345678901234567890";

	private static final String SHA256_SEED = "12345678901234567890123456789012";

	private static final String SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234";

	/** RFC 6238 Appendix B: every row of the table, 8 digits, step 30 s, T0 = 0. */
	@ParameterizedTest
	@CsvSource({ "59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
			"1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
			"2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826" })
	void codesAreThoseOfRfc6238AppendixB(long time, String sha1, String sha256, String sha512) {
		long step = time / 30;
		assertThat(Totp.code("HmacSHA1", bytes(SHA1_SEED), step, 8)).isEqualTo(sha1);
		assertThat(Totp.code("HmacSHA256", bytes(SHA256_SEED), step, 8)).isEqualTo(sha256);
		assertThat(Totp.code("HmacSHA512", bytes(SHA512_SEED), step, 8)).isEqualTo(sha512);
	}

	@Test
	void authenticatorAppCodesAreTheLastSixDigitsOfTheSha1Value() {
		String secret = BaseEncoding.base32().omitPadding().encode(bytes(SHA1_SEED));
		assertThat(Totp.code(secret, 59 / 30)).isEqualTo("287082");
		assertThat(Totp.code(secret, 1111111109 / 30)).isEqualTo("081804");
	}

	@Test
	void matchAcceptsOneStepOfDriftEitherWayAndNoMore() {
		Totp totp = at(1_000_000_020L);
		String secret = Totp.newSecret();
		long now = totp.currentStep();

		assertThat(totp.match(secret, Totp.code(secret, now), Long.MIN_VALUE)).hasValue(now);
		assertThat(totp.match(secret, Totp.code(secret, now - 1), Long.MIN_VALUE)).hasValue(now - 1);
		assertThat(totp.match(secret, Totp.code(secret, now + 1), Long.MIN_VALUE)).hasValue(now + 1);
		assertThat(totp.match(secret, Totp.code(secret, now - 2), Long.MIN_VALUE)).isEmpty();
		assertThat(totp.match(secret, Totp.code(secret, now + 2), Long.MIN_VALUE)).isEmpty();
	}

	@Test
	void matchRefusesTheCodeOfTheLastUsedStepOrAnEarlierOne() {
		Totp totp = at(1_000_000_020L);
		String secret = Totp.newSecret();
		long now = totp.currentStep();

		assertThat(totp.match(secret, Totp.code(secret, now), now)).as("replay").isEmpty();
		assertThat(totp.match(secret, Totp.code(secret, now - 1), now)).isEmpty();
		assertThat(totp.match(secret, Totp.code(secret, now + 1), now)).hasValue(now + 1);
	}

	@Test
	void matchIgnoresSpacesAndRefusesMalformedCodes() {
		Totp totp = at(1_000_000_020L);
		String secret = Totp.newSecret();
		String code = Totp.code(secret, totp.currentStep());

		assertThat(totp.match(secret, code.substring(0, 3) + " " + code.substring(3), Long.MIN_VALUE)).isPresent();
		assertThat(totp.match(secret, code + "0", Long.MIN_VALUE)).isEmpty();
		assertThat(totp.match(secret, "12345a", Long.MIN_VALUE)).isEmpty();
		assertThat(totp.match(secret, "", Long.MIN_VALUE)).isEmpty();
		assertThat(totp.match(secret, "١٢٣٤٥٦", Long.MIN_VALUE)).as("non-ASCII digits").isEmpty();
	}

	@Test
	void newSecretsAre160BitsInBase32AndDiffer() {
		String secret = Totp.newSecret();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(BaseEncoding.base32().decode(secret)).hasSize(20);
		assertThat(Totp.newSecret()).isNotEqualTo(secret);
	}

	private static Totp at(long epochSecond) {
		return new Totp(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
	}

	private static byte[] bytes(String seed) {
		return seed.getBytes(StandardCharsets.US_ASCII);
	}

}
