package dev.spaauth.provider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.deployment.Deployment;
import dev.spaauth.device.SignInNotices;
import dev.spaauth.login.AuthResponses;
import dev.spaauth.mail.Notices;
import dev.spaauth.mfa.SecondFactors;
import dev.spaauth.mfa.TwoStepLogIn;
import dev.spaauth.problem.FieldErrors;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.throttle.LoginThrottle;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserView;

/**
 * The SPA's side of a provider flow, as a credentialed {@code fetch}: finishing it with the one-time
 * code and the verifier. Finishing a sign-in answers
 * exactly like the password log-in: a new session (the old one deleted: session fixation), a new CSRF
 * token, {@code {"user", "csrfToken"}}, or {@code {"mfaRequired": true, ...}} for an account with a
 * second factor (the provider counts as the first factor, {@code FACTOR_AUTHORIZATION_CODE}).
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProviderSignInController {

	private final ProviderResults results;

	private final ProviderAccounts accounts;

	private final LinkedIdentities identities;

	private final ClientRegistrationRepository registrations;

	private final SessionLifecycle sessions;

	private final Reauthentication reauthentication;

	private final SecondFactors secondFactors;

	private final TwoStepLogIn twoStep;

	private final LoginThrottle throttle;

	private final SecurityEvents events;

	private final SignInNotices signInNotices;

	private final Notices notices;

	private final FlowCookie cookie;

	/**
	 * Creates the controller.
	 * @param results the answers waiting for the SPA
	 * @param accounts the account rules
	 * @param identities the linked identities
	 * @param registrations the providers, for their names
	 * @param sessions starts and renews sessions
	 * @param reauthentication requires and records fresh sessions
	 * @param secondFactors the account's second-factor methods
	 * @param twoStep starts a log-in that waits for its second factor
	 * @param throttle counts failed finishes per client address
	 * @param events publishes the audit trail
	 * @param signInNotices mails about sign-ins from new browsers
	 * @param notices mails about linked and unlinked identities
	 * @param deployment the flow cookie's name and attributes
	 */
	public ProviderSignInController(ProviderResults results, ProviderAccounts accounts, LinkedIdentities identities,
			ClientRegistrationRepository registrations, SessionLifecycle sessions, Reauthentication reauthentication,
			SecondFactors secondFactors, TwoStepLogIn twoStep, LoginThrottle throttle, SecurityEvents events,
			SignInNotices signInNotices, Notices notices, Deployment deployment) {
		this.cookie = new FlowCookie(deployment);
		this.results = results;
		this.accounts = accounts;
		this.identities = identities;
		this.registrations = registrations;
		this.sessions = sessions;
		this.reauthentication = reauthentication;
		this.secondFactors = secondFactors;
		this.twoStep = twoStep;
		this.throttle = throttle;
		this.events = events;
		this.signInNotices = signInNotices;
		this.notices = notices;
	}

	/**
	 * Finishes a flow with the code from the return URL and the SPA's verifier.
	 * @param user the signed-in user, needed for {@code link} and {@code reauthenticate}
	 * @param body {@code {"code", "verifier"}}
	 * @param request the request
	 * @param response the response that gets the session and CSRF cookies
	 * @return for {@code sign_in} 200 like {@code POST /login}; for {@code link} 200
	 * {@code {"linked": {...}, "identities": [...]}}; for {@code reauthenticate} 200
	 * {@code {"reauthenticatedUntil", "csrfToken"}}. 400 {@code invalid_sign_in_code} for an unknown,
	 * used, expired code, a wrong verifier, or a browser that did not start the flow; 401 {@code unauthenticated} for a link or
	 * re-authentication without a session; 403 {@code reauthentication_required} for a link on a
	 * session that is not fresh; 403 {@code email_not_verified}, {@code identity_not_linked}; 409
	 * {@code account_exists}, {@code identity_in_use}; 429 {@code rate_limited}
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.INVALID_SIGN_IN_CODE, ProblemCode.UNAUTHENTICATED,
			ProblemCode.REAUTHENTICATION_REQUIRED, ProblemCode.EMAIL_NOT_VERIFIED, ProblemCode.IDENTITY_NOT_LINKED,
			ProblemCode.ACCOUNT_EXISTS, ProblemCode.IDENTITY_IN_USE, ProblemCode.RATE_LIMITED })
	@ApiResponse(responseCode = "200",
			description = "Signed in (or waiting for a second factor), linked, or re-authenticated, by intent",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(oneOf = {
					AuthResponses.LoggedIn.class, TwoStepLogIn.Started.class, ProviderBodies.Linked.class,
					ProviderBodies.Reauthenticated.class })))
	@PostMapping(path = "/oauth2/finish", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Object finish(@AuthenticationPrincipal @Nullable SpaAuthUser user, @RequestBody ProviderBodies.FinishRequest body,
			HttpServletRequest request, HttpServletResponse response) {
		FieldErrors errors = new FieldErrors();
		if (body.code() == null || !body.code().matches("[A-Za-z0-9_-]{43}")) {
			errors.add("code", "Send the authCode parameter of the return URL.");
		}
		if (body.verifier() == null || !body.verifier().matches("[A-Za-z0-9._~-]{43,128}")) {
			errors.add("verifier", "Send the verifier whose challenge started the sign-in (RFC 7636: 43 to 128 "
					+ "characters).");
		}
		errors.throwIfAny();
		LoginThrottle.Attempt attempt = this.throttle.begin(null, request);
		String flowCookie = this.cookie.value(request);
		ProviderResults.Result result = this.results.redeem(body.code(), body.verifier(), flowCookie)
			.orElseThrow(() -> FlowCookie.codeRefused(flowCookie));
		attempt.succeeded();
		ProviderIdentity identity = result.identity();
		return switch (result.intent()) {
			case SIGN_IN -> signIn(identity, request, response);
			case LINK -> link(signedIn(user), identity, request);
			case REAUTHENTICATE -> reauthenticate(signedIn(user), identity, request, response);
		};
	}

	private Object signIn(ProviderIdentity identity, HttpServletRequest request, HttpServletResponse response) {
		ProviderAccounts.SignIn signIn;
		try {
			signIn = this.accounts.signIn(identity);
		}
		catch (ProblemException ex) {
			this.events.publish(SecurityEvent.Type.LOGIN_FAILED, request, null, identity.provider() + ": " + ex.getCode().code(), ex.getCode().code(), SecurityEvent.PROVIDER);
			throw ex;
		}
		SpaAuthUser user = signIn.user();
		List<String> methods = this.secondFactors.methods(user.getId());
		if (!methods.isEmpty()) {
			TwoStepLogIn.Started started = this.twoStep.start(user, methods, "authorization_code", request, response);
			this.events.publish(SecurityEvent.Type.SECOND_FACTOR_REQUIRED, request, user.getUsername(), identity.provider(), null, SecurityEvent.PROVIDER);
			return started;
		}
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
		CsrfToken token = this.sessions.logIn(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities),
				request, response);
		this.twoStep.rememberMethods(request.getSession(false), methods);
		if (signIn.created()) {
			this.events.publish(SecurityEvent.Type.SIGNED_UP, request, user.getUsername(), identity.provider(), null, SecurityEvent.PROVIDER);
			this.signInNotices.signedUp(user, request, response);
		}
		else {
			this.events.publish(SecurityEvent.Type.LOGIN_SUCCEEDED, request, user.getUsername(), identity.provider(), null, SecurityEvent.PROVIDER);
			this.signInNotices.signedIn(user, request, response);
		}
		return new AuthResponses.LoggedIn(UserView.of(user), token.getToken());
	}

	private ProviderBodies.Linked link(SpaAuthUser user, ProviderIdentity identity, HttpServletRequest request) {
		this.reauthentication.requireFresh(request);
		if (this.accounts.link(user, identity)) {
			this.events.publish(SecurityEvent.Type.IDENTITY_LINKED, request, user.getUsername(), identity.provider());
			this.notices.identityLinked(user.getEmail(),
					LinkedIdentitiesController.name(this.registrations, identity.provider()));
		}
		List<LinkedIdentitiesController.Identity> all = LinkedIdentitiesController.list(this.identities,
				this.registrations, user);
		LinkedIdentitiesController.Identity linked = all.stream().filter((each) -> each.provider().equals(identity.provider())).reduce((a, b) -> b)
			.orElseThrow();
		return new ProviderBodies.Linked(linked, all);
	}

	private ProviderBodies.Reauthenticated reauthenticate(SpaAuthUser user, ProviderIdentity identity, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			this.accounts.requireLinked(user, identity);
		}
		catch (ProblemException ex) {
			this.events.publish(SecurityEvent.Type.REAUTHENTICATION_FAILED, request, user.getUsername(), identity.provider(), ex.getCode().code(), SecurityEvent.PROVIDER);
			throw ex;
		}
		CsrfToken token = this.sessions.renew(request, response);
		Instant until = this.reauthentication.markFresh(request.getSession(false));
		this.events.publish(SecurityEvent.Type.REAUTHENTICATED, request, user.getUsername(), identity.provider(), null,
				SecurityEvent.PROVIDER);
		return new ProviderBodies.Reauthenticated(until, token.getToken());
	}

	private static SpaAuthUser signedIn(@Nullable SpaAuthUser user) {
		if (user == null) {
			throw new ProblemException(ProblemCode.UNAUTHENTICATED,
					"Sign in first: connecting a provider or confirming with one needs your session.");
		}
		return user;
	}

}
