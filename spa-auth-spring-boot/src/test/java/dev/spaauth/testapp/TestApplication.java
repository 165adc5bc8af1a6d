package dev.spaauth.testapp;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.user.SpaAuthUser;

/** A minimal application on spa-auth with one protected resource, for the library's tests. */
@SpringBootApplication
public class TestApplication {

	@Bean
	RecordedSecurityEvents recordedSecurityEvents() {
		return new RecordedSecurityEvents();
	}

	@Bean
	ThingOwners thingOwners(javax.sql.DataSource dataSource) {
		return new ThingOwners(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource));
	}

	/**
	 * The application's own data of an account, as an application keeps it: a row per account in a
	 * table of its own, made at sign-up and deleted with the account, in the deletion's transaction.
	 * An account named {@code undeletable...} makes the listener fail, so that the tests can see the
	 * deletion roll back.
	 */
	static class ThingOwners {

		private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

		ThingOwners(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
			this.jdbc = jdbc;
			jdbc.sql("CREATE TABLE IF NOT EXISTS thing_owners (user_id BIGINT PRIMARY KEY)").update();
		}

		@org.springframework.context.event.EventListener
		void accountCreated(dev.spaauth.user.AccountCreatedEvent event) {
			this.jdbc.sql("INSERT INTO thing_owners (user_id) VALUES (?)").param(event.user().getId()).update();
		}

		@org.springframework.context.event.EventListener
		void accountDeleted(dev.spaauth.user.AccountDeletedEvent event) {
			this.jdbc.sql("DELETE FROM thing_owners WHERE user_id = ?").param(event.user().getId()).update();
			if (event.user().getUsername().startsWith("undeletable")) {
				throw new IllegalStateException("The application refuses to delete this account's data");
			}
		}

	}

	@RestController
	static class ThingsController {

		@GetMapping("/api/things")
		Map<String, Object> list(@AuthenticationPrincipal SpaAuthUser user) {
			return Map.of("owner", user.getUsername());
		}

		/** Answers with a {@code ResponseEntity}, which Spring MVC flushes: the response commits early. */
		@PostMapping(path = "/api/things", consumes = "application/json")
		ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal SpaAuthUser user,
				@RequestBody Map<String, Object> body) {
			return ResponseEntity.ok(Map.of("owner", user.getUsername(), "received", body));
		}

		@GetMapping("/public/ping")
		Map<String, Object> ping() {
			return Map.of("pong", true);
		}

	}

}
