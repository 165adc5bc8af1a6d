package dev.spaauth.problem;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link StoreFailures}. */
class StoreFailuresTests {

	static Stream<Throwable> storeFailures() {
		return Stream.of(new DataAccessResourceFailureException("down"), new CannotGetJdbcConnectionException("down"),
				new QueryTimeoutException("slow"), new TransientDataAccessResourceException("busy"),
				new CannotAcquireLockException("locked"),
				new IllegalStateException("wrapped", new QueryTimeoutException("slow")),
				new RuntimeException("deeply", new IllegalStateException("wrapped",
						new DataAccessResourceFailureException("down"))));
	}

	@ParameterizedTest
	@MethodSource("storeFailures")
	void isStoreFailureWhenAnOutageOrTimeoutIsTheExceptionOrACauseThenTrue(Throwable failure) {
		assertThat(StoreFailures.isStoreFailure(failure)).isTrue();
	}

	static Stream<Throwable> faults() {
		return Stream.of(new IllegalStateException("bug"), new DataIntegrityViolationException("duplicate"),
				new BadSqlGrammarException("select", "SELECT nothing", new java.sql.SQLException("syntax")),
				new RuntimeException("wrapped", new IllegalArgumentException("bad")), new Error("fatal"));
	}

	@ParameterizedTest
	@MethodSource("faults")
	void isStoreFailureWhenAFaultThenFalse(Throwable fault) {
		assertThat(StoreFailures.isStoreFailure(fault)).isFalse();
	}

	@Test
	void unavailableThenServiceUnavailableProblemThatNamesNoStore() {
		ProblemDetail problem = StoreFailures.unavailable();

		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getProperties()).containsEntry("code", "service_unavailable");
		assertThat(problem.getDetail()).contains("Try again").doesNotContainIgnoringCase("redis")
			.doesNotContainIgnoringCase("postgres");
	}

	@Test
	void retryAfterSecondsThenFive() {
		assertThat(StoreFailures.RETRY_AFTER_SECONDS).isEqualTo("5");
	}

}
