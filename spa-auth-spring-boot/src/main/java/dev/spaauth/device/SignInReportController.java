package dev.spaauth.device;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.LongConsumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.mail.Notices;
import dev.spaauth.problem.FieldErrors;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.session.UserSessions;
import dev.spaauth.user.OneTimeTokens;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;

/**
 * {@code POST {base-path}/sign-in-report {"token"}}: the "this wasn't me" link of a new-device notice.
 * Every session of the account ends (this browser's too), its password is replaced by a random one
 * nobody knows, so that only a password reset by mail lets anyone in again, its passkeys and linked
 * provider identities are removed (the intruder may have added one), its open email-change links die, its known browsers are
 * forgotten, and the account's address is told what to do. Its authenticator app stays: the intruder
 * could not have added one without the owner's mail noticing, and it keeps protecting the reset. Works
 * without a session; the token works once.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class SignInReportController {

	private final SecureRandom random = new SecureRandom();

	private final OneTimeTokens tokens;

	private final UserAccounts accounts;

	private final UserSessions userSessions;

	private final SessionLifecycle sessions;

	private final KnownDevices devices;

	private final PasswordEncoder encoder;

	private final Notices notices;

	private final SecurityEvents events;

	private final LongConsumer removeAddedWaysIn;

	/**
	 * Creates the controller.
	 * @param tokens redeems the link's token
	 * @param accounts finds the account and replaces its password
	 * @param userSessions ends the account's sessions
	 * @param sessions ends this browser's session
	 * @param devices forgets the account's browsers
	 * @param encoder hashes the unknown password
	 * @param notices tells the account what to do
	 * @param events publishes the audit trail
	 * @param removeAddedWaysIn removes an account's passkeys and linked provider identities (by account id),
	 * which the intruder may have added
	 */
	public SignInReportController(OneTimeTokens tokens, UserAccounts accounts, UserSessions userSessions,
			SessionLifecycle sessions, KnownDevices devices, PasswordEncoder encoder, Notices notices,
			SecurityEvents events, LongConsumer removeAddedWaysIn) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.userSessions = userSessions;
		this.sessions = sessions;
		this.devices = devices;
		this.encoder = encoder;
		this.notices = notices;
		this.events = events;
		this.removeAddedWaysIn = removeAddedWaysIn;
	}

	/**
	 * Secures the account after a sign-in its owner did not make.
	 * @param body the token from the notice's link
	 * @param request the request
	 * @param response the response that expires this browser's session cookie
	 * @return 200 {@code {"detail", "csrfToken"}}; 400 {@code invalid_token} for a used, expired or
	 * unknown link; 400 {@code validation_failed}
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.INVALID_TOKEN })
	@PostMapping(path = "/sign-in-report", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Secured report(@RequestBody TokenBody body, HttpServletRequest request, HttpServletResponse response) {
		FieldErrors errors = new FieldErrors();
		errors.require("token", "Token", body.token());
		errors.throwIfAny();
		OneTimeTokens.Grant grant = this.tokens.redeem(body.token(), OneTimeTokens.Purpose.SIGN_IN_REPORT)
			.orElseThrow(() -> new ProblemException(ProblemCode.INVALID_TOKEN,
					"This link is used, expired or unknown. If you still do not trust a sign-in, reset your password."));
		SpaAuthUser account = this.accounts.findById(grant.userId())
			.orElseThrow(() -> new ProblemException(ProblemCode.INVALID_TOKEN, "This account no longer exists."));
		byte[] unknown = new byte[32];
		this.random.nextBytes(unknown);
		this.accounts.updatePassword(account.getId(), this.encoder.encode(Base64.getEncoder().encodeToString(unknown)));
		this.userSessions.endAllBut(account.getUsername(), null);
		this.tokens.revokeAll(account.getId(), OneTimeTokens.Purpose.EMAIL_CHANGE);
		this.devices.forgetAll(account.getId());
		this.removeAddedWaysIn.accept(account.getId());
		String csrfToken = this.sessions.logOut(request, response).getToken();
		this.notices.accountSecured(account.getEmail());
		this.events.publish(SecurityEvent.Type.SIGN_IN_REPORTED, request, account.getUsername(), null);
		return new Secured("Every session of your account was signed out, its passkeys and connected sign-ins were removed "
				+ "and its password no longer works. Set a new password with \"Forgot password?\".", csrfToken);
	}

	/**
	 * Body with the link's token.
	 *
	 * @param token the token
	 */
	public record TokenBody(@Nullable String token) {

		@Override
		public String toString() {
			return "TokenBody[]";
		}

	}

	/**
	 * Answer of a report.
	 *
	 * @param detail what happened and what to do, for people
	 * @param csrfToken a fresh anonymous CSRF token (this browser's session ended too)
	 */
	public record Secured(String detail, String csrfToken) {
	}

}
