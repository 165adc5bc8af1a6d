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
