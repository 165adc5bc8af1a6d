package dev.spaauth.testapp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey in software, for tests below the browser: an ES256 key pair with "none" attestation,
 * answering the server's options as {@code navigator.credentials} plus {@code PublicKeyCredential.toJSON()}
 * would, for a page of a given origin. User presence and user verification are set unless turned off,
 * and the signature counter stays 0, as with synced passkeys. The browser suite drives Chromium's
 * virtual authenticator instead.
 */
public final class SoftwarePasskey {

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private static final JsonMapper JSON = JsonMapper.shared();

	private final KeyPair keys;

	private final byte[] credentialId = new byte[16];

	private byte[] userHandle = new byte[0];

	private String rpId = "";

	private boolean userVerified = true;

	public SoftwarePasskey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		new SecureRandom().nextBytes(this.credentialId);
	}

	/** Answers without the user-verified flag from now on, as an authenticator without a PIN would. */
	public SoftwarePasskey withoutUserVerification() {
		this.userVerified = false;
		return this;
	}

	/** Returns the credential id, base64url: the passkey's id in the API. */
	public String id() {
		return B64.encodeToString(this.credentialId);
	}

	/** Answers creation options ({@code navigator.credentials.create}) for a page of the origin. */
	public Map<String, Object> create(JsonNode options, String origin) {
		this.rpId = options.get("rp").get("id").asString();
		this.userHandle = Base64.getUrlDecoder().decode(options.get("user").get("id").asString());
		byte[] clientData = clientData("webauthn.create", options.get("challenge").asString(), origin);
		AttestedCredentialData credential = new AttestedCredentialData(AAGUID.ZERO, this.credentialId,
				EC2COSEKey.create((ECPublicKey) this.keys.getPublic(), COSEAlgorithmIdentifier.ES256));
		AuthenticatorData<com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(
				sha256(this.rpId.getBytes(StandardCharsets.UTF_8)), (byte) (flags() | AuthenticatorData.BIT_AT), 0,
				credential);
		byte[] attestation = new AttestationObjectConverter(new ObjectConverter())
			.convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("clientDataJSON", B64.encodeToString(clientData));
		response.put("attestationObject", B64.encodeToString(attestation));
		response.put("transports", List.of("internal"));
		return credential(response);
	}

	/** Answers request options ({@code navigator.credentials.get}) for a page of the origin. */
	public Map<String, Object> get(JsonNode options, String origin) {
		return get(options.get("challenge").asString(), options.get("rpId").asString(), origin);
	}

	/** Signs a challenge for an RP id, from a page of the origin. */
	public Map<String, Object> get(String challenge, String rpId, String origin) {
		byte[] clientData = clientData("webauthn.get", challenge, origin);
		byte[] authenticatorData = ByteBuffer.allocate(37)
			.put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
			.put(flags())
			.putInt(0)
			.array();
		byte[] signature;
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(this.keys.getPrivate());
			signer.update(authenticatorData);
			signer.update(sha256(clientData));
			signature = signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("clientDataJSON", B64.encodeToString(clientData));
		response.put("authenticatorData", B64.encodeToString(authenticatorData));
		response.put("signature", B64.encodeToString(signature));
		response.put("userHandle", B64.encodeToString(this.userHandle));
		return credential(response);
	}

	private byte flags() {
		return (byte) (AuthenticatorData.BIT_UP | (this.userVerified ? AuthenticatorData.BIT_UV : 0));
	}

	private Map<String, Object> credential(Map<String, Object> response) {
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", id());
		credential.put("rawId", id());
		credential.put("type", "public-key");
		credential.put("response", response);
		credential.put("clientExtensionResults", Map.of());
		credential.put("authenticatorAttachment", "platform");
		return credential;
	}

	private static byte[] clientData(String type, String challenge, String origin) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", type);
		data.put("challenge", challenge);
		data.put("origin", origin);
		data.put("crossOrigin", false);
		return JSON.writeValueAsBytes(data);
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
