package dev.spaauth.signup;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.CurrentSecurityContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserView;

/**
 * Verifying a new account's email address: {@code POST {base-path}/email-verification} with the
 * mailed token, and {@code POST {base-path}/email-verification/resend} for a new link. Neither signs
 * anyone in: a link can be opened in any browser, by anyone the mail reaches.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class EmailVerificationController {

	private final EmailVerifications verifications;

	private final SessionLifecycle sessions;

	/**
	 * Creates the controller.
	 * @param verifications sends and checks the links
	 * @param sessions updates the request's session when it is the account's
	 */
	public EmailVerificationController(EmailVerifications verifications, SessionLifecycle sessions) {
		this.verifications = verifications;
		this.sessions = sessions;
	}

	/**
	 * Verifies the address of the link's account. When the request's own session is that account's,
	 * its {@code user.emailVerified} turns true at once; other sessions show it from their next log-in.
	 * @param body {@code {"token"}}
	 * @param authentication the request's authentication, or null
	 * @param request the request
	 * @param response the response
	 * @return 200 {@code {"emailVerified": true, "username"}}; 400 {@code invalid_token}; 429
	 */
	@ProblemResponses({ ProblemCode.INVALID_TOKEN, ProblemCode.RATE_LIMITED })
	@PostMapping(path = "/email-verification", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Verified verify(@RequestBody TokenBody body,
			@CurrentSecurityContext(expression = "authentication") @Nullable Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) {
		SpaAuthUser verified = this.verifications.verify(body.token(), request);
		if (authentication != null && authentication.getPrincipal() instanceof SpaAuthUser current
				&& current.getId() == verified.getId()) {
			SpaAuthUser updated = new SpaAuthUser(current.getId(), current.getUsername(), current.getEmail(),
					current.getRoles(), null, Boolean.TRUE);
			List<GrantedAuthority> authorities = List.copyOf(authentication.getAuthorities());
			this.sessions.saveAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, authorities),
					request, response);
			return new Verified(true, verified.getUsername(), UserView.of(updated));
		}
		return new Verified(true, verified.getUsername(), null);
	}

	/**
	 * Mails a new link, if an account with an unverified address uses the address; the same answer
	 * either way.
	 * @param body {@code {"email"}}
	 * @param request the request
	 * @return 202 {@code {"detail"}}; 400 {@code validation_failed}; 429 {@code rate_limited}
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.RATE_LIMITED })
	@PostMapping(path = "/email-verification/resend", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	public Accepted resend(@RequestBody EmailBody body, HttpServletRequest request) {
		this.verifications.resend(body.email(), request);
		return new Accepted("If an account with this address still needs it, a new confirmation link is on its way.");
	}

	/**
	 * Body of a verification.
	 *
	 * @param token the token from the link
	 */
	public record TokenBody(@Nullable String token) {
	}

	/**
	 * Body of a resend.
	 *
	 * @param email the address to send the link to
	 */
	public record EmailBody(@Nullable String email) {
	}

	/**
	 * Answer of a verification.
	 *
	 * @param emailVerified always true
	 * @param username the account's username, to prefill a log-in form
	 * @param user the session's user, updated, when the request's session is the account's; else null
	 */
	@Schema(name = "EmailVerified")
	public record Verified(boolean emailVerified, String username, @Nullable UserView user) {
	}

	/**
	 * Answer of a resend.
	 *
	 * @param detail what happens now
	 */
	public record Accepted(String detail) {
	}

}
