package dev.spaauth.audit;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.spaauth.audit.SecurityEvent.Type;
import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.IntegrationTestSupport;
import dev.spaauth.testapp.RecordedSecurityEvents;
import dev.spaauth.user.UserAccounts;
import dev.spaauth.user.UserRoles;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AuditTrailIntegrationTests extends IntegrationTestSupport {

	@Autowired
	RecordedSecurityEvents events;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserRoles roles;

	@Test
	void signupLoginFailureLoginAndLogoutArePublishedInOrder() {
		String username = signedUp(this.browser);
		this.browser.login(username, "not the password");
		this.browser.login(username, PASSWORD);
		this.browser.post("/api/auth/logout").csrf(this.browser.csrf()).send();

		assertThat(this.events.about(username)).extracting(SecurityEvent::type)
			.containsExactly(Type.SIGNED_UP, Type.LOGIN_FAILED, Type.LOGIN_SUCCEEDED, Type.LOGGED_OUT);
		SecurityEvent failure = this.events.about(username).get(1);
		assertThat(failure.address()).isEqualTo("127.0.0.1");
		assertThat(failure.path()).isEqualTo("/api/auth/login");
		assertThat(failure.method()).isEqualTo("POST");
	}

	@Test
	void csrfAndOriginRejectionsArePublishedWithTheirReason() {
		int before = this.events.all().size();
		String token = this.browser.csrf();

		this.browser.post("/api/auth/login").json(Map.of()).send();
		new ApiClient(this.port).post("/api/auth/login").csrf("made-up").json(Map.of()).send();
		this.browser.post("/api/auth/login").csrf(token + "x").json(Map.of()).send();
		this.browser.post("/api/auth/login").csrf(token).header("Origin", "https://attacker.example").json(Map.of()).send();

		assertThat(this.events.all().subList(before, this.events.all().size()))
			.extracting(SecurityEvent::type, SecurityEvent::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Type.CSRF_REJECTED, "no token in the X-XSRF-TOKEN header"),
					org.assertj.core.groups.Tuple.tuple(Type.CSRF_REJECTED, "no token was issued to this client"),
					org.assertj.core.groups.Tuple.tuple(Type.CSRF_REJECTED, "token is not the one issued to this client"),
					org.assertj.core.groups.Tuple.tuple(Type.ORIGIN_REJECTED,
							"Origin https://attacker.example is not a trusted origin"));
	}

	@Test
	void rejectionInsideASessionNamesTheSessionsUser() {
		String username = signedUp(this.browser);

		this.browser.post("/api/things").csrf("forged").json(Map.of()).send();
		this.browser.post("/api/things")
			.csrf(this.browser.csrf())
			.header("Origin", "https://attacker.example")
			.json(Map.of())
			.send();

		assertThat(this.events.about(username)).extracting(SecurityEvent::type)
			.containsExactly(Type.SIGNED_UP, Type.CSRF_REJECTED, Type.ORIGIN_REJECTED);
	}

	@Test
	void roleChangesAreLogged(CapturedOutput output) {
		String username = signedUp(this.browser);
		long id = this.accounts.findByUsername(username).orElseThrow().getId();

		this.roles.grant(id, "AUDITOR");
		this.roles.revoke(id, "AUDITOR");

		assertThat(output.getAll()).contains("security event ROLE_GRANTED user=" + username + " role=AUDITOR")
			.contains("security event ROLE_REVOKED user=" + username + " role=AUDITOR");
	}

	@Test
	void eventsAreLoggedAsStructuredLinesWithoutSecrets(CapturedOutput output) {
		String username = signedUp(new ApiClient(this.port));
		this.browser.login(username, "a secret wrong password");

		assertThat(output.getAll()).contains("security event LOGIN_FAILED user=" + username + " address=127.0.0.1")
			.doesNotContain("a secret wrong password")
			.doesNotContain(PASSWORD);
	}

	@Test
	void usernamesCannotForgeLogLines(CapturedOutput output) {
		this.browser.login("mallory\nsecurity event LOGIN_SUCCEEDED user=admin", "whatever password");

		assertThat(output.getAll()).doesNotContain("\nsecurity event LOGIN_SUCCEEDED user=admin")
			.contains("user=mallorysecurity event LOGIN_SUCCEEDED user=admin");
	}

}
