package dev.spaauth.provider;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Bodies of the provider sign-in endpoints ({@link ProviderFlowController}, {@link ProviderSignInController}). */
public final class ProviderBodies {

	private ProviderBodies() {
	}

	/**
	 * A configured provider.
	 *
	 * @param id the registration id, for {@code {base-path}/oauth2/{id}}
	 * @param name the name to show ({@code client-name}, or the id)
	 */
	public record Provider(String id, String name) {
	}

	/**
	 * Body of a finish.
	 *
	 * @param code the {@code authCode} parameter of the return URL
	 * @param verifier the verifier whose S256 challenge started the flow
	 */
	public record FinishRequest(@Nullable String code, @Nullable String verifier) {
	}

	/**
	 * Answer of a link.
	 *
	 * @param linked the identity linked
	 * @param identities all the account's identities
	 */
	public record Linked(LinkedIdentitiesController.Identity linked, List<LinkedIdentitiesController.Identity> identities) {
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
