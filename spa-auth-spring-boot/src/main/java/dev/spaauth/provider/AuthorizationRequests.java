package dev.spaauth.provider;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Builds authorization requests with Spring Security's resolver: a random {@code state}, PKCE (S256)
 * for every client, confidential ones too (RFC 9700 section 2.1.1), and a {@code nonce} for OpenID
 * Connect. A registration that leaves {@code redirect-uri} at Spring's default gets spa-auth's
 * callback, {@code <API origin><base-path>/oauth2/callback/<id>}, which sits under the API's path (a
 * proxy that forwards only {@code /api/} forwards it too).
 */
final class AuthorizationRequests {

	/** The redirect URI templates Spring and Boot give a registration that sets none. */
	private static final List<String> DEFAULT_REDIRECT_URIS = List.of("{baseUrl}/{action}/oauth2/code/{registrationId}",
			"{baseUrl}/login/oauth2/code/{registrationId}");

	private AuthorizationRequests() {
	}

	/**
	 * Builds the authorization request of a flow.
	 * @param registrations every registration
	 * @param registration the provider's
	 * @param apiBase the API's origin and base path, such as {@code https://api.example.com/api/auth}
	 * @param request the request that starts the flow
	 * @return the request, with its PKCE verifier and nonce among its attributes
	 */
	static OAuth2AuthorizationRequest resolve(ClientRegistrationRepository registrations, ClientRegistration registration,
			String apiBase, HttpServletRequest request) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				"/oauth2");
		String callback = apiBase + "/oauth2/callback/" + registration.getRegistrationId();
		boolean defaultRedirect = DEFAULT_REDIRECT_URIS.contains(registration.getRedirectUri());
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce().andThen((builder) -> {
			if (defaultRedirect) {
				builder.redirectUri(callback);
			}
		}));
		return resolver.resolve(request, registration.getRegistrationId());
	}

}
