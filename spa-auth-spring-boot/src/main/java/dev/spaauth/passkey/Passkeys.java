package dev.spaauth.passkey;

import java.util.List;
import java.util.function.Supplier;

import com.webauthn4j.WebAuthnManager;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.DataAccessException;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

import dev.spaauth.passkey.PasskeyCeremonies.Purpose;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;

/**
 * The passkey ceremonies, on Spring Security's {@link Webauthn4JRelyingPartyOperations}: options for
 * the browser, and the verification of its answer (challenge, origin, RP id hash, signature, user
 * presence and user verification, W3C WebAuthn sections 7.1 and 7.2). User verification is required
 * at registration and at every use, so a passkey proves possession and the PIN or biometric that
 * unlocks it: two factors (NIST SP 800-63B section 5.1.9, multi-factor cryptographic authenticator).
 */
public class Passkeys {

	private static final Logger logger = LoggerFactory.getLogger(Passkeys.class);

	private final RelyingParty relyingParty;

	private final PasskeyCeremonies ceremonies;

	private final PasskeyCredentials credentials;

	private final PasskeyUserHandles handles;

	private final UserAccounts accounts;

	private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager();

	private final PasskeyJson json = new PasskeyJson();

	/**
	 * Creates the ceremonies.
	 * @param relyingParty the RP id and origins
	 * @param ceremonies the challenges in progress
	 * @param credentials the passkeys
	 * @param handles the accounts' user handles
	 * @param accounts finds the account a passkey belongs to
	 */
	public Passkeys(RelyingParty relyingParty, PasskeyCeremonies ceremonies, PasskeyCredentials credentials,
			PasskeyUserHandles handles, UserAccounts accounts) {
		this.relyingParty = relyingParty;
		this.ceremonies = ceremonies;
		this.credentials = credentials;
		this.handles = handles;
		this.accounts = accounts;
	}

	/**
	 * Starts registering a passkey on an account.
	 * @param user the signed-in account
	 * @param request the request, for the relying party
	 * @return the creation options, as {@code PublicKeyCredential.parseCreationOptionsFromJSON} reads them
	 */
	public JsonNode registrationOptions(SpaAuthUser user, HttpServletRequest request) {
		PublicKeyCredentialUserEntity entity = this.handles.findOrCreate(user);
		Bytes challenge = this.ceremonies.start(Purpose.REGISTER, user.getId());
		return this.json.write(creationOptions(challenge, entity, this.relyingParty.forRequest(request),
				descriptors(entity.getId())));
	}

	/**
	 * Verifies and stores a new passkey.
	 * @param user the signed-in account
	 * @param credential the browser's {@code PublicKeyCredential.toJSON()}
	 * @param label the name the user gives it
	 * @param request the request, for the relying party
	 * @return the stored passkey
	 * @throws PasskeyRejectedException when the answer is not accepted
	 */
	public PasskeyCredentials.Passkey register(SpaAuthUser user, JsonNode credential, String label,
			HttpServletRequest request) {
		PublicKeyCredential<AuthenticatorAttestationResponse> attestation = this.json.attestation(credential);
		String challenge = this.json.challengeOf(attestation.getResponse().getClientDataJSON());
		PasskeyCeremonies.Ceremony ceremony = this.ceremonies.finish(challenge, Purpose.REGISTER)
			.filter((c) -> c.userId() != null && c.userId() == user.getId())
			.orElseThrow(PasskeyRejectedException::expired);
		RelyingParty.Settings rp = this.relyingParty.forRequest(request);
		PublicKeyCredentialCreationOptions options = creationOptions(ceremony.challenge(), this.handles.findOrCreate(user),
				rp, List.of());
		CredentialRecord record = verify(() -> operations(rp).registerCredential(
				new ImmutableRelyingPartyRegistrationRequest(options, new RelyingPartyPublicKey(attestation, label))));
		return this.credentials.find(user.getId(), record.getCredentialId().toBase64UrlString())
			.orElseThrow(() -> new IllegalStateException("The passkey just stored is missing"));
	}

	/**
	 * Starts a ceremony that uses a passkey: a sign-in (any account's passkey) or a re-authentication
	 * (one of the account's).
	 * @param purpose {@link Purpose#SIGN_IN} or {@link Purpose#REAUTHENTICATE}
	 * @param user the signed-in account for a re-authentication, else null
	 * @param request the request, for the relying party
	 * @return the request options, as {@code PublicKeyCredential.parseRequestOptionsFromJSON} reads them
	 */
	public JsonNode requestOptions(Purpose purpose, @Nullable SpaAuthUser user,
			HttpServletRequest request) {
		Bytes challenge = this.ceremonies.start(purpose, (user != null) ? user.getId() : null);
		PublicKeyCredentialUserEntity entity = (user != null) ? this.handles.findByUsername(user.getUsername()) : null;
		List<PublicKeyCredentialDescriptor> allowed = (entity != null) ? descriptors(entity.getId()) : List.of();
		return this.json.write(requestOptions(challenge, this.relyingParty.forRequest(request), allowed));
	}

