package dev.spaauth.csrf;

import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link CsrfTokenSigner}. */
class CsrfTokenSignerTests {

	private static final String SECRET = "a configured secret of more than 32 characters";

	private final CsrfTokenSigner signer = CsrfTokenSigner.withSecret(SECRET);

	@Test
	void newTokenWhenCalledThen43Base64UrlCharactersOf32Bytes() {
		String token = this.signer.newToken();

		assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
		assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
	}

	@Test
	void newTokenWhenCalledManyTimesThenNoValueRepeats() {
		Set<String> tokens = IntStream.range(0, 1000).mapToObj((i) -> this.signer.newToken()).collect(Collectors.toSet());

		assertThat(tokens).hasSize(1000);
	}

	@Test
	void isAuthenticWhenTokenOfThisSignerThenTrue() {
		assertThat(this.signer.isAuthentic(this.signer.newToken())).isTrue();
	}

	@Test
	void isAuthenticWhenTokenOfAnotherSignerWithTheSameSecretThenTrue() {
		String token = CsrfTokenSigner.withSecret(SECRET).newToken();

		assertThat(this.signer.isAuthentic(token)).isTrue();
	}

	@Test
	void isAuthenticWhenTokenOfAnotherSecretThenFalse() {
		String token = CsrfTokenSigner.withSecret("another configured secret of more than 32 characters").newToken();

		assertThat(this.signer.isAuthentic(token)).isFalse();
	}

	@Test
	void isAuthenticWhenRandomSecretsThenEachSignerTrustsOnlyItsOwnTokens() {
		CsrfTokenSigner first = CsrfTokenSigner.withRandomSecret();
		CsrfTokenSigner second = CsrfTokenSigner.withRandomSecret();

		assertThat(first.isAuthentic(first.newToken())).isTrue();
		assertThat(first.isAuthentic(second.newToken())).isFalse();
		assertThat(second.isAuthentic(first.newToken())).isFalse();
	}

	@Test
	void isAuthenticWhenSecretArrayChangedAfterConstructionThenSignerUnaffected() {
		byte[] secret = SECRET.getBytes();
		CsrfTokenSigner signer = new CsrfTokenSigner(secret);
		String token = signer.newToken();

		secret[0] ^= 1;

		assertThat(signer.isAuthentic(token)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 5, 15, 16, 25, 30, 41 })
	void isAuthenticWhenOneCharacterOfNonceOrSignatureChangedThenFalse(int index) {
		String token = this.signer.newToken();
		char replacement = (token.charAt(index) == 'A') ? 'B' : 'A';
		String altered = token.substring(0, index) + replacement + token.substring(index + 1);

		assertThat(this.signer.isAuthentic(altered)).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "abc", "x", "*******************************************",
			"+++++++++++++++++++++++++++++++++++++++++++", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "é" })
	void isAuthenticWhenMalformedOrUnsignedThenFalse(String value) {
		assertThat(this.signer.isAuthentic(value)).isFalse();
	}

	@Test
	void isAuthenticWhenTokenWithPaddingOrExtraCharactersThenFalse() {
		String token = this.signer.newToken();

		assertThat(this.signer.isAuthentic(token + "=")).isFalse();
		assertThat(this.signer.isAuthentic(token + "A")).isFalse();
		assertThat(this.signer.isAuthentic(token.substring(1))).isFalse();
		assertThat(this.signer.isAuthentic(" " + token.substring(1))).isFalse();
	}

}
