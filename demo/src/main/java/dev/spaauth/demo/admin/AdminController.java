package dev.spaauth.demo.admin;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;
import dev.spaauth.user.UserRoles;

/**
 * The administration API, for accounts with the role {@code ADMIN} (the demo's security filter chain
 * answers 403 {@code forbidden} to others): list accounts, grant and revoke the admin role. A role
 * change ends the account's sessions, so it takes effect at its next log-in.
 */
@RestController
@RequestMapping(path = "/api/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

	static final String ADMIN = "ADMIN";

	private static final int MAX_ACCOUNTS = 200;

	private final UserAccounts accounts;

	private final UserRoles roles;

	AdminController(UserAccounts accounts, UserRoles roles) {
		this.accounts = accounts;
		this.roles = roles;
	}

	/** {@code GET /api/admin/users}: 200 {@code {"users": [{"id", "username", "email", "roles", "createdAt"}]}}, oldest first. */
	@GetMapping
	Map<String, List<UserAccounts.Summary>> list() {
		return Map.of("users", this.accounts.list(0, MAX_ACCOUNTS));
	}

	/** {@code PUT /api/admin/users/{id}/roles/ADMIN}: 200 {@code {"user"}}; 404 for an unknown account. */
	@PutMapping("/{id}/roles/" + ADMIN)
	Map<String, UserAccounts.Summary> grant(@PathVariable long id) {
		this.roles.grant(existing(id), ADMIN);
		return Map.of("user", summary(id));
	}

	/**
	 * {@code DELETE /api/admin/users/{id}/roles/ADMIN}: 200 {@code {"user"}}; 403 {@code forbidden} for
	 * the caller's own account (an administrator cannot lock everyone out by accident); 404 for an
	 * unknown account.
	 */
	@DeleteMapping("/{id}/roles/" + ADMIN)
	Map<String, UserAccounts.Summary> revoke(@AuthenticationPrincipal SpaAuthUser admin, @PathVariable long id) {
		if (admin.getId() == id) {
			throw new ProblemException(ProblemCode.FORBIDDEN,
					"You cannot remove your own admin role. Ask another administrator.");
		}
		this.roles.revoke(existing(id), ADMIN);
		return Map.of("user", summary(id));
	}

	private long existing(long id) {
		if (this.accounts.findById(id).isEmpty()) {
			throw notFound(id);
		}
		return id;
	}

	private UserAccounts.Summary summary(long id) {
		return this.accounts.findSummary(id).orElseThrow(() -> notFound(id));
	}

	private static ProblemException notFound(long id) {
		return new ProblemException(ProblemCode.NOT_FOUND, "No account has the id " + id + ".");
	}

}