	/**
	 * Verifies a passkey's assertion.
	 * @param purpose the ceremony's purpose
	 * @param credential the browser's {@code PublicKeyCredential.toJSON()}
	 * @param request the request, for the relying party
	 * @return the account the passkey belongs to
	 * @throws PasskeyRejectedException when the answer is not accepted
	 */
	public SpaAuthUser authenticate(Purpose purpose, JsonNode credential, HttpServletRequest request) {
		PublicKeyCredential<AuthenticatorAssertionResponse> assertion = this.json.assertion(credential);
		String challenge = this.json.challengeOf(assertion.getResponse().getClientDataJSON());
		PasskeyCeremonies.Ceremony ceremony = this.ceremonies.finish(challenge, purpose)
			.orElseThrow(PasskeyRejectedException::expired);
		RelyingParty.Settings rp = this.relyingParty.forRequest(request);
		PublicKeyCredentialUserEntity entity = verify(() -> operations(rp).authenticate(
				new RelyingPartyAuthenticationRequest(requestOptions(ceremony.challenge(), rp, List.of()), assertion)));
		SpaAuthUser user = this.accounts.findByUsername(entity.getName())
			.orElseThrow(() -> new PasskeyRejectedException("This passkey's account no longer exists."));
		if (ceremony.userId() != null && ceremony.userId() != user.getId()) {
			throw new PasskeyRejectedException("This passkey belongs to another account. Use one of yours.");
		}
		return user;
	}

	/** The descriptors of an account's passkeys, to exclude at registration or allow at re-authentication. */
	private List<PublicKeyCredentialDescriptor> descriptors(Bytes userHandle) {
		return this.credentials.findByUserId(userHandle)
			.stream()
			.map((record) -> PublicKeyCredentialDescriptor.builder()
				.id(record.getCredentialId())
				.transports(record.getTransports())
				.build())
			.toList();
	}

	private Webauthn4JRelyingPartyOperations operations(RelyingParty.Settings rp) {
		Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(this.handles,
				this.credentials, rpEntity(rp), rp.origins());
		operations.setWebAuthnManager(this.manager);
		return operations;
	}

	private static <T> T verify(Supplier<T> ceremony) {
		try {
			return ceremony.get();
		}
		catch (DataAccessException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.debug("Passkey answer refused", ex);
			throw new PasskeyRejectedException("This passkey's answer was not accepted (another site, another device, "
					+ "or no PIN or biometric check). Try again, or use your password.");
		}
	}

	private static PublicKeyCredentialRpEntity rpEntity(RelyingParty.Settings rp) {
		return PublicKeyCredentialRpEntity.builder().id(rp.rpId()).name(rp.name()).build();
	}

	private static PublicKeyCredentialCreationOptions creationOptions(Bytes challenge,
			PublicKeyCredentialUserEntity entity, RelyingParty.Settings rp, List<PublicKeyCredentialDescriptor> exclude) {
		return PublicKeyCredentialCreationOptions.builder()
			.attestation(AttestationConveyancePreference.NONE)
			.pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
					PublicKeyCredentialParameters.RS256)
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.userVerification(UserVerificationRequirement.REQUIRED)
				.residentKey(ResidentKeyRequirement.REQUIRED)
				.build())
			.challenge(challenge)
			.extensions(new ImmutableAuthenticationExtensionsClientInputs(ImmutableAuthenticationExtensionsClientInput.credProps))
			.timeout(PasskeyCeremonies.LIFETIME)
			.user(entity)
			.rp(rpEntity(rp))
			.excludeCredentials(exclude)
			.build();
	}

	private static PublicKeyCredentialRequestOptions requestOptions(Bytes challenge, RelyingParty.Settings rp,
			List<PublicKeyCredentialDescriptor> allowed) {
		return PublicKeyCredentialRequestOptions.builder()
			.allowCredentials(allowed)
			.challenge(challenge)
			.rpId(rp.rpId())
			.timeout(PasskeyCeremonies.LIFETIME)
			.userVerification(UserVerificationRequirement.REQUIRED)
			.build();
	}

}
