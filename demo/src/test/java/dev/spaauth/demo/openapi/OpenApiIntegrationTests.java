package dev.spaauth.demo.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.spaauth.demo.DemoTest;
import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract: the running demo's {@code /v3/api-docs} is exactly {@code docs/openapi.json}, and
 * problems the running app answers are listed in it. After a deliberate change of the API, rewrite the
 * file with
 * {@code mvn -B -pl demo -am verify -Dtest=OpenApiIntegrationTests -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true}
 * and review its diff. A provider is registered (unreachable, never called) so that the provider
 * sign-in endpoints are in the document.
 */
@DemoTest
@TestPropertySource(properties = { "spring.security.oauth2.client.registration.example.client-id=openapi",
		"spring.security.oauth2.client.registration.example.client-secret=openapi",
		"spring.security.oauth2.client.registration.example.client-name=Example",
		"spring.security.oauth2.client.registration.example.scope=read:user,user:email",
		"spring.security.oauth2.client.registration.example.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.example.redirect-uri={baseUrl}/api/auth/oauth2/callback/{registrationId}",
		"spring.security.oauth2.client.provider.example.user-name-attribute=id",
		"spring.security.oauth2.client.provider.example.authorization-uri=https://provider.invalid/authorize",
		"spring.security.oauth2.client.provider.example.token-uri=https://provider.invalid/token",
		"spring.security.oauth2.client.provider.example.user-info-uri=https://provider.invalid/user" })
class OpenApiIntegrationTests {

	/** The checked-in document; surefire runs in the demo module's directory. */
	static final Path CHECKED_IN = Path.of("..", "docs", "openapi.json");

	static final String REGENERATE = "mvn -B -pl demo -am verify -Dtest=OpenApiIntegrationTests "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true";

	@LocalServerPort
	int port;

	@Test
	void apiDocsWhenServedThenEqualToTheCheckedInDocument() throws IOException {
		Response response = new ApiClient(this.port).get("/v3/api-docs").send();
		assertThat(response.status()).isEqualTo(200);
		String served = response.body().strip() + "\n";
		if (Boolean.getBoolean("openapi.write")) {
			Files.writeString(CHECKED_IN, served, StandardCharsets.UTF_8);
		}
		String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN, StandardCharsets.UTF_8) : "";

		assertThat(served).withFailMessage(() -> "The running app's /v3/api-docs differs from "
				+ CHECKED_IN.toAbsolutePath().normalize() + ":\n" + firstDifferences(checkedIn, served)
				+ "\nIf the change is meant, rewrite the file with\n  " + REGENERATE
				+ "\nthen run the client's check (mvn -B -pl client verify) and commit both.")
			.isEqualTo(checkedIn);
	}

	@Test
	void apiDocsWhenRequestedWithoutSessionOrTokenThenPublicAndNoSwaggerUi() {
		ApiClient anonymous = new ApiClient(this.port);

		Response docs = anonymous.get("/v3/api-docs").send();
		Response ui = anonymous.get("/swagger-ui/index.html").send();
		Response unsafe = anonymous.post("/v3/api-docs").send();

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.header("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(docs.json().get("openapi").asString()).startsWith("3.1.");
		assertThat(docs.json().get("paths").propertyNames()).allMatch((path) -> path.startsWith("/api/auth/"));
		assertThat(anonymous.cookies()).isEmpty();
		assertThat(ui.status()).isEqualTo(404);
		assertThat(unsafe.status()).isEqualTo(403);
		assertThat(unsafe.json().get("code").asString()).isEqualTo("csrf_failed");
	}

	@Test
	void problemsWhenAnsweredByTheRunningAppThenListedForTheirOperationAndStatus() {
		JsonNode docs = new ApiClient(this.port).get("/v3/api-docs").send().json();
		ApiClient client = new ApiClient(this.port);
		String token = client.csrf();
		Map<String, Response> answered = Map.of(
				"post /api/auth/login", client.post("/api/auth/login").csrf(token)
					.json(Map.of("username", "nobody", "password", "wrong password")).send(),
				"get /api/auth/sessions", client.get("/api/auth/sessions").send(),
				"post /api/auth/logout", client.post("/api/auth/logout").send(),
				"post /api/auth/signup", client.post("/api/auth/signup").csrf(token).body("text/plain", "x").send(),
				"delete /api/auth/passkeys/{id}", client.method("DELETE", "/api/auth/passkeys/1").csrf(token).send());

		assertThat(answered).allSatisfy((operation, response) -> {
			String[] methodAndPath = operation.split(" ");
			JsonNode documented = docs.get("paths").get(methodAndPath[1]).get(methodAndPath[0]).get("responses")
				.get(String.valueOf(response.status()));
			assertThat(documented).as("%s answers %d", operation, response.status()).isNotNull();
			JsonNode schema = documented.get("content").get("application/problem+json").get("schema");
			assertThat(schema.get("allOf").get(1).get("properties").get("code").get("enum").valueStream()
				.map(JsonNode::asString))
				.as("codes documented for %s %d", operation, response.status())
				.contains(response.json().get("code").asString());
		});
		assertThat(answered.values()).extracting(Response::status).containsExactlyInAnyOrder(400, 401, 403, 415, 401);
	}

	/**
	 * Where the two differ, as one hunk: the lines between their common start and their common end
	 * (at most 12 of each), so a failure says where without a 4,000-line dump; git diff after a
	 * rewrite shows the rest.
	 */
	private static String firstDifferences(String expected, String actual) {
		List<String> was = expected.lines().toList();
		List<String> is = actual.lines().toList();
		int start = 0;
		while (start < was.size() && start < is.size() && was.get(start).equals(is.get(start))) {
			start++;
		}
		int end = 0;
		while (end < was.size() - start && end < is.size() - start
				&& was.get(was.size() - 1 - end).equals(is.get(is.size() - 1 - end))) {
			end++;
		}
		return hunk("file", was, start, was.size() - end) + hunk("running", is, start, is.size() - end);
	}

	private static String hunk(String name, List<String> lines, int from, int to) {
		List<String> shown = new ArrayList<>();
		shown.add("  " + name + ", lines " + (from + 1) + " to " + to + ":");
		lines.subList(from, Math.min(to, from + 12)).forEach((line) -> shown.add("    " + line));
		if (to - from > 12) {
			shown.add("    ... " + (to - from - 12) + " more");
		}
		return String.join("\n", shown) + "\n";
	}

}
