package dev.spaauth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;

import dev.spaauth.problem.ProblemCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Unit tests of {@link Reauthentication}. */
class ReauthenticationTests {

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private static final Instant PROVED_AT = Instant.parse("2026-01-01T12:00:00Z");

	private final MockHttpSession session = new MockHttpSession();

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/email");

	@Test
	void markFreshThenTheTimeIsKeptInTheSessionAndTheEndOfTheWindowReturned() {
		Instant until = at(PROVED_AT).markFresh(this.session);

		assertThat(until).isEqualTo(PROVED_AT.plus(WINDOW));
		assertThat(this.session.getAttribute(Reauthentication.ATTRIBUTE)).isEqualTo(PROVED_AT.toEpochMilli());
	}

	@Test
	void freshUntilWhenMarkedThenTheEndOfTheWindowLaterToo() {
		at(PROVED_AT).markFresh(this.session);

		assertThat(at(PROVED_AT.plus(Duration.ofHours(1))).freshUntil(this.session)).isEqualTo(PROVED_AT.plus(WINDOW));
	}

	@Test
	void freshUntilWhenNeverProvedThenNull() {
		assertThat(at(PROVED_AT).freshUntil(this.session)).isNull();
	}

	@Test
	void freshUntilWhenTheAttributeIsNotATimeThenNull() {
		this.session.setAttribute(Reauthentication.ATTRIBUTE, "2026-01-01T12:00:00Z");

		assertThat(at(PROVED_AT).freshUntil(this.session)).isNull();
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, 1, 299_999 })
	void requireFreshWhenProvedWithinTheWindowThenPasses(long millisLater) {
		at(PROVED_AT).markFresh(this.session);
		this.request.setSession(this.session);

		assertThatCode(() -> at(PROVED_AT.plusMillis(millisLater)).requireFresh(this.request))
			.doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(longs = { 300_000, 300_001, 3_600_000 })
	void requireFreshWhenTheWindowHasPassedThenReauthenticationRequired(long millisLater) {
		at(PROVED_AT).markFresh(this.session);
		this.request.setSession(this.session);

		assertThatExceptionOfType(ReauthenticationRequiredException.class)
			.isThrownBy(() -> at(PROVED_AT.plusMillis(millisLater)).requireFresh(this.request));
	}

	@Test
	void requireFreshWhenNeverProvedThenReauthenticationRequiredProblem() {
		this.request.setSession(this.session);

		assertThatExceptionOfType(ReauthenticationRequiredException.class)
			.isThrownBy(() -> at(PROVED_AT).requireFresh(this.request))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ProblemCode.REAUTHENTICATION_REQUIRED);
				assertThat(ex.getStatusCode().value()).isEqualTo(403);
			});
	}

	@Test
	void requireFreshWhenNoSessionThenRequiredAndNoSessionIsCreated() {
		assertThatExceptionOfType(ReauthenticationRequiredException.class)
			.isThrownBy(() -> at(PROVED_AT).requireFresh(this.request));
		assertThat(this.request.getSession(false)).isNull();
	}

	private static Reauthentication at(Instant now) {
		return new Reauthentication(WINDOW, Clock.fixed(now, ZoneOffset.UTC));
	}

}
