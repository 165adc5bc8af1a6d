package dev.spaauth.demo.admin;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's administration: who gets the admin role, what the role opens, and what a role change
 * does to the account's sessions.
 */
class AdminIntegrationTests {

	static final String PASSWORD = "correct horse battery staple 42";

	private static final AtomicInteger users = new AtomicInteger();

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:demo-admin-configured;DB_CLOSE_DELAY=-1",
					"spa-auth.mail.dev-mailbox=target/demo-admin-mailbox", "demo.admin-username=Boss" })
	class ConfiguredAdministrator {

		@LocalServerPort
		int port;

		@Test
		void configuredUsernameIsAdministratorAndOthersAreNot() {
			ApiClient boss = boss();
			ApiClient user = user(this.port);

			assertThat(roles(boss)).isEqualTo("[\"ADMIN\",\"USER\"]");
			assertThat(roles(user)).isEqualTo("[\"USER\"]");
			assertThat(boss.get("/api/admin/users").send().json().get("users").toString()).contains("\"boss\"");
			Response forbidden = user.get("/api/admin/users").send();
			assertThat(forbidden.status()).isEqualTo(403);
			assertThat(forbidden.json().get("code").asString()).isEqualTo("forbidden");
			Response anonymous = new ApiClient(this.port).get("/api/admin/users").send();
			assertThat(anonymous.status()).isEqualTo(401);
			assertThat(anonymous.json().get("code").asString()).isEqualTo("unauthenticated");
		}

		@Test
		void grantingTheRoleEndsTheAccountsSessionsAndWorksFromItsNextLogIn() {
			ApiClient boss = boss();
			ApiClient carol = user(this.port);
			long carolId = id(carol);

			Response granted = boss.method("PUT", "/api/admin/users/" + carolId + "/roles/ADMIN")
				.csrf(boss.csrf())
				.send();

			assertThat(granted.status()).isEqualTo(200);
			assertThat(granted.json().get("user").get("roles").toString()).isEqualTo("[\"ADMIN\",\"USER\"]");
			assertThat(carol.get("/api/notes").send().status()).isEqualTo(401);
			carol.login(granted.json().get("user").get("username").asString(), PASSWORD);
			assertThat(carol.get("/api/admin/users").send().status()).isEqualTo(200);
		}

		@Test
		void revokingTheRoleClosesTheAdminPathsAtOnce() {
			ApiClient boss = boss();
			ApiClient dave = user(this.port);
			long daveId = id(dave);
			String daveName = dave.get("/api/auth/session").send().json().get("user").get("username").asString();
			boss.method("PUT", "/api/admin/users/" + daveId + "/roles/ADMIN").csrf(boss.csrf()).send();
			dave.login(daveName, PASSWORD);

			Response revoked = boss.method("DELETE", "/api/admin/users/" + daveId + "/roles/ADMIN")
				.csrf(boss.csrf())
				.send();

			assertThat(revoked.json().get("user").get("roles").toString()).isEqualTo("[\"USER\"]");
			assertThat(dave.get("/api/admin/users").send().status()).isEqualTo(401);
		}

		@Test
		void administratorCannotRevokeTheirOwnRole() {
			ApiClient boss = boss();

			Response response = boss.method("DELETE", "/api/admin/users/" + id(boss) + "/roles/ADMIN")
				.csrf(boss.csrf())
				.send();

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.json().get("detail").asString()).contains("own admin role");
		}

		/** The configured administrator, signed up by the first test that needs it, logged in. */
		private ApiClient boss() {
			ApiClient client = new ApiClient(this.port);
			if (client.login("Boss", PASSWORD).status() != 200) {
				dev.spaauth.demo.Accounts.signUp(client, this.port, "boss", PASSWORD);
			}
			return client;
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:demo-admin-first;DB_CLOSE_DELAY=-1",
					"spa-auth.mail.dev-mailbox=target/demo-admin-mailbox" })
	class FirstAccount {

		@LocalServerPort
		int port;

		@Test
		void withoutAConfiguredUsernameTheFirstAccountIsTheAdministrator() {
			ApiClient first = user(this.port);
			ApiClient second = user(this.port);

			assertThat(roles(first)).isEqualTo("[\"ADMIN\",\"USER\"]");
			assertThat(roles(second)).isEqualTo("[\"USER\"]");
		}

	}

	static ApiClient user(int port) {
		ApiClient client = new ApiClient(port);
		String username = "user" + users.incrementAndGet() + "_" + Long.toString(System.nanoTime(), 36);
		dev.spaauth.demo.Accounts.signUp(client, port, username, PASSWORD);
		return client;
	}

	static long id(ApiClient client) {
		return client.get("/api/auth/session").send().json().get("user").get("id").asLong();
	}

	static String roles(ApiClient client) {
		return client.get("/api/auth/session").send().json().get("user").get("roles").toString();
	}

}
