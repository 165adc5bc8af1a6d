package dev.spaauth.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserView;

/**
 * Email change in two steps ({@link EmailChangeService}): {@code POST {base-path}/email {"newEmail"}}
 * needs a fresh session and mails a confirmation link; {@code POST {base-path}/email/confirm
 * {"token"}} makes the change.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class EmailChangeController {

	private final EmailChangeService emailChange;

	/**
	 * Creates the controller.
	 * @param emailChange the email change flow
	 */
	public EmailChangeController(EmailChangeService emailChange) {
		this.emailChange = emailChange;
	}

	/**
	 * Asks for an email change.
	 * @param user the signed-in user
	 * @param body the new address
	 * @param request the request
	 * @return 202 with the pending address; 403 {@code reauthentication_required} when the session is
	 * not fresh; 400 {@code validation_failed}; 503 when no SPA URL is configured for links
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.REAUTHENTICATION_REQUIRED })
	@PostMapping(path = "/email", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	public PendingEmail request(@AuthenticationPrincipal SpaAuthUser user, @RequestBody NewEmail body,
			HttpServletRequest request) {
		return new PendingEmail(this.emailChange.request(user, body.newEmail(), request));
	}

	/**
	 * Confirms an email change with the mailed token; works without a session, but not in a session
	 * of another user.
	 * @param user the signed-in user, or null
	 * @param body the token
	 * @param request the request
	 * @param response the response
	 * @return 200 with the user; 400 {@code invalid_token} for an unknown, used or expired token, one
	 * of another user, or an address taken meanwhile
	 */
	@ProblemResponses(ProblemCode.INVALID_TOKEN)
	@PostMapping(path = "/email/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Confirmed confirm(@AuthenticationPrincipal @Nullable SpaAuthUser user, @RequestBody TokenBody body,
			HttpServletRequest request, HttpServletResponse response) {
		return new Confirmed(UserView.of(this.emailChange.confirm(user, body.token(), request, response)));
	}

	/**
	 * Body of an email change.
	 *
	 * @param newEmail the address to use
	 */
	public record NewEmail(@Nullable String newEmail) {
	}

	/**
	 * Body with a mailed token.
	 *
	 * @param token the token from the link
	 */
	public record TokenBody(@Nullable String token) {

		@Override
		public String toString() {
			return "TokenBody[]";
		}

	}

	/**
	 * Answer of an email change request.
	 *
	 * @param pendingEmail the address that must confirm
	 */
	public record PendingEmail(String pendingEmail) {
	}

	/**
	 * Answer of a confirmed email change.
	 *
	 * @param user the user with the new address
	 */
	public record Confirmed(UserView user) {
	}

}
