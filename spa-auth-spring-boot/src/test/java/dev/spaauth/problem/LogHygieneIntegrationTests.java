package dev.spaauth.problem;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** No log line holds a password, a CSRF token or a session id, even for rejected requests. */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneIntegrationTests extends IntegrationTestSupport {

	@Test
	void signupLoginFailuresAndCsrfRejectionsLogNoSecrets(CapturedOutput output) {
		String username = uniqueUsername();
		Response signup = this.browser.signup(username, username + "@example.com", PASSWORD);
		String token = signup.json().get("csrfToken").asString();
		String session = this.browser.cookies().get("__Host-SESSION");
		this.browser.login(username, "a wrong password 123");
		this.browser.post("/api/things").csrf(token + "x").json(Map.of()).send();
		this.browser.post("/api/things").json(Map.of()).send();
		this.browser.get("/api/things;jsessionid=" + session).send();

		assertThat(output.getAll()).contains("security event CSRF_REJECTED")
			.doesNotContain(PASSWORD)
			.doesNotContain("a wrong password 123")
			.doesNotContain(token)
			.doesNotContain(session)
			.doesNotContain(new String(java.util.Base64.getDecoder().decode(session)));
	}

}
