package dev.spaauth.session;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle and absolute timeouts, enforced on the server. Time is moved by ageing the session's stored
 * times in the real session store, so no test waits.
 */
class SessionTimeoutIntegrationTests extends IntegrationTestSupport {

	@Test
	void sessionWhenIdleLongerThanIdleTimeoutThenEnded() {
		signedUp(this.browser);
		ageSession(this.browser, Duration.ofMinutes(31));

		assertThat(this.browser.get("/api/things").send().status()).isEqualTo(401);
	}

	@Test
	void sessionWhenIdleLessThanIdleTimeoutThenKeptAndIdleTimeoutIsThirtyMinutes() {
		signedUp(this.browser);
		int maxInactive = this.jdbc.sql("SELECT max_inactive_interval FROM spa_auth.spring_session WHERE session_id = ?")
			.param(this.browser.sessionId())
			.query(Integer.class)
			.single();
		ageSession(this.browser, Duration.ofMinutes(29));

		assertThat(maxInactive).isEqualTo(30 * 60);
		assertThat(this.browser.get("/api/things").send().status()).isEqualTo(200);
	}

	@Test
	void authenticatedReadsWithinAMinuteOfTheRecordedAccessWriteNothingToTheSessionStore() {
		signedUp(this.browser);
		Map<String, Object> stored = storedTimes();

		for (int i = 0; i < 5; i++) {
			assertThat(this.browser.get("/api/things").send().status()).isEqualTo(200);
			assertThat(this.browser.authenticated()).isTrue();
		}

		assertThat(storedTimes()).isEqualTo(stored);
	}

	@Test
	void authenticatedReadWhenRecordedAccessIsAMinuteOldThenRecordsItAndMovesTheIdleExpiry() {
		signedUp(this.browser);
		ageSession(this.browser, Duration.ofSeconds(61));
		long before = System.currentTimeMillis();

		assertThat(this.browser.get("/api/things").send().status()).isEqualTo(200);

		Map<String, Object> stored = storedTimes();
		assertThat(((Number) stored.get("last_access_time")).longValue()).isBetween(before, System.currentTimeMillis());
		assertThat(((Number) stored.get("expiry_time")).longValue())
			.isEqualTo(((Number) stored.get("last_access_time")).longValue() + Duration.ofMinutes(30).toMillis());
	}

	@Test
	void sessionWhenOlderThanAbsoluteTimeoutThenEndedEvenIfActive() {
		signedUp(this.browser);
		String id = this.browser.sessionId();
		this.jdbc.sql("UPDATE spa_auth.spring_session SET creation_time = ? WHERE session_id = ?")
			.params(System.currentTimeMillis() - Duration.ofHours(12).plusSeconds(1).toMillis(), id)
			.update();

		assertThat(this.browser.get("/api/things").send().status()).isEqualTo(401);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spa_auth.spring_session WHERE session_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void sessionWhenYoungerThanAbsoluteTimeoutThenKept() {
		signedUp(this.browser);
		this.jdbc.sql("UPDATE spa_auth.spring_session SET creation_time = ? WHERE session_id = ?")
			.params(System.currentTimeMillis() - Duration.ofHours(11).toMillis(), this.browser.sessionId())
			.update();

		assertThat(this.browser.get("/api/things").send().status()).isEqualTo(200);
	}

	private Map<String, Object> storedTimes() {
		return this.jdbc.sql("SELECT last_access_time, expiry_time FROM spa_auth.spring_session WHERE session_id = ?")
			.param(this.browser.sessionId())
			.query()
			.singleRow();
	}

}
