package dev.spaauth.provider;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.deployment.Deployment;
import dev.spaauth.problem.FieldErrors;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.problem.ProblemResponses;

/**
 * The browser's side of a sign-in with a provider, as top-level navigations:
 * <ol>
 * <li>{@code GET {base-path}/oauth2/{provider}?returnTo=<SPA URL>&challenge=<S256>&intent=sign_in|link|reauthenticate}
 * checks {@code returnTo} against the trusted origins ({@link ReturnTo}; anything else is a 400, never
 * followed), stores the authorization request ({@link ProviderFlows}; PKCE for every provider, a
 * {@code nonce} for OpenID Connect), gives the browser a flow cookie ({@code __Host-PROVIDER-FLOW},
 * SameSite=Lax, 10 minutes) and redirects to the provider;</li>
 * <li>{@code GET {base-path}/oauth2/callback/{provider}} takes the flow by its {@code state} (once, in
 * the browser that started it), exchanges the code, and redirects to {@code returnTo} with
 * {@code authCode=<one-time code>} for the SPA to finish with ({@code POST {base-path}/oauth2/finish}),
 * or {@code authError=<problem code>}: {@code cancelled}, {@code provider_error}, {@code state_mismatch},
 * {@code email_not_verified}, {@code account_exists}.</li>
 * </ol>
 * No session is created or changed here: the SPA's credentialed {@code fetch} to finish starts it,
 * so the session cookie is set in the SPA's own context in every deployment shape.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}")
public class ProviderFlowController {

	private static final Log logger = LogFactory.getLog(ProviderFlowController.class);

	private final ClientRegistrationRepository registrations;

	private final ProviderFlows flows;

	private final ProviderResults results;

	private final ProviderAuthentication authentication;

	private final ProviderAccounts accounts;

	private final Deployment deployment;

	private final SecurityEvents events;

	private final String basePath;

	private final @Nullable String spaUrl;

	private final FlowCookie cookie;

	/**
	 * Creates the controller.
	 * @param registrations Boot's registrations ({@code spring.security.oauth2.client.registration.*})
	 * @param flows the flows in progress
	 * @param results the answers waiting for the SPA
	 * @param authentication exchanges codes for identities
	 * @param accounts the account rules, for the callback's early answers
	 * @param deployment the trusted origins and cookie attributes
	 * @param events publishes the audit trail
	 * @param basePath {@code spa-auth.base-path}
	 * @param spaUrl {@code spa-auth.spa-url}: where an answer that matches no flow is sent, or null
	 */
	public ProviderFlowController(ClientRegistrationRepository registrations, ProviderFlows flows,
			ProviderResults results, ProviderAuthentication authentication, ProviderAccounts accounts,
			Deployment deployment, SecurityEvents events, String basePath, @Nullable String spaUrl) {
		this.registrations = registrations;
		this.flows = flows;
		this.results = results;
		this.authentication = authentication;
		this.accounts = accounts;
		this.deployment = deployment;
		this.events = events;
		this.basePath = basePath;
		this.spaUrl = spaUrl;
		this.cookie = new FlowCookie(deployment);
	}

	/**
	 * Lists the providers the SPA can offer, by name.
	 * @return 200 {@code [{"id": "github", "name": "GitHub"}]}; empty when none is configured
	 */
	@GetMapping(path = "/providers", produces = MediaType.APPLICATION_JSON_VALUE)
	public List<ProviderBodies.Provider> providers() {
		List<ProviderBodies.Provider> providers = new ArrayList<>();
		if (this.registrations instanceof Iterable<?> all) {
			for (Object each : all) {
				if (each instanceof ClientRegistration registration
						&& AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.getAuthorizationGrantType())) {
					providers.add(new ProviderBodies.Provider(registration.getRegistrationId(), registration.getClientName()));
				}
			}
		}
		providers.sort(java.util.Comparator.comparing(ProviderBodies.Provider::name, String.CASE_INSENSITIVE_ORDER));
		return providers;
	}

	/**
	 * Starts a flow: a top-level navigation of the SPA's window.
	 * @param provider the registration id
	 * @param returnTo the SPA URL to come back to, on a trusted origin
	 * @param challenge base64url(SHA-256(verifier)) of a random verifier the SPA keeps (43 characters)
	 * @param intent {@code sign_in} (default), {@code link} or {@code reauthenticate}
	 * @param request the request
	 * @param response the response that gets the flow cookie
	 * @return 302 to the provider; 400 {@code validation_failed} for a missing or untrusted
	 * {@code returnTo}, a missing or malformed {@code challenge} or an unknown intent; 404
	 * {@code not_found} for an unknown provider
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.NOT_FOUND })
	@ApiResponse(responseCode = "302", description = "To the provider's authorization endpoint",
			headers = @Header(name = "Location", description = "The provider's authorization request"))
	@GetMapping("/oauth2/{provider}")
	public ResponseEntity<Void> start(@PathVariable String provider, @RequestParam(required = false) @Nullable String returnTo,
			@RequestParam(required = false) @Nullable String challenge,
			@RequestParam(defaultValue = "sign_in") String intent, HttpServletRequest request, HttpServletResponse response) {
		ClientRegistration registration = this.registrations.findByRegistrationId(provider);
		if (registration == null
				|| !AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.getAuthorizationGrantType())) {
			throw new ProblemException(ProblemCode.NOT_FOUND, "No sign-in provider is called '" + provider
					+ "'. GET " + this.basePath + "/providers lists them.");
		}
		FieldErrors errors = new FieldErrors();
		String returnToProblem = ReturnTo.problem(returnTo, this.deployment, request);
		if (returnToProblem != null) {
			errors.add("returnTo", returnToProblem);
		}
		if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{43}")) {
			errors.add("challenge", "Send challenge: base64url(SHA-256(verifier)) of a random verifier the SPA keeps "
					+ "for finishing (43 characters).");
		}
		Optional<Intent> parsed = Intent.of(intent);
		if (parsed.isEmpty()) {
			errors.add("intent", "Use sign_in, link or reauthenticate.");
		}
		errors.throwIfAny();
		OAuth2AuthorizationRequest authorization = AuthorizationRequests.resolve(this.registrations, registration,
				this.deployment.ownOrigin(request) + this.basePath, request);
		String browser = this.cookie.valueOrNew(request);
		this.flows.save(new ProviderFlows.Flow(Hashes.sha256Hex(browser), provider, parsed.get(), returnTo, challenge,
				authorization));
		this.cookie.set(browser, response);
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(authorization.getAuthorizationRequestUri())).build();
	}

	/**
	 * The provider's answer: the browser comes back here from the provider.
	 * @param provider the registration id in the path
	 * @param state the {@code state} the provider sent back
	 * @param code the authorization code, on success
	 * @param error the provider's error code, such as {@code access_denied}
	 * @param request the request
	 * @return 303 to {@code returnTo} with {@code authCode} or {@code authError}; to
	 * {@code spa-auth.spa-url} (or the first allowed origin, or the API's origin) with
	 * {@code authError=state_mismatch} when the state matches no flow
	 */
	@ApiResponse(responseCode = "303", description = "Back to the SPA with authCode or authError",
			headers = @Header(name = "Location", description = "The SPA's return URL"))
	@GetMapping("/oauth2/callback/{provider}")
	public ResponseEntity<Void> callback(@PathVariable String provider, @RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String code, @RequestParam(required = false) @Nullable String error,
			HttpServletRequest request) {
		Optional<ProviderFlows.Flow> taken = (state != null) ? this.flows.take(state) : Optional.empty();
		if (taken.isEmpty()) {
			return failed(fallback(request), ProblemCode.STATE_MISMATCH, request, provider);
		}
		ProviderFlows.Flow flow = taken.get();
		String browser = this.cookie.value(request);
		if (!flow.provider().equals(provider) || browser == null
				|| !Hashes.same(flow.browserHash(), Hashes.sha256Hex(browser))) {
			return failed(flow.returnTo(), ProblemCode.STATE_MISMATCH, request, provider);
		}
		if (error != null || code == null) {
			return failed(flow.returnTo(), "access_denied".equals(error) ? ProblemCode.CANCELLED : ProblemCode.PROVIDER_ERROR,
					request, provider);
		}
		ClientRegistration registration = this.registrations.findByRegistrationId(provider);
		ProviderIdentity identity;
		try {
			identity = this.authentication.authenticate(registration, flow.request(), code);
		}
		catch (OAuth2AuthenticationException ex) {
			logger.warn("Sign-in with " + provider + " failed: " + ex.getError());
			return failed(flow.returnTo(), ProblemCode.PROVIDER_ERROR, request, provider);
		}
		if (flow.intent() == Intent.SIGN_IN) {
			Optional<ProblemCode> problem = this.accounts.signInProblem(identity);
			if (problem.isPresent()) {
				return failed(flow.returnTo(), problem.get(), request, provider);
			}
		}
		String oneTimeCode = this.results.put(flow.intent(), identity, flow.challenge(), flow.browserHash());
		return redirect(ReturnTo.with(flow.returnTo(), "authCode", oneTimeCode));
	}

	private ResponseEntity<Void> failed(String returnTo, ProblemCode problem, HttpServletRequest request, String provider) {
		this.events.publish(SecurityEvent.Type.LOGIN_FAILED, request, null, provider + ": " + problem.code(), problem.code(),
				SecurityEvent.PROVIDER);
		return redirect(ReturnTo.with(returnTo, "authError", problem.code()));
	}

	private static ResponseEntity<Void> redirect(String location) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(URI.create(location))
			.header("Referrer-Policy", "no-referrer")
			.build();
	}

	private String fallback(HttpServletRequest request) {
		if (this.spaUrl != null) {
			return this.spaUrl;
		}
		if (!this.deployment.allowedOrigins().isEmpty()) {
			return this.deployment.allowedOrigins().get(0) + "/";
		}
		return this.deployment.ownOrigin(request) + "/";
	}

}
