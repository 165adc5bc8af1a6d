package dev.spaauth.mfa;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.device.SignInNotices;
import dev.spaauth.mail.Notices;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;
import dev.spaauth.user.UserView;

/**
 * {@code POST {base-path}/login/mfa {"method", "code"}}: the second step of a log-in
 * ({@link TwoStepLogIn}), with a code from the authenticator app or a recovery code. Attempts are
 * throttled per account like passwords, in a bucket of their own (OWASP Multifactor Authentication
 * Cheat Sheet; ASVS 6.3.1), and each code works once.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class MfaLogInController {

	/** Longest code accepted, in characters, spaces and hyphens included. */
	static final int MAX_CODE_LENGTH = 64;

	private final TwoStepLogIn twoStep;

	private final TotpFactors totp;

	private final RecoveryCodes recoveryCodes;

	private final UserAccounts accounts;

	private final LoginThrottle throttle;

	private final Notices notices;

	private final SecurityEvents events;

	private final SignInNotices signInNotices;

	/**
	 * Creates the controller.
	 * @param twoStep the pending log-ins
	 * @param totp checks authenticator-app codes
	 * @param recoveryCodes checks recovery codes
	 * @param accounts loads the account
	 * @param throttle limits failed attempts per account and per client address
	 * @param notices mails the account when a recovery code is used
	 * @param events publishes the audit trail
	 * @param signInNotices mails the account about a sign-in from a new browser
	 */
	public MfaLogInController(TwoStepLogIn twoStep, TotpFactors totp, RecoveryCodes recoveryCodes,
			UserAccounts accounts, LoginThrottle throttle, Notices notices, SecurityEvents events,
			SignInNotices signInNotices) {
		this.twoStep = twoStep;
		this.totp = totp;
		this.recoveryCodes = recoveryCodes;
		this.accounts = accounts;
		this.throttle = throttle;
		this.notices = notices;
		this.events = events;
		this.signInNotices = signInNotices;
	}

	/**
	 * Completes a log-in with its second factor.
	 * @param body the method ({@code totp} or {@code recovery_code}) and the code
	 * @param request the request, whose session holds the pending log-in
	 * @param response the response that gets the renewed session and CSRF cookies
	 * @return 200 {@code {"user", "csrfToken"}} as a one-step log-in; 401 {@code unauthenticated}
	 * without a pending log-in or after it expired; 400 {@code validation_failed}; 400
	 * {@code invalid_code} for a wrong or used code; 429 {@code rate_limited}
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.INVALID_CODE, ProblemCode.UNAUTHENTICATED,
			ProblemCode.RATE_LIMITED })
	@PostMapping(path = "/login/mfa", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Verified verify(@RequestBody CodeBody body, HttpServletRequest request, HttpServletResponse response) {
		TwoStepLogIn.Pending pending = this.twoStep.pending(request)
			.orElseThrow(() -> new ProblemException(ProblemCode.UNAUTHENTICATED, "No log-in is waiting for a second "
					+ "factor here, or it took too long. Log in with your password again."));
		String method = CodeChecks.requireCode(body.method(), body.code(), MAX_CODE_LENGTH);
		SpaAuthUser user = this.accounts.findById(pending.userId())
			.orElseThrow(() -> new ProblemException(ProblemCode.UNAUTHENTICATED,
					"This account no longer exists. Log in again."));
		LoginThrottle.Attempt attempt = this.throttle.begin(CodeChecks.throttleKey(user), request);
		boolean right = pending.methods().contains(method) && (SecondFactors.TOTP.equals(method)
				? this.totp.verify(user.getId(), body.code()) : this.recoveryCodes.use(user.getId(), body.code()));
		if (!right) {
			this.events.publish(SecurityEvent.Type.SECOND_FACTOR_FAILED, request, user.getUsername(), method, "invalid_code",
					method);
			throw CodeChecks.invalidCode();
		}
		attempt.succeeded();
		CsrfToken token = this.twoStep.complete(pending, user, method, request, response);
		if (SecondFactors.RECOVERY_CODE.equals(method)) {
			int left = this.recoveryCodes.remaining(user.getId());
			this.notices.recoveryCodeUsed(user.getEmail(), left);
			this.events.publish(SecurityEvent.Type.RECOVERY_CODE_USED, request, user.getUsername(), null);
			if (left == 0) {
				this.twoStep.rememberMethods(request.getSession(false),
						pending.methods().stream().filter((m) -> !SecondFactors.RECOVERY_CODE.equals(m)).toList());
			}
		}
		this.events.publish(SecurityEvent.Type.LOGIN_SUCCEEDED, request, user.getUsername(), null, null, method);
		this.signInNotices.signedIn(user, request, response);
		return new Verified(UserView.of(user), token.getToken());
	}

	/**
	 * Body with a second-factor code.
	 *
	 * @param method {@code totp} or {@code recovery_code}
	 * @param code the code as typed
	 */
	public record CodeBody(@Nullable String method, @Nullable String code) {

		@Override
		public String toString() {
			return "CodeBody[method=" + this.method + "]";
		}

	}

	/**
	 * Answer of a completed log-in, the same as a one-step log-in's.
	 *
	 * @param user the user
	 * @param csrfToken the session's new CSRF token
	 */
	@Schema(name = "MfaVerified")
	public record Verified(UserView user, String csrfToken) {
	}

}
