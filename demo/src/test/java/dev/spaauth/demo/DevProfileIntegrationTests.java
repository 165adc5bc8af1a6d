package dev.spaauth.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.LocalProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's one command for the demo with "Sign in with Local ID" ({@code -Dspring-boot.run.profiles=dev}):
 * the demo as {@link DemoApplication#main} starts it (with {@link LocalProviderLauncher}), on free
 * ports, lists the provider, and its preset user alice signs in through the whole flow and gets an
 * account made from her verified address.
 */
class DevProfileIntegrationTests {

	@Test
	void theDevProfileStartsLocalIdAndAliceSignsIn() throws IOException {
		int demoPort = freePort();
		int providerPort = freePort();
		SpringApplication application = new SpringApplication(DemoApplication.class);
		application.addListeners(new LocalProviderLauncher());
		try (ConfigurableApplicationContext demo = application.run("--spring.profiles.active=dev",
				"--server.port=" + demoPort, "--management.server.port=0", "--server.address=127.0.0.1", "--demo.dev-provider.port=" + providerPort,
				"--spring.datasource.url=jdbc:h2:mem:demo-dev-profile;DB_CLOSE_DELAY=-1",
				"--spa-auth.spa-url=http://localhost:" + demoPort, "--spa-auth.mail.dev-mailbox=target/demo-dev-mailbox",
				"--spring.main.banner-mode=off")) {
			ApiClient browser = new ApiClient(demoPort);
			assertThat(browser.get("/api/auth/providers").send().body()).isEqualTo("[{\"id\":\"local\",\"name\":\"Local ID\"}]");
			String verifier = LocalProvider.newVerifier();
			ApiClient.Response start = browser.get("/api/auth/oauth2/local?challenge=" + LocalProvider.challenge(verifier)
					+ "&returnTo=http://localhost:" + demoPort + "/").send();
			assertThat(start.header("Location").orElseThrow()).startsWith("http://localhost:" + providerPort + "/oauth2/authorize?");

			URI callback = LocalProvider.authorize(start.header("Location").orElseThrow(), "alice", "alice-password");
			String back = browser.get(callback.getRawPath() + "?" + callback.getRawQuery()).send().header("Location").orElseThrow();
			String code = UriComponentsBuilder.fromUriString(back).build().getQueryParams().getFirst("authCode");
			ApiClient.Response finished = browser.post("/api/auth/oauth2/finish")
				.csrf(browser.csrf())
				.json(Map.of("code", code, "verifier", verifier))
				.send();

			assertThat(finished.status()).as(finished.body()).isEqualTo(200);
			assertThat(finished.json().get("user").get("email").asString()).isEqualTo("alice@example.com");
			assertThat(finished.json().get("user").get("emailVerified").asBoolean()).isTrue();
			assertThat(browser.get("/api/notes").send().status()).isEqualTo(200);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
