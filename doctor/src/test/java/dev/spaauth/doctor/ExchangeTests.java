package dev.spaauth.doctor;

import java.net.http.HttpHeaders;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the doctor prints of an answer's body. */
class ExchangeTests {

	private static Exchange answer(String body) {
		return new Exchange("POST", "/api/auth/login", 200, HttpHeaders.of(Map.of(), (name, value) -> true), body, null);
	}

	@Test
	void summaryWhenBodyHasSecretFieldsThenValuesRedacted() {
		Exchange exchange = answer("{\"csrfToken\":\"tok-123\",\"headerName\":\"X-XSRF-TOKEN\",\"token\" : \"t\\\"2\","
				+ "\"password\":\"hunter2\",\"client_secret\":\"s3\",\"user\":\"alice\"}");
		assertThat(exchange.summary()).doesNotContain("tok-123", "t\\\"2", "hunter2", "s3")
			.contains("\"csrfToken\":\"***\"", "\"headerName\":\"X-XSRF-TOKEN\"", "\"user\":\"alice\"");
		assertThat(exchange.brief()).doesNotContain("tok-123");
	}

	@Test
	void summaryWhenBodyHasAnsiEscapesAndControlCharactersThenRemoved() {
		Exchange exchange = answer("\u001B[2K\rPASS  everything\u001B[0m\u0007 ok\u009B1m");
		assertThat(exchange.summary()).isEqualTo("POST /api/auth/login -> 200 PASS everything ok 1m");
		assertThat(exchange.brief()).doesNotContain("\u001B", "\r", "\u0007", "\u009B");
	}

}
