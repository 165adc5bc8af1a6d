package dev.spaauth.chains;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.user.SpaAuthUser;

/**
 * The API a new user wrote around spa-auth: an endpoint that needs a session, an open one, and one for
 * administrators. Which of them needs what is decided by each application's security filter chain.
 */
@RestController
class ChainsTestApi {

	@GetMapping("/api/hello")
	Map<String, Object> hello(@AuthenticationPrincipal SpaAuthUser user) {
		return Map.of("hello", user.getUsername());
	}

	@GetMapping("/api/public/ping")
	Map<String, Object> ping() {
		return Map.of("pong", true);
	}

	@PostMapping(path = "/api/public/echo", consumes = "application/json")
	Map<String, Object> echo(@RequestBody Map<String, Object> body) {
		return Map.of("echo", body);
	}

	@GetMapping("/api/admin/stats")
	Map<String, Object> stats(@AuthenticationPrincipal SpaAuthUser user) {
		return Map.of("admin", user.getUsername());
	}

}
