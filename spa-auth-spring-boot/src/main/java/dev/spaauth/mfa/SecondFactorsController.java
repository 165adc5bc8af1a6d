package dev.spaauth.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.mail.Notices;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.SpaAuthUser;

/**
 * The signed-in user's second factors under {@code {base-path}/mfa}: their status, setting up an
 * authenticator app (a secret shown once as an {@code otpauth://} URI, confirmed with a first code),
 * removing it, and new recovery codes. Every change needs a fresh session (403
 * {@code reauthentication_required}; ASVS 5.0 7.5.1; OWASP Multifactor Authentication Cheat Sheet) and mails the account.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}/mfa", produces = MediaType.APPLICATION_JSON_VALUE)
public class SecondFactorsController {

	private final TotpFactors totp;

	private final RecoveryCodes recoveryCodes;

	private final SecondFactors factors;

	private final TwoStepLogIn twoStep;

	private final Reauthentication reauthentication;

	private final LoginThrottle throttle;

	private final Notices notices;

	private final SecurityEvents events;

	private final String issuer;

	/**
	 * Creates the controller.
	 * @param totp the authenticator-app secrets
	 * @param recoveryCodes the recovery codes
	 * @param factors the account's methods
	 * @param twoStep keeps the session's record of the methods
	 * @param reauthentication requires a fresh session
	 * @param throttle limits wrong confirmation codes like passwords
	 * @param notices mails the account
	 * @param events publishes the audit trail
	 * @param issuer the name authenticator apps show for the account
	 */
	public SecondFactorsController(TotpFactors totp, RecoveryCodes recoveryCodes, SecondFactors factors,
			TwoStepLogIn twoStep, Reauthentication reauthentication, LoginThrottle throttle, Notices notices,
			SecurityEvents events, String issuer) {
		this.totp = totp;
		this.recoveryCodes = recoveryCodes;
		this.factors = factors;
		this.twoStep = twoStep;
		this.reauthentication = reauthentication;
		this.throttle = throttle;
		this.notices = notices;
		this.events = events;
		this.issuer = issuer;
	}

	/**
	 * Tells which second factors the account has.
	 * @param user the signed-in user
	 * @return 200 {@code {"methods", "totpEnabledAt", "recoveryCodesLeft"}}
	 */
	@GetMapping
	public Status status(@AuthenticationPrincipal SpaAuthUser user) {
		return new Status(this.factors.methods(user.getId()), this.totp.confirmedAt(user.getId()).orElse(null),
				this.recoveryCodes.remaining(user.getId()));
	}

	/**
	 * Starts setting up an authenticator app; a new call replaces an unconfirmed secret.
	 * @param user the signed-in user
	 * @param request the request
	 * @return 200 {@code {"secret", "otpauthUri"}}, shown once; 403 {@code reauthentication_required};
	 * 409 {@code mfa_already_enabled}
	 */
	@ProblemResponses({ ProblemCode.REAUTHENTICATION_REQUIRED, ProblemCode.MFA_ALREADY_ENABLED })
	@PostMapping("/totp")
	public Enrolment beginTotp(@AuthenticationPrincipal SpaAuthUser user, HttpServletRequest request) {
		this.reauthentication.requireFresh(request);
		String secret = this.totp.begin(user.getId())
			.orElseThrow(() -> new ProblemException(ProblemCode.MFA_ALREADY_ENABLED,
					"Your account already has an authenticator app. Remove it first to set up another one."));
		String label = encode(this.issuer) + ":" + encode(user.getUsername());
		String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(this.issuer)
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
		return new Enrolment(secret, uri);
	}

	/**
	 * Confirms the authenticator app with a first code; the account gets new recovery codes.
	 * @param user the signed-in user
	 * @param body the code
	 * @param request the request
	 * @return 200 {@code {"recoveryCodes": [...]}}, shown once; 400 {@code invalid_code} (also without a
	 * started set-up); 403 {@code reauthentication_required}; 429 {@code rate_limited}
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.INVALID_CODE,
			ProblemCode.REAUTHENTICATION_REQUIRED, ProblemCode.RATE_LIMITED })
	@PostMapping(path = "/totp/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
	public NewRecoveryCodes confirmTotp(@AuthenticationPrincipal SpaAuthUser user,
			@RequestBody MfaLogInController.CodeBody body, HttpServletRequest request) {
		this.reauthentication.requireFresh(request);
		CodeChecks.requireCode(SecondFactors.TOTP, body.code(), MfaLogInController.MAX_CODE_LENGTH);
		LoginThrottle.Attempt attempt = this.throttle.begin(CodeChecks.throttleKey(user), request);
		if (!this.totp.confirm(user.getId(), body.code())) {
			this.events.publish(SecurityEvent.Type.SECOND_FACTOR_FAILED, request, user.getUsername(), "totp", "invalid_code",
					SecondFactors.TOTP);
			throw CodeChecks.invalidCode();
		}
		attempt.succeeded();
		List<String> codes = this.recoveryCodes.replace(user.getId());
		this.twoStep.rememberMethods(request.getSession(false), this.factors.methods(user.getId()));
		this.notices.authenticatorAdded(user.getEmail());
		this.events.publish(SecurityEvent.Type.FACTOR_ADDED, request, user.getUsername(), SecondFactors.TOTP, null,
				SecondFactors.TOTP);
		return new NewRecoveryCodes(codes);
	}

	/**
	 * Removes the authenticator app and the recovery codes: the password alone logs in again.
	 * @param user the signed-in user
	 * @param request the request
	 * @return 200 with the new status; 403 {@code reauthentication_required}; 409 {@code mfa_not_enabled}
	 */
	@ProblemResponses({ ProblemCode.REAUTHENTICATION_REQUIRED, ProblemCode.MFA_NOT_ENABLED })
	@DeleteMapping("/totp")
	public Status removeTotp(@AuthenticationPrincipal SpaAuthUser user, HttpServletRequest request) {
		this.reauthentication.requireFresh(request);
		if (!this.totp.remove(user.getId())) {
			throw notEnabled();
		}
		this.recoveryCodes.removeAll(user.getId());
		this.twoStep.rememberMethods(request.getSession(false), List.of());
		this.notices.authenticatorRemoved(user.getEmail());
		this.events.publish(SecurityEvent.Type.FACTOR_REMOVED, request, user.getUsername(), SecondFactors.TOTP);
		return status(user);
	}

	/**
	 * Replaces the recovery codes by {@value RecoveryCodes#COUNT} new ones.
	 * @param user the signed-in user
	 * @param request the request
	 * @return 200 {@code {"recoveryCodes": [...]}}, shown once; 403 {@code reauthentication_required};
	 * 409 {@code mfa_not_enabled}
	 */
	@ProblemResponses({ ProblemCode.REAUTHENTICATION_REQUIRED, ProblemCode.MFA_NOT_ENABLED })
	@PostMapping("/recovery-codes")
	public NewRecoveryCodes regenerateRecoveryCodes(@AuthenticationPrincipal SpaAuthUser user,
			HttpServletRequest request) {
		this.reauthentication.requireFresh(request);
		if (this.totp.confirmedAt(user.getId()).isEmpty()) {
			throw notEnabled();
		}
		List<String> codes = this.recoveryCodes.replace(user.getId());
		this.twoStep.rememberMethods(request.getSession(false), this.factors.methods(user.getId()));
		this.notices.recoveryCodesRegenerated(user.getEmail());
		this.events.publish(SecurityEvent.Type.RECOVERY_CODES_REGENERATED, request, user.getUsername(), null);
		return new NewRecoveryCodes(codes);
	}

	private static ProblemException notEnabled() {
		return new ProblemException(ProblemCode.MFA_NOT_ENABLED, "Your account has no authenticator app.");
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * The account's second factors.
	 *
	 * @param methods the methods that can complete a log-in, such as {@code ["totp", "recovery_code"]}
	 * @param totpEnabledAt when the authenticator app was confirmed, or null
	 * @param recoveryCodesLeft how many unused recovery codes remain
	 */
	public record Status(List<String> methods, @Nullable Instant totpEnabledAt, int recoveryCodesLeft) {
	}

	/**
	 * A started authenticator-app set-up.
	 *
	 * @param secret the base32 secret, for typing into an app
	 * @param otpauthUri the {@code otpauth://totp/...} URI, for a QR code
	 */
	public record Enrolment(String secret, String otpauthUri) {

		@Override
		public String toString() {
			return "Enrolment[]";
		}

	}

	/**
	 * New recovery codes, shown once.
	 *
	 * @param recoveryCodes the codes, formatted {@code xxxx-xxxx-xxxx}
	 */
	public record NewRecoveryCodes(List<String> recoveryCodes) {

		@Override
		public String toString() {
			return "NewRecoveryCodes[]";
		}

	}

}
