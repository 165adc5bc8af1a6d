package dev.spaauth.throttle;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.problem.StoreFailures;
import dev.spaauth.testapp.RecordingEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Unit tests of {@link LoginThrottle} with {@link LocalThrottleBuckets}: 3 attempts per account and 10 per
 * address, each refilling in 15 minutes.
 */
class LoginThrottleTests {

	private static final int ACCOUNT_ATTEMPTS = 3;

	private static final int ADDRESS_ATTEMPTS = 10;

	private static final Duration PERIOD = Duration.ofMinutes(15);

	private final RecordingEventPublisher events = new RecordingEventPublisher();

	private final LoginThrottle throttle = new LoginThrottle(ACCOUNT_ATTEMPTS, PERIOD, ADDRESS_ATTEMPTS, PERIOD,
			new LocalThrottleBuckets(PERIOD), this.events.securityEvents());

	@Test
	void beginWhenTheAccountsAttemptsAreUsedUpThenRateLimitedFromAnyAddress() {
		IntStream.range(0, ACCOUNT_ATTEMPTS).forEach((i) -> this.throttle.begin("alice", from("198.51.100." + i)));

		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.throttle.begin("alice", from("203.0.113.99")));
		assertThatCode(() -> this.throttle.begin("bob", from("203.0.113.99"))).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ALICE", " alice ", "Alice", "ａｌｉｃｅ" })
	void beginThenTheAccountKeyIgnoresCaseSurroundingSpaceAndCompatibilityForms(String spelling) {
		IntStream.range(0, ACCOUNT_ATTEMPTS).forEach((i) -> this.throttle.begin("alice", from("198.51.100." + i)));

		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.throttle.begin(spelling, from("203.0.113.99")));
	}

	@Test
	void beginWhenTheAddressesAttemptsAreUsedUpThenRateLimitedForAnyAccountOrNone() {
		IntStream.range(0, ADDRESS_ATTEMPTS).forEach((i) -> this.throttle.begin("user" + i, from("198.51.100.1")));

		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.throttle.begin("someone-new", from("198.51.100.1")));
		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.throttle.begin(null, from("198.51.100.1")));
		assertThatCode(() -> this.throttle.begin("someone-new", from("198.51.100.2"))).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void beginWhenNoAccountIsNamedThenOnlyTheAddressCounts(String blank) {
		IntStream.range(0, ADDRESS_ATTEMPTS).forEach((i) -> this.throttle.begin(blank, from("198.51.100." + i)));

		assertThatCode(() -> this.throttle.begin(blank, from("203.0.113.99"))).doesNotThrowAnyException();
	}

	@Test
	void beginWhenRefusedForTheAccountThenTheAddressKeepsItsToken() {
		IntStream.range(0, ACCOUNT_ATTEMPTS).forEach((i) -> this.throttle.begin("alice", from("198.51.100.1")));
		IntStream.range(0, 5).forEach((i) -> assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.throttle.begin("alice", from("198.51.100.1"))));

		IntStream.range(0, ADDRESS_ATTEMPTS - ACCOUNT_ATTEMPTS)
			.forEach((i) -> this.throttle.begin("user" + i, from("198.51.100.1")));
		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.throttle.begin("one-more", from("198.51.100.1")));
	}

	@Test
	void succeededThenTheAttemptDoesNotCountAgainstEitherLimit() {
		IntStream.range(0, 2 * ADDRESS_ATTEMPTS)
			.forEach((i) -> this.throttle.begin("alice", from("198.51.100.1")).succeeded());

		IntStream.range(0, ACCOUNT_ATTEMPTS).forEach((i) -> this.throttle.begin("alice", from("198.51.100.1")));
		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.throttle.begin("alice", from("198.51.100.1")));
	}

	@Test
	void beginWhenRefusedThenTooManyRequestsWithTheWaitUntilTheNextToken() {
		IntStream.range(0, ACCOUNT_ATTEMPTS).forEach((i) -> this.throttle.begin("alice", from("198.51.100.1")));

		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.throttle.begin("alice", from("198.51.100.1")))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(429);
				assertThat(ex.getRetryAfter()).isBetween(Duration.ofMinutes(4), PERIOD.dividedBy(ACCOUNT_ATTEMPTS));
				assertThat(ex.getHeaders().getFirst("Retry-After"))
					.isEqualTo(Long.toString(ex.getRetryAfterSeconds()));
				assertThat(ex.getRetryAfterSeconds()).isBetween(240L, 300L);
			});
	}

	@Test
	void beginWhenRefusedThenThrottledEventWithTheAccountAsSubmittedAndTheAddress() {
		IntStream.range(0, ACCOUNT_ATTEMPTS).forEach((i) -> this.throttle.begin("alice", from("198.51.100.1")));
		assertThat(this.events.all()).isEmpty();

		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.throttle.begin("Alice", from("198.51.100.1")));

		assertThat(this.events.securityEventList()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(SecurityEvent.Type.THROTTLED);
			assertThat(event.username()).isEqualTo("Alice");
			assertThat(event.address()).isEqualTo("198.51.100.1");
			assertThat(event.path()).isEqualTo("/api/auth/login");
			assertThat(event.code()).as("the limit that refused").isEqualTo("account");
		});
	}

	@Test
	void beginWhenRefusedWithoutAnAccountThenThrottledEventWithoutUsername() {
		IntStream.range(0, ADDRESS_ATTEMPTS).forEach((i) -> this.throttle.begin(null, from("198.51.100.1")));

		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.throttle.begin(null, from("198.51.100.1")));

		assertThat(this.events.securityEventList()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(SecurityEvent.Type.THROTTLED);
			assertThat(event.username()).isNull();
			assertThat(event.code()).as("the limit that refused").isEqualTo("address");
		});
	}

	@Test
	void beginWhenTheBucketStoreFailsThenThrottleUnavailableWhichIsAStoreFailure() {
		LoginThrottle unreachable = new LoginThrottle(ACCOUNT_ATTEMPTS, PERIOD, ADDRESS_ATTEMPTS, PERIOD,
				(key, configuration) -> {
					throw new IllegalStateException("Redis connection refused");
				}, this.events.securityEvents());

		assertThatExceptionOfType(ThrottleUnavailableException.class)
			.isThrownBy(() -> unreachable.begin("alice", from("198.51.100.1")))
			.satisfies((ex) -> assertThat(StoreFailures.isStoreFailure(ex)).isTrue());
		assertThat(this.events.all()).isEmpty();
	}

	private static MockHttpServletRequest from(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
		request.setRemoteAddr(address);
		return request;
	}

}
