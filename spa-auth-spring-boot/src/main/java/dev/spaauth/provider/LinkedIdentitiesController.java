package dev.spaauth.provider;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.mail.Notices;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.user.SpaAuthUser;

/**
 * The signed-in account's linked identities: {@code GET {base-path}/identities} and
 * {@code DELETE {base-path}/identities/{id}} (fresh session; never the last way to sign in).
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
public class LinkedIdentitiesController {

	private final ProviderAccounts accounts;

	private final LinkedIdentities identities;

	private final ClientRegistrationRepository registrations;

	private final Reauthentication reauthentication;

	private final SecurityEvents events;

	private final Notices notices;

	/**
	 * Creates the controller.
	 * @param accounts the account rules
	 * @param identities the linked identities
	 * @param registrations the providers, for their names
	 * @param reauthentication requires fresh sessions
	 * @param events publishes the audit trail
	 * @param notices mails about unlinked identities
	 */
	public LinkedIdentitiesController(ProviderAccounts accounts, LinkedIdentities identities,
			ClientRegistrationRepository registrations, Reauthentication reauthentication, SecurityEvents events,
			Notices notices) {
		this.accounts = accounts;
		this.identities = identities;
		this.registrations = registrations;
		this.reauthentication = reauthentication;
		this.events = events;
		this.notices = notices;
	}

	/**
	 * Lists the signed-in account's linked identities and whether it has a password.
	 * @param user the signed-in user
	 * @return 200 {@code {"identities": [{"id", "provider", "providerName", "email", "linkedAt",
	 * "lastUsedAt"}], "hasPassword"}}
	 */
	@GetMapping("/identities")
	public Identities identities(@AuthenticationPrincipal SpaAuthUser user) {
		return new Identities(list(user), this.accounts.hasPassword(user));
	}

	/**
	 * Unlinks one of the signed-in account's identities (fresh session).
	 * @param user the signed-in user
	 * @param id the identity's id
	 * @param request the request
	 * @return 200 with the identities left; 403 {@code reauthentication_required}; 404
	 * {@code not_found}; 409 {@code last_sign_in_method}
	 */
	@ProblemResponses({ ProblemCode.REAUTHENTICATION_REQUIRED, ProblemCode.NOT_FOUND,
			ProblemCode.LAST_SIGN_IN_METHOD })
	@DeleteMapping("/identities/{id}")
	public Identities unlink(@AuthenticationPrincipal SpaAuthUser user, @PathVariable long id, HttpServletRequest request) {
		this.reauthentication.requireFresh(request);
		LinkedIdentities.Linked unlinked = this.accounts.unlink(user, id);
		this.events.publish(SecurityEvent.Type.IDENTITY_UNLINKED, request, user.getUsername(), unlinked.provider());
		this.notices.identityUnlinked(user.getEmail(), name(unlinked.provider()));
		return identities(user);
	}

	private List<Identity> list(SpaAuthUser user) {
		return list(this.identities, this.registrations, user);
	}

	private String name(String provider) {
		return name(this.registrations, provider);
	}

	static List<Identity> list(LinkedIdentities identities, ClientRegistrationRepository registrations, SpaAuthUser user) {
		return identities.list(user.getId())
			.stream()
			.map((linked) -> new Identity(linked.id(), linked.provider(), name(registrations, linked.provider()),
					linked.email(), linked.linkedAt(), linked.lastUsedAt()))
			.toList();
	}

	static String name(ClientRegistrationRepository registrations, String provider) {
		ClientRegistration registration = registrations.findByRegistrationId(provider);
		return (registration != null) ? registration.getClientName() : provider;
	}

	/**
	 * A linked identity.
	 *
	 * @param id its id, for unlinking
	 * @param provider the registration id
	 * @param providerName the provider's name to show
	 * @param email the address the provider gave when it was linked, or null
	 * @param linkedAt when it was linked
	 * @param lastUsedAt when it last signed in or confirmed, or null
	 */
	public record Identity(long id, String provider, String providerName, @Nullable String email, Instant linkedAt,
			@Nullable Instant lastUsedAt) {
	}

	/**
	 * The account's ways in besides passkeys.
	 *
	 * @param identities the linked identities
	 * @param hasPassword whether the account has a password its owner chose
	 */
	public record Identities(List<Identity> identities, boolean hasPassword) {
	}

}
