package dev.spaauth.demo.monitoring;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.spaauth.demo.Accounts;
import dev.spaauth.demo.DemoTest;
import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The demo's management port: Prometheus metrics with spa-auth's counters after a log-in, health with
 * spa-auth's stores, reachable on 127.0.0.1 only; the API's port serves no actuator endpoint.
 */
@DemoTest
class MonitoringIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple 42";

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void afterLogInsThePrometheusOutputHasSpaAuthCountersAndThePasswordCheckTimer() {
		String username = "metrics" + Long.toString(System.nanoTime(), 36);
		Accounts.signUp(new ApiClient(this.port), this.port, username, PASSWORD);
		assertThat(new ApiClient(this.port).login(username, "not the password").status()).isEqualTo(400);

		Response scrape = new ApiClient(this.managementPort).get("/actuator/prometheus").send();

		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.header("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(scrape.body()).containsPattern(
				"(?m)^spa_auth_logins_total\\{method=\"password\",outcome=\"success\",reason=\"none\"} [1-9]")
			.containsPattern("(?m)^spa_auth_logins_total\\{method=\"password\",outcome=\"failure\","
					+ "reason=\"invalid_credentials\"} [1-9]")
			.containsPattern("(?m)^spa_auth_signups_total\\{method=\"password\"} [1-9]")
			.containsPattern("(?m)^spring_security_authentications_seconds_count\\{.*} [1-9]")
			.doesNotContain(username);
	}

	@Test
	void healthOnTheManagementPortNamesSpaAuthsStores() {
		Response health = new ApiClient(this.managementPort).get("/actuator/health").send();

		assertThat(health.status()).as(health.body()).isEqualTo(200);
		assertThat(health.json().get("components").get("spaAuthSessionStore").get("details").get("store").asString())
			.isEqualTo("jdbc");
		assertThat(health.json().get("components").get("spaAuthThrottleStore").get("status").asString())
			.isEqualTo("UP");
		// Found by a new user: Boot's own Redis check made the default demo's health DOWN without Redis.
		assertThat(health.json().get("components").has("redis")).as(health.body()).isFalse();
	}

	@Test
	void managementPortIsBoundToLoopbackOnlyWhileTheApiPortIsNot() throws IOException {
		// 127.0.0.2 reaches this machine too, but not a socket bound to 127.0.0.1 alone.
		connect("127.0.0.2", this.port);
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> connect("127.0.0.2", this.managementPort));
		connect("127.0.0.1", this.managementPort);
	}

	@Test
	void apiPortServesNoActuatorEndpoint() {
		ApiClient api = new ApiClient(this.port);

		assertThat(api.get("/actuator/prometheus").send().status()).isEqualTo(404);
		assertThat(api.get("/actuator/health").send().status()).isEqualTo(404);
	}

	private static void connect(String host, int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 2000);
		}
	}

}
