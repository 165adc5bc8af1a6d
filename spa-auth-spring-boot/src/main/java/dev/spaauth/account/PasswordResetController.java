package dev.spaauth.account;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponses;

/**
 * Password reset by mail ({@link PasswordResetService}): {@code POST {base-path}/password-reset
 * {"email"}} answers 202 the same way and in about the same time whether or not an account uses the
 * address; {@code POST {base-path}/password-reset/confirm {"token", "newPassword"}} sets the password,
 * ends every session of the user and logs nobody in.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class PasswordResetController {

	private static final String ACCEPTED = "If an account uses this address, we sent it a link to reset the password.";

	private final PasswordResetService reset;

	/**
	 * Creates the controller.
	 * @param reset the reset flow
	 */
	public PasswordResetController(PasswordResetService reset) {
		this.reset = reset;
	}

	/**
	 * Asks for a reset link.
	 * @param body the address
	 * @param request the request
	 * @return 202 with a detail that does not say whether the address is known; 400
	 * {@code validation_failed} for a malformed address; 429 {@code rate_limited}; 503 when no SPA URL
	 * is configured for links
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.RATE_LIMITED })
	@PostMapping(path = "/password-reset", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	public ResetRequested request(@RequestBody ResetRequest body, HttpServletRequest request) {
		this.reset.request(body.email(), request);
		return new ResetRequested(ACCEPTED);
	}

	/**
	 * Sets a new password with a mailed token.
	 * @param body the token and the new password
	 * @param request the request; a session it has is ended too
	 * @return 204; 400 {@code invalid_token} for an unknown, used or expired token; 400
	 * {@code validation_failed} for a weak password (the token stays usable); 429 {@code rate_limited}
	 * after many attempts from the address
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.INVALID_TOKEN, ProblemCode.RATE_LIMITED })
	@PostMapping(path = "/password-reset/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public void confirm(@RequestBody ResetConfirmation body, HttpServletRequest request) {
		this.reset.confirm(body.token(), body.newPassword(), request);
	}

	/**
	 * Answer of a reset request, the same whether the address is known or not.
	 *
	 * @param detail what happens next, for people
	 */
	public record ResetRequested(String detail) {
	}

	/**
	 * Body of a reset request.
	 *
	 * @param email the account's address
	 */
	public record ResetRequest(@Nullable String email) {
	}

	/**
	 * Body of a reset confirmation.
	 *
	 * @param token the token from the link
	 * @param newPassword the new password
	 */
	public record ResetConfirmation(@Nullable String token, @Nullable String newPassword) {

		@Override
		public String toString() {
			return "ResetConfirmation[]";
		}

	}

}
