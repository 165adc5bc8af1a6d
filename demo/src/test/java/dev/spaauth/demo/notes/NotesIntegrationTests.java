package dev.spaauth.demo.notes;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.spaauth.demo.DemoTest;
import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

@DemoTest
class NotesIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple 42";

	@LocalServerPort
	int port;

	private ApiClient alice;

	private String token;

	@BeforeEach
	void signUpAlice() {
		this.alice = new ApiClient(this.port);
		this.token = signUp(this.alice);
	}

	@Test
	void addThenListNewestFirst() {
		Response first = add(this.alice, this.token, "first");
		Response second = add(this.alice, this.token, "second <b>not html</b>");

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.header("Location").orElseThrow())
			.isEqualTo("/api/notes/" + second.json().get("id").asLong());
		Response list = this.alice.get("/api/notes").send();
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().get("notes").get(0).get("text").asString()).isEqualTo("second <b>not html</b>");
		assertThat(list.json().get("notes").get(1).get("text").asString()).isEqualTo("first");
		assertThat(list.json().get("notes").get(0).get("createdAt").asString()).endsWith("Z");
		assertThat(list.header("Cache-Control").orElseThrow()).contains("no-store");
	}

	@Test
	void listShowsOnlyTheCallersNotes() {
		add(this.alice, this.token, "alice's secret");
		ApiClient bob = new ApiClient(this.port);
		signUp(bob);

		Response list = bob.get("/api/notes").send();

		assertThat(list.json().get("notes").size()).isZero();
		assertThat(list.body()).doesNotContain("alice's secret");
	}

	@Test
	void deleteOwnNoteThenNoContentAndGone() {
		long id = add(this.alice, this.token, "to delete").json().get("id").asLong();

		Response response = this.alice.method("DELETE", "/api/notes/" + id).csrf(this.token).send();

		assertThat(response.status()).isEqualTo(204);
		assertThat(this.alice.get("/api/notes").send().json().get("notes").size()).isZero();
	}

	@Test
	void deleteAnotherUsersNoteThenNotFoundLikeAMissingOneAndNoteKept() {
		long id = add(this.alice, this.token, "alice's").json().get("id").asLong();
		ApiClient bob = new ApiClient(this.port);
		String bobsToken = signUp(bob);

		Response others = bob.method("DELETE", "/api/notes/" + id).csrf(bobsToken).send();
		Response missing = bob.method("DELETE", "/api/notes/" + (id + 1_000_000)).csrf(bobsToken).send();

		assertThat(others.status()).isEqualTo(404);
		assertThat(others.json().get("code").asString()).isEqualTo("not_found");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(this.alice.get("/api/notes").send().json().get("notes").size()).isEqualTo(1);
	}

	@Test
	void addWhenTextBlankOrTooLongThenValidationProblem() {
		for (String text : new String[] { "", "   ", "x".repeat(2001) }) {
			Response response = add(this.alice, this.token, text);
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("code").asString()).isEqualTo("validation_failed");
			assertThat(response.json().get("errors").has("text")).isTrue();
		}
		Response missing = this.alice.post("/api/notes").csrf(this.token).json(Map.of()).send();
		assertThat(missing.json().get("errors").get("text").asString()).isEqualTo("Text is required.");
		assertThat(add(this.alice, this.token, "é".repeat(2000)).status()).isEqualTo(201);
	}

	@Test
	void notesWithoutSessionThenUnauthorizedProblem() {
		Response response = new ApiClient(this.port).get("/api/notes").send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("code").asString()).isEqualTo("unauthenticated");
	}

	@Test
	void addWithoutCsrfTokenThenForbiddenAndNothingStored() {
		Response response = this.alice.post("/api/notes").json(Map.of("text", "forged")).send();

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("code").asString()).isEqualTo("csrf_failed");
		assertThat(this.alice.get("/api/notes").send().json().get("notes").size()).isZero();
	}

	@Test
	void deleteWithNonNumericIdThenBadRequestProblem() {
		Response response = this.alice.method("DELETE", "/api/notes/abc").csrf(this.token).send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("malformed_request");
	}

	@Test
	void spaAndJsClientAreServed() {
		ApiClient anonymous = new ApiClient(this.port);

		Response index = anonymous.get("/").send();
		Response client = anonymous.get("/spa-auth-client/index.js").send();

		assertThat(index.status()).isEqualTo(200);
		assertThat(index.body()).contains("<script type=\"module\" src=\"/app.js\"");
		assertThat(client.status()).isEqualTo(200);
		assertThat(client.body()).contains("export function createClient");
	}

	private String signUp(ApiClient client) {
		String username = "u" + Long.toString(System.nanoTime(), 36);
		return dev.spaauth.demo.Accounts.signUp(client, this.port, username, PASSWORD).json().get("csrfToken").asString();
	}

	private static Response add(ApiClient client, String token, String text) {
		return client.post("/api/notes").csrf(token).json(Map.of("text", text)).send();
	}

}
