package dev.spaauth.passkey;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;

/**
 * WebAuthn's JSON forms, through Spring Security's Jackson module, on a mapper of its own (the
 * application's mapper is left alone): options as {@code PublicKeyCredential.parseCreationOptionsFromJSON}
 * and {@code parseRequestOptionsFromJSON} read them (W3C WebAuthn Level 3, section 5.1.9-10:
 * base64url byte strings), and credentials as {@code PublicKeyCredential.toJSON()} writes them.
 */
final class PasskeyJson {

	private final JsonMapper mapper = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	private final JavaType attestation = this.mapper.getTypeFactory()
		.constructParametricType(PublicKeyCredential.class, AuthenticatorAttestationResponse.class);

	private final JavaType assertion = this.mapper.getTypeFactory()
		.constructParametricType(PublicKeyCredential.class, AuthenticatorAssertionResponse.class);

	/** Writes options as the browser's JSON parsers read them. */
	JsonNode write(Object options) {
		return this.mapper.valueToTree(options);
	}

	/**
	 * Reads a registration's credential.
	 * @throws PasskeyRejectedException when it is not a well-formed attestation credential
	 */
	PublicKeyCredential<AuthenticatorAttestationResponse> attestation(JsonNode credential) {
		return read(credential, this.attestation);
	}

	/**
	 * Reads a sign-in's credential.
	 * @throws PasskeyRejectedException when it is not a well-formed assertion credential
	 */
	PublicKeyCredential<AuthenticatorAssertionResponse> assertion(JsonNode credential) {
		return read(credential, this.assertion);
	}

	/**
	 * Returns the challenge the browser signed, from the client data (W3C WebAuthn section 5.8.1).
	 * @throws PasskeyRejectedException when the client data is not JSON with a challenge
	 */
	String challengeOf(Bytes clientDataJson) {
		try {
			JsonNode challenge = this.mapper.readTree(clientDataJson.getBytes()).get("challenge");
			if (challenge == null || !challenge.isString() || challenge.asString().length() > 100) {
				throw new PasskeyRejectedException("The passkey's answer names no challenge.");
			}
			return challenge.asString();
		}
		catch (JacksonException ex) {
			throw new PasskeyRejectedException("The passkey's client data is not JSON.");
		}
	}

	private <T> T read(JsonNode credential, JavaType type) {
		try {
			T value = this.mapper.treeToValue(credential, type);
			if (value == null) {
				throw new PasskeyRejectedException("The credential is missing.");
			}
			return value;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new PasskeyRejectedException(
					"The credential is not what navigator.credentials answers; send PublicKeyCredential.toJSON().");
		}
	}

}
