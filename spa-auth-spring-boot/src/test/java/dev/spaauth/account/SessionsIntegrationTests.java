package dev.spaauth.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

class SessionsIntegrationTests extends AccountProtectionSupport {

	@Test
	void sessionsListsEveryLiveSessionWithOpaqueHandlesAndMarksTheCurrentOne() {
		String username = newUser(this.browser);
		ApiClient phone = new ApiClient(this.port);
		phone.post("/api/auth/login")
			.csrf(phone.csrf())
			.header("User-Agent", "Phone/1.0")
			.json(Map.of("username", username, "password", PASSWORD))
			.send();

		Response response = this.browser.get("/api/auth/sessions").send();

		List<JsonNode> sessions = list(response);
		assertThat(sessions).hasSize(2);
		assertThat(sessions).filteredOn((s) -> s.get("current").asBoolean()).hasSize(1);
		assertThat(sessions.get(0).get("userAgent").asString()).isEqualTo("Phone/1.0");
		assertThat(sessions.get(0).get("current").asBoolean()).isFalse();
		for (JsonNode session : sessions) {
			assertThat(session.get("handle").asString()).hasSize(22);
			assertThat(session.has("createdAt") && session.has("lastSeenAt")).isTrue();
		}
		String idOfThisSession = this.browser.sessionId();
		assertThat(response.body()).doesNotContain(idOfThisSession);
		assertThat(response.header("Cache-Control").orElseThrow()).contains("no-store");
	}

	@Test
	void endingAnotherSessionLogsItOutOnItsVeryNextRequest() {
		String username = newUser(this.browser);
		ApiClient phone = new ApiClient(this.port);
		phone.login(username, PASSWORD);
		String handle = handleOf(this.browser, false);

		Response ended = this.browser.method("DELETE", "/api/auth/sessions/" + handle).csrf(this.browser.csrf()).send();

		assertThat(ended.status()).isEqualTo(204);
		assertThat(phone.get("/api/things").send().status()).isEqualTo(401);
		assertThat(this.browser.get("/api/things").send().status()).isEqualTo(200);
	}

	@Test
	void handlesOfOtherUsersOrNoneAreNotFound() {
		ApiClient other = new ApiClient(this.port);
		newUser(other);
		String othersHandle = handleOf(other, true);
		newUser(this.browser);

		for (String handle : new String[] { othersHandle, "AAAAAAAAAAAAAAAAAAAAAA", "x".repeat(2000) }) {
			Response response = this.browser.method("DELETE", "/api/auth/sessions/" + handle)
				.csrf(this.browser.csrf())
				.send();
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.json().get("code").asString()).isEqualTo("not_found");
		}
		assertThat(other.get("/api/things").send().status()).isEqualTo(200);
	}

	@Test
	void revokeOthersEndsEverySessionButThisOne() {
		String username = newUser(this.browser);
		List<ApiClient> others = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			ApiClient device = new ApiClient(this.port);
			device.login(username, PASSWORD);
			others.add(device);
		}

		Response response = this.browser.post("/api/auth/sessions/revoke-others").csrf(this.browser.csrf()).send();

		assertThat(response.json().get("revoked").asInt()).isEqualTo(2);
		for (ApiClient device : others) {
			assertThat(device.get("/api/things").send().status()).isEqualTo(401);
		}
		assertThat(this.browser.get("/api/things").send().status()).isEqualTo(200);
		assertThat(list(this.browser.get("/api/auth/sessions").send())).hasSize(1);
	}

	@Test
	void endingTheCurrentSessionIsALogOut() {
		newUser(this.browser);
		String handle = handleOf(this.browser, true);

		Response response = this.browser.method("DELETE", "/api/auth/sessions/" + handle).csrf(this.browser.csrf()).send();

		assertThat(response.status()).isEqualTo(204);
		assertThat(response.setCookie("__Host-SESSION").orElseThrow().attribute("Max-Age")).isEqualTo("0");
		assertThat(this.browser.authenticated()).isFalse();
	}

	@Test
	void sessionsNeedASession() {
		assertThat(new ApiClient(this.port).get("/api/auth/sessions").send().status()).isEqualTo(401);
	}

	private static List<JsonNode> list(Response response) {
		List<JsonNode> sessions = new ArrayList<>();
		response.json().get("sessions").forEach(sessions::add);
		return sessions;
	}

	private static String handleOf(ApiClient client, boolean current) {
		return list(client.get("/api/auth/sessions").send()).stream()
			.filter((session) -> session.get("current").asBoolean() == current)
			.findFirst()
			.orElseThrow()
			.get("handle")
			.asString();
	}

}
