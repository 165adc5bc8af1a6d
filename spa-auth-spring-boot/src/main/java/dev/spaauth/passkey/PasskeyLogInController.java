package dev.spaauth.passkey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.device.SignInNotices;
import dev.spaauth.mfa.SecondFactors;
import dev.spaauth.mfa.TwoStepLogIn;
import dev.spaauth.passkey.PasskeyCeremonies.Purpose;
import dev.spaauth.problem.FieldErrors;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserView;

/**
 * Signing in with a passkey alone (a discoverable credential: no username is typed), and
 * re-authenticating with one. The sign-in answers like the password log-in: a new session (the old
 * one deleted: session fixation), a new CSRF token, {@code {"user", "csrfToken"}}; its authentication
 * holds the factor {@code FACTOR_WEBAUTHN}, which counts as two (user verification is required), so
 * an account with an authenticator app is not asked for its code. Asking for options creates no
 * session. Failed answers count against the client address's budget like failed log-ins.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class PasskeyLogInController {

	private final Passkeys passkeys;

	private final SessionLifecycle sessions;

	private final Reauthentication reauthentication;

	private final TwoStepLogIn twoStep;

	private final SecondFactors secondFactors;

	private final LoginThrottle throttle;

	private final SecurityEvents events;

	private final SignInNotices signInNotices;

	/**
	 * Creates the controller.
	 * @param passkeys the ceremonies
	 * @param sessions starts and renews sessions
	 * @param reauthentication records a re-authentication
	 * @param twoStep records the account's second-factor methods in the session
	 * @param secondFactors the account's second-factor methods
	 * @param throttle limits failed attempts per client address (and per account for re-authentication)
	 * @param events publishes the audit trail
	 * @param signInNotices mails the account about a sign-in from a new browser
	 */
	public PasskeyLogInController(Passkeys passkeys, SessionLifecycle sessions, Reauthentication reauthentication,
			TwoStepLogIn twoStep, SecondFactors secondFactors, LoginThrottle throttle, SecurityEvents events,
			SignInNotices signInNotices) {
		this.passkeys = passkeys;
		this.sessions = sessions;
		this.reauthentication = reauthentication;
		this.twoStep = twoStep;
		this.secondFactors = secondFactors;
		this.throttle = throttle;
		this.events = events;
		this.signInNotices = signInNotices;
	}

	/**
	 * Starts a sign-in with a passkey.
	 * @param request the request
	 * @return 200 with the request options for {@code PublicKeyCredential.parseRequestOptionsFromJSON}
	 */
	@ProblemResponses(ProblemCode.PASSKEYS_UNAVAILABLE)
	@PostMapping("/login/passkey/options")
	public JsonNode signInOptions(HttpServletRequest request) {
		return this.passkeys.requestOptions(Purpose.SIGN_IN, null, request);
	}

	/**
	 * Signs in with a passkey.
	 * @param body the credential ({@code PublicKeyCredential.toJSON()})
	 * @param request the request
	 * @param response the response that gets the new session and CSRF cookies
	 * @return 200 {@code {"user", "csrfToken"}}; 400 {@code passkey_rejected}; 400
	 * {@code validation_failed}; 429 {@code rate_limited}
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.PASSKEY_REJECTED, ProblemCode.RATE_LIMITED })
	@PostMapping(path = "/login/passkey", consumes = MediaType.APPLICATION_JSON_VALUE)
	public SignedIn signIn(@RequestBody CredentialBody body, HttpServletRequest request, HttpServletResponse response) {
		JsonNode credential = requireCredential(body);
		LoginThrottle.Attempt attempt = this.throttle.begin(null, request);
		SpaAuthUser user;
		try {
			user = this.passkeys.authenticate(Purpose.SIGN_IN, credential, request);
		}
		catch (PasskeyRejectedException ex) {
			this.events.publish(SecurityEvent.Type.LOGIN_FAILED, request, null, "passkey", "passkey_rejected",
					SecurityEvent.PASSKEY);
			throw ex;
		}
		attempt.succeeded();
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
		CsrfToken token = this.sessions.logIn(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities),
				request, response);
		this.twoStep.rememberMethods(request.getSession(false), this.secondFactors.methods(user.getId()));
		this.events.publish(SecurityEvent.Type.LOGIN_SUCCEEDED, request, user.getUsername(), null, null,
				SecurityEvent.PASSKEY);
		this.signInNotices.signedIn(user, request, response);
		return new SignedIn(UserView.of(user), token.getToken());
	}

	/**
	 * Starts a re-authentication with one of the signed-in user's passkeys.
	 * @param user the signed-in user
	 * @param request the request
	 * @return 200 with the request options, allowing only the user's passkeys
	 */
	@ProblemResponses(ProblemCode.PASSKEYS_UNAVAILABLE)
	@PostMapping("/reauthenticate/passkey/options")
	public JsonNode reauthenticationOptions(@AuthenticationPrincipal SpaAuthUser user, HttpServletRequest request) {
		return this.passkeys.requestOptions(Purpose.REAUTHENTICATE, user, request);
	}

	/**
	 * Re-authenticates with a passkey instead of the password: the session becomes fresh and gets a
	 * new id and CSRF token, as with the password.
	 * @param user the signed-in user
	 * @param body the credential
	 * @param request the request
	 * @param response the response that gets the renewed session and CSRF cookies
	 * @return 200 {@code {"reauthenticatedUntil", "csrfToken"}}; 400 {@code passkey_rejected} (also for
	 * another account's passkey); 429 {@code rate_limited}
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.PASSKEY_REJECTED, ProblemCode.RATE_LIMITED })
	@PostMapping(path = "/reauthenticate/passkey", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Reauthenticated reauthenticate(@AuthenticationPrincipal SpaAuthUser user, @RequestBody CredentialBody body,
			HttpServletRequest request, HttpServletResponse response) {
		JsonNode credential = requireCredential(body);
		LoginThrottle.Attempt attempt = this.throttle.begin(user.getUsername(), request);
		try {
			this.passkeys.authenticate(Purpose.REAUTHENTICATE, credential, request);
		}
		catch (PasskeyRejectedException ex) {
			this.events.publish(SecurityEvent.Type.REAUTHENTICATION_FAILED, request, user.getUsername(), "passkey",
					"passkey_rejected", SecurityEvent.PASSKEY);
			throw ex;
		}
		attempt.succeeded();
		CsrfToken token = this.sessions.renew(request, response);
		Instant until = this.reauthentication.markFresh(request.getSession(false));
		this.events.publish(SecurityEvent.Type.REAUTHENTICATED, request, user.getUsername(), null, null,
				SecurityEvent.PASSKEY);
		return new Reauthenticated(until, token.getToken());
	}

	private static JsonNode requireCredential(CredentialBody body) {
		if (body.credential() == null || !body.credential().isObject()) {
			new FieldErrors().add("credential", "Credential is required: send PublicKeyCredential.toJSON().").throwIfAny();
		}
		return body.credential();
	}

	/**
	 * Body with a passkey's answer.
	 *
	 * @param credential the browser's {@code PublicKeyCredential.toJSON()}
	 */
	public record CredentialBody(@Nullable JsonNode credential) {
	}

	/**
	 * Answer of a sign-in, the same as a password log-in's.
	 *
	 * @param user the user
	 * @param csrfToken the new session's CSRF token
	 */
	public record SignedIn(UserView user, String csrfToken) {
	}

	/**
	 * Answer of a re-authentication.
	 *
	 * @param reauthenticatedUntil when the session stops being fresh
	 * @param csrfToken the session's new CSRF token
	 */
	public record Reauthenticated(Instant reauthenticatedUntil, String csrfToken) {
	}

}
