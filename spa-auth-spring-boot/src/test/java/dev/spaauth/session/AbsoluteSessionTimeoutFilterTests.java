package dev.spaauth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link AbsoluteSessionTimeoutFilter}. */
class AbsoluteSessionTimeoutFilterTests {

	private static final SessionTimeouts TIMEOUTS = new SessionTimeouts(Duration.ofMinutes(30), Duration.ofHours(12));

	private final MockHttpSession session = new MockHttpSession();

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");

	private final MockFilterChain chain = new MockFilterChain();

	@ParameterizedTest
	@CsvSource({ "0, false", "1000, false", "43199999, false", "43200000, true", "43200001, true", "86400000, true" })
	void doFilterWhenTheSessionIsOlderThanTheAbsoluteTimeoutThenItEnds(long ageMillis, boolean ended)
			throws Exception {
		this.request.setSession(this.session);

		filterAt(ageMillis).doFilter(this.request, new MockHttpServletResponse(), this.chain);

		assertThat(this.session.isInvalid()).isEqualTo(ended);
		assertThat(this.chain.getRequest()).isSameAs(this.request);
	}

	@Test
	void doFilterWhenTheSessionEndedThenTheRequestGoesOnAsAnonymous() throws Exception {
		this.request.setSession(this.session);

		filterAt(TIMEOUTS.absolute().toMillis()).doFilter(this.request, new MockHttpServletResponse(), this.chain);

		assertThat(((MockHttpServletRequest) this.chain.getRequest()).getSession(false)).isNull();
	}

	@Test
	void doFilterWhenTheSessionWasActiveAMomentAgoButIsOldThenItEndsAnyway() throws Exception {
		AbsoluteSessionTimeoutFilter filter = filterAt(TIMEOUTS.absolute().toMillis() + 1);
		this.session.access();
		this.request.setSession(this.session);

		filter.doFilter(this.request, new MockHttpServletResponse(), this.chain);

		assertThat(this.session.isInvalid()).isTrue();
	}

	@Test
	void doFilterWhenNoSessionThenNoneIsCreated() throws Exception {
		filterAt(0).doFilter(this.request, new MockHttpServletResponse(), this.chain);

		assertThat(this.request.getSession(false)).isNull();
		assertThat(this.chain.getRequest()).isSameAs(this.request);
	}

	/** The filter with a clock that stands the given time after the session's creation. */
	private AbsoluteSessionTimeoutFilter filterAt(long millisAfterCreation) {
		Instant now = Instant.ofEpochMilli(this.session.getCreationTime() + millisAfterCreation);
		return new AbsoluteSessionTimeoutFilter(TIMEOUTS, Clock.fixed(now, ZoneOffset.UTC));
	}

}
