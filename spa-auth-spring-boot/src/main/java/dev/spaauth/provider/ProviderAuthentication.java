package dev.spaauth.provider;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.spaauth.user.EmailAddresses;

/**
 * Turns a provider's authorization code into an identity with Spring Security's OAuth 2.0 client: the
 * token request with the PKCE verifier, for OpenID Connect the ID token's signature, issuer, audience
 * and {@code nonce} (OpenID Connect Core 1.0 section 3.1.3.7) and the UserInfo endpoint, for plain
 * OAuth 2.0 the registration's user-info endpoint. GitHub (registration id {@code github}, or a
 * user-info URI of {@code https://api.github.com/user}) gives no verified email there, so its
 * {@code /user/emails} is asked for the primary address and whether GitHub verified it.
 */
public class ProviderAuthentication {

	private static final String GITHUB_USER = "https://api.github.com/user";

	private static final int MAX_SUBJECT_LENGTH = 255;

	private static final int MAX_NAME_LENGTH = 100;

	private final AuthenticationManager providers;

	private final RestClient rest;

	/**
	 * Creates the exchange with Spring Security's default clients.
	 * @param rest calls GitHub's emails endpoint
	 */
	public ProviderAuthentication(RestClient rest) {
		RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
		this.providers = new ProviderManager(new OidcAuthorizationCodeAuthenticationProvider(tokens, new OidcUserService()),
				new OAuth2LoginAuthenticationProvider(tokens, new DefaultOAuth2UserService()));
		this.rest = rest;
	}

	/**
	 * Exchanges the code and reads the identity.
	 * @param registration the provider
	 * @param request the authorization request the code answers
	 * @param code the code from the callback
	 * @return the identity
	 * @throws OAuth2AuthenticationException when the provider refuses the code, the ID token is not
	 * valid (signature, issuer, audience, nonce, expiry), or the user information cannot be read
	 */
	public ProviderIdentity authenticate(ClientRegistration registration, OAuth2AuthorizationRequest request,
			String code) {
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
			.redirectUri(request.getRedirectUri())
			.state(request.getState())
			.build();
		OAuth2LoginAuthenticationToken result = (OAuth2LoginAuthenticationToken) this.providers
			.authenticate(new OAuth2LoginAuthenticationToken(registration, new OAuth2AuthorizationExchange(request, response)));
		return checked(identity(registration, result));
	}

	private ProviderIdentity identity(ClientRegistration registration, OAuth2LoginAuthenticationToken result) {
		OAuth2User user = Objects.requireNonNull(result.getPrincipal());
		String provider = registration.getRegistrationId();
		if (user instanceof OidcUser oidc) {
			return new ProviderIdentity(provider, oidc.getSubject(), oidc.getEmail(),
					Boolean.TRUE.equals(oidc.getEmailVerified()),
					(oidc.getFullName() != null) ? oidc.getFullName() : oidc.getPreferredUsername());
		}
		String name = string(user.getAttributes().get("login"));
		if (name == null) {
			name = string(user.getAttributes().get("name"));
		}
		if (isGitHub(registration)) {
			PrimaryEmail primary = gitHubPrimaryEmail(registration, result.getAccessToken().getTokenValue());
			return new ProviderIdentity(provider, user.getName(), (primary != null) ? primary.email() : null,
					primary != null && primary.verified(), name);
		}
		Object verified = user.getAttributes().get("email_verified");
		return new ProviderIdentity(provider, user.getName(), string(user.getAttributes().get("email")),
				Boolean.TRUE.equals(verified) || "true".equals(verified), name);
	}

	/**
	 * Keeps what the provider said within what spa-auth stores: a subject of at most 255 characters
	 * (else the answer is refused), an email address only when it is one spa-auth accepts (else none,
	 * and not verified), a display name of at most 100 characters.
	 */
	private static ProviderIdentity checked(ProviderIdentity identity) {
		if (identity.subject().isBlank() || identity.subject().length() > MAX_SUBJECT_LENGTH) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info_response",
					"The provider's subject is empty or longer than " + MAX_SUBJECT_LENGTH + " characters", null));
		}
		String email = (identity.email() != null) ? identity.email().strip() : null;
		boolean valid = email != null && EmailAddresses.isValid(email);
		String name = (identity.name() != null && !identity.name().isBlank()) ? identity.name().strip() : null;
		if (name != null && name.length() > MAX_NAME_LENGTH) {
			name = name.substring(0, MAX_NAME_LENGTH);
		}
		return new ProviderIdentity(identity.provider(), identity.subject(), valid ? email : null,
				valid && identity.emailVerified(), name);
	}

	private static boolean isGitHub(ClientRegistration registration) {
		return "github".equals(registration.getRegistrationId())
				|| GITHUB_USER.equals(registration.getProviderDetails().getUserInfoEndpoint().getUri());
	}

	private @Nullable PrimaryEmail gitHubPrimaryEmail(ClientRegistration registration, String accessToken) {
		String uri = registration.getProviderDetails().getUserInfoEndpoint().getUri() + "/emails";
		List<Map<String, Object>> emails;
		try {
			emails = this.rest.get()
				.uri(uri)
				.accept(MediaType.APPLICATION_JSON)
				.headers((headers) -> headers.setBearerAuth(accessToken))
				.retrieve()
				.body(new ParameterizedTypeReference<List<Map<String, Object>>>() {
				});
		}
		catch (RestClientException ex) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info_response",
					"GitHub's email addresses could not be read; is the user:email scope granted?", null), ex);
		}
		if (emails == null) {
			return null;
		}
		return emails.stream()
			.filter((email) -> Boolean.TRUE.equals(email.get("primary")) && email.get("email") instanceof String)
			.map((email) -> new PrimaryEmail((String) email.get("email"), Boolean.TRUE.equals(email.get("verified"))))
			.findFirst()
			.orElse(null);
	}

	private static @Nullable String string(@Nullable Object value) {
		return (value instanceof String text && !text.isBlank()) ? text : (value instanceof Number n) ? n.toString() : null;
	}

	private record PrimaryEmail(String email, boolean verified) {
	}

}
