package dev.spaauth.throttle;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.ApiClient.Response;
import dev.spaauth.testapp.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-address failure budget at its defaults (50 a day): the outside review's password spray (one
 * password over many account names from one address, which per-account limits do not see) is stopped
 * after 50 attempts, while a shared office address with ordinary typos and a day of sign-ups is not;
 * failed re-authentications and password-reset confirmations draw on the same budget.
 * Each test speaks from its own client address, through a trusted proxy's {@code X-Forwarded-For}.
 */
@TestPropertySource(properties = { "spa-auth.throttle.address-attempts=50", "spa-auth.throttle.address-period=24h",
		"server.forward-headers-strategy=native",
		"spring.datasource.url=jdbc:h2:mem:spa-auth-address-budget;DB_CLOSE_DELAY=-1" })
class AddressBudgetIntegrationTests extends IntegrationTestSupport {

	private static final AtomicInteger addresses = new AtomicInteger();

	@Test
	void passwordSprayOverManyAccountNamesIsStoppedAfterFiftyAttempts() {
		String address = newAddress();
		String victim = signedUp(new ApiClient(this.port));
		for (int i = 0; i < 50; i++) {
			assertThat(login(address, "spray" + i + "-" + uniqueUsername(), "Winter2026!").status()).isEqualTo(400);
		}

		Response next = login(address, "spray-next-" + uniqueUsername(), "Winter2026!");
		Response rightPassword = login(address, victim, PASSWORD);

		assertThat(next.status()).isEqualTo(429);
		assertThat(next.json().get("code").asString()).isEqualTo("rate_limited");
		assertThat(Long.parseLong(next.header("Retry-After").orElseThrow())).isBetween(1L, 24L * 3600 / 50 + 1);
		assertThat(rightPassword.status()).as("the address, not the account, is out of attempts").isEqualTo(429);
		assertThat(login(newAddress(), victim, PASSWORD).status()).as("other addresses are untouched").isEqualTo(200);
	}

	@Test
	void officeWithOrdinaryTyposIsNotBlocked() {
		String office = newAddress();
		for (int person = 0; person < 20; person++) {
			String username = signedUp(new ApiClient(this.port));
			assertThat(login(office, username, "typo " + person).status()).isEqualTo(400);
			assertThat(login(office, username, "another typo " + person).status()).isEqualTo(400);
			assertThat(login(office, username, PASSWORD).status()).isEqualTo(200);
		}
	}

	@Test
	void successfulSignUpsGiveTheirAttemptBackButFailedOnesCount() {
		String office = newAddress();
		for (int i = 0; i < 55; i++) {
			String username = uniqueUsername();
			assertThat(signup(office, username).status()).isEqualTo(201);
		}
		String taken = signedUp(new ApiClient(this.port));
		String probing = newAddress();
		for (int i = 0; i < 50; i++) {
			assertThat(signup(probing, taken).status()).as("a taken name tells that it exists").isEqualTo(400);
		}

		assertThat(signup(probing, uniqueUsername()).status()).isEqualTo(429);
	}

	@Test
	void failedReauthenticationsAndResetConfirmationsDrawOnTheSameBudget() {
		String address = newAddress();
		for (int user = 0; user < 5; user++) {
			ApiClient signedIn = new ApiClient(this.port);
			signedUp(signedIn);
			for (int i = 0; i < 4; i++) {
				Response wrong = signedIn.post("/api/auth/reauthenticate")
					.header("X-Forwarded-For", address)
					.csrf(signedIn.csrf())
					.json(Map.of("password", "not it " + i))
					.send();
				assertThat(wrong.status()).isEqualTo(400);
			}
		}
		for (int i = 0; i < 20; i++) {
			assertThat(confirmReset(address, "made-up-token-" + i).status()).isEqualTo(400);
		}
		for (int i = 0; i < 10; i++) {
			assertThat(login(address, uniqueUsername(), "Winter2026!").status()).isEqualTo(400);
		}

		assertThat(login(address, uniqueUsername(), "Winter2026!").status())
			.as("20 re-authentications, 20 reset confirmations and 10 log-ins spent the 50")
			.isEqualTo(429);
		assertThat(confirmReset(address, "made-up-token").status()).isEqualTo(429);
	}

	private Response confirmReset(String address, String token) {
		ApiClient client = new ApiClient(this.port);
		String csrf = client.get("/api/auth/csrf").header("X-Forwarded-For", address).send().json().get("csrfToken")
			.asString();
		return client.post("/api/auth/password-reset/confirm")
			.header("X-Forwarded-For", address)
			.csrf(csrf)
			.json(Map.of("token", token, "newPassword", "a new passphrase of some length 7"))
			.send();
	}

	private Response login(String address, String username, String password) {
		ApiClient client = new ApiClient(this.port);
		String token = client.get("/api/auth/csrf").header("X-Forwarded-For", address).send().json().get("csrfToken")
			.asString();
		return client.post("/api/auth/login")
			.header("X-Forwarded-For", address)
			.csrf(token)
			.json(Map.of("username", username, "password", password))
			.send();
	}

	private Response signup(String address, String username) {
		ApiClient client = new ApiClient(this.port);
		String token = client.get("/api/auth/csrf").header("X-Forwarded-For", address).send().json().get("csrfToken")
			.asString();
		return client.post("/api/auth/signup")
			.header("X-Forwarded-For", address)
			.csrf(token)
			.json(Map.of("username", username, "email", username + "@example.com", "password", PASSWORD))
			.send();
	}

	private static String newAddress() {
		int n = addresses.incrementAndGet();
		return "203.0.113." + n;
	}

}
