package dev.spaauth.demo.mailbox;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.spaauth.demo.DemoTest;
import dev.spaauth.testapp.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DemoTest
class MailboxIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void passwordResetMailLandsInTheDevMailboxWithALinkToTheDemo() {
		ApiClient client = new ApiClient(this.port);
		String username = "m" + Long.toString(System.nanoTime(), 36);
		client.signup(username, username + "@example.com", "correct horse battery staple 42");

		client.post("/api/auth/password-reset").csrf(client.csrf()).json(Map.of("email", username + "@example.com")).send();

		await().atMost(Duration.ofSeconds(10)).until(() -> new ApiClient(this.port).get("/api/dev/mailbox")
			.send()
			.body()
			.contains(username + "@example.com"));
		String mailbox = new ApiClient(this.port).get("/api/dev/mailbox").send().body();
		assertThat(mailbox).contains("Reset your password").contains("http://localhost:8080/#/reset-password?token=");
	}

}
