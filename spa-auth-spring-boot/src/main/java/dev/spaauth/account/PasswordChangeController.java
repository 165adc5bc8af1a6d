package dev.spaauth.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.user.SpaAuthUser;

/**
 * {@code POST {base-path}/password {"currentPassword", "newPassword"}}: the signed-in user changes
 * their password ({@link PasswordChangeService}).
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class PasswordChangeController {

	private final PasswordChangeService passwordChange;

	/**
	 * Creates the controller.
	 * @param passwordChange changes the password
	 */
	public PasswordChangeController(PasswordChangeService passwordChange) {
		this.passwordChange = passwordChange;
	}

	/**
	 * Changes the password.
	 * @param user the signed-in user
	 * @param body the current and the new password
	 * @param request the request
	 * @param response the response that gets the renewed session and CSRF cookies
	 * @return 200 with the new CSRF token; 400 {@code validation_failed} for a missing field or a weak
	 * new password ({@code errors.newPassword}); 400 {@code invalid_credentials} for a wrong current
	 * password; 429 {@code rate_limited}
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.INVALID_CREDENTIALS, ProblemCode.RATE_LIMITED })
	@PostMapping(path = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
	public PasswordChanged change(@AuthenticationPrincipal SpaAuthUser user, @RequestBody PasswordChange body,
			HttpServletRequest request, HttpServletResponse response) {
		return new PasswordChanged(this.passwordChange
			.change(user, body.currentPassword(), body.newPassword(), request, response)
			.getToken());
	}

	/**
	 * Body of a password change.
	 *
	 * @param currentPassword the password in use
	 * @param newPassword the password to use from now on
	 */
	public record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {

		@Override
		public String toString() {
			return "PasswordChange[]";
		}

	}

	/**
	 * Answer of a password change.
	 *
	 * @param csrfToken the renewed session's CSRF token
	 */
	public record PasswordChanged(String csrfToken) {
	}

}
