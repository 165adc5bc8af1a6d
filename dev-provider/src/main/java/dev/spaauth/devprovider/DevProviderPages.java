package dev.spaauth.devprovider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The provider's own pages: its sign-in form (which lists the preset users and their passwords) and
 * a GitHub-shaped API ({@code GET /github/user}, {@code GET /github/user/emails}, bearer access token)
 * for testing a plain OAuth 2.0 provider whose verified email is a separate call.
 */
@RestController
class DevProviderPages {

	private final DevUsers users;

	private final OAuth2AuthorizationService authorizations;

	DevProviderPages(DevUsers users, OAuth2AuthorizationService authorizations) {
		this.users = users;
		this.authorizations = authorizations;
	}

	@GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
	String signInPage(HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		StringBuilder presets = new StringBuilder();
		for (DevUsers.DevUser user : DevUsers.PRESET) {
			presets.append("<li><code>").append(user.username()).append("</code> / <code>").append(user.password())
				.append("</code></li>");
		}
		String error = (request.getParameter("error") != null) ? "<p role=\"alert\">Wrong username or password.</p>" : "";
		return """
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8"><title>Local ID: sign in</title></head>
				<body>
				<h1>Local ID</h1>
				<p>A development identity provider (Spring Authorization Server). Never use it in production.</p>
				%s
				<form method="post" action="/login">
				<label>Username <input name="username" autocomplete="username"></label>
				<label>Password <input name="password" type="password" autocomplete="current-password"></label>
				<input type="hidden" name="%s" value="%s">
				<button type="submit">Sign in to Local ID</button>
				</form>
				<p>Users:</p><ul>%s</ul>
				</body></html>
				""".formatted(error, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()),
				presets);
	}

	@GetMapping("/github/user")
	ResponseEntity<Object> gitHubUser(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return user(authorization).<ResponseEntity<Object>>map((user) -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", Math.abs((long) user.username().hashCode()) + 1000);
			body.put("login", user.username());
			body.put("name", user.name());
			body.put("email", null);
			return ResponseEntity.ok(body);
		}).orElseGet(DevProviderPages::unauthorized);
	}

	@GetMapping("/github/user/emails")
	ResponseEntity<Object> gitHubEmails(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return user(authorization)
			.<ResponseEntity<Object>>map((user) -> ResponseEntity.ok(List.of(
					Map.of("email", "old-" + user.email(), "primary", false, "verified", true, "visibility", "private"),
					Map.of("email", user.email(), "primary", true, "verified", user.emailVerified(), "visibility", "private"))))
			.orElseGet(DevProviderPages::unauthorized);
	}

	private java.util.Optional<DevUsers.DevUser> user(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return java.util.Optional.empty();
		}
		OAuth2Authorization found = this.authorizations.findByToken(authorization.substring(7), OAuth2TokenType.ACCESS_TOKEN);
		if (found == null || found.getAccessToken() == null || !found.getAccessToken().isActive()) {
			return java.util.Optional.empty();
		}
		return this.users.find(found.getPrincipalName());
	}

	private static ResponseEntity<Object> unauthorized() {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "Bad credentials"));
	}

}
