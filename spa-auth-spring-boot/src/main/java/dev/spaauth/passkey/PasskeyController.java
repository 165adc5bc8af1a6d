package dev.spaauth.passkey;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.mail.Notices;
import dev.spaauth.mfa.SecondFactors;
import dev.spaauth.mfa.TwoStepLogIn;
import dev.spaauth.problem.FieldErrors;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.session.Reauthentication;
import dev.spaauth.user.SpaAuthUser;

/**
 * The signed-in user's passkeys under {@code {base-path}/passkeys}: list, register (fresh session),
 * rename, delete (fresh session). Every operation acts on the session's own account only: a passkey
 * of another account answers 404, as one that does not exist. Adding and deleting one mails the
 * account. Deleting is never the end of signing in: every account keeps its password.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}/passkeys", produces = MediaType.APPLICATION_JSON_VALUE)
public class PasskeyController {

	/** Longest label, in characters. */
	static final int MAX_LABEL_LENGTH = 64;

	private final Passkeys passkeys;

	private final PasskeyCredentials credentials;

	private final Reauthentication reauthentication;

	private final Notices notices;

	private final SecurityEvents events;

	private final TwoStepLogIn twoStep;

	private final SecondFactors secondFactors;

	/**
	 * Creates the controller.
	 * @param passkeys the ceremonies
	 * @param credentials the stored passkeys
	 * @param reauthentication requires a fresh session for changes
	 * @param notices mails the account
	 * @param events publishes the audit trail
	 * @param twoStep keeps the session's record of the second-factor methods
	 * @param secondFactors the account's second-factor methods
	 */
	public PasskeyController(Passkeys passkeys, PasskeyCredentials credentials, Reauthentication reauthentication,
			Notices notices, SecurityEvents events, TwoStepLogIn twoStep, SecondFactors secondFactors) {
		this.passkeys = passkeys;
		this.credentials = credentials;
		this.reauthentication = reauthentication;
		this.notices = notices;
		this.events = events;
		this.twoStep = twoStep;
		this.secondFactors = secondFactors;
	}

	/**
	 * Lists the account's passkeys.
	 * @param user the signed-in user
	 * @return 200 {@code {"passkeys": [{"id", "label", "createdAt", "lastUsedAt"}]}}, oldest first
	 */
	@GetMapping
	public PasskeyList list(@AuthenticationPrincipal SpaAuthUser user) {
		return new PasskeyList(this.credentials.list(user.getId()));
	}

	/**
	 * Starts registering a passkey.
	 * @param user the signed-in user
	 * @param request the request
	 * @return 200 with the creation options for {@code PublicKeyCredential.parseCreationOptionsFromJSON};
	 * 403 {@code reauthentication_required}
	 */
	@ProblemResponses({ ProblemCode.REAUTHENTICATION_REQUIRED, ProblemCode.PASSKEYS_UNAVAILABLE })
	@PostMapping("/registration-options")
	public JsonNode registrationOptions(@AuthenticationPrincipal SpaAuthUser user, HttpServletRequest request) {
		this.reauthentication.requireFresh(request);
		return this.passkeys.registrationOptions(user, request);
	}

	/**
	 * Registers a passkey with the browser's answer.
	 * @param user the signed-in user
	 * @param body the credential ({@code PublicKeyCredential.toJSON()}) and a label
	 * @param request the request
	 * @return 201 with the passkey; 400 {@code passkey_rejected}; 400 {@code validation_failed}; 403
	 * {@code reauthentication_required}
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.PASSKEY_REJECTED,
			ProblemCode.REAUTHENTICATION_REQUIRED })
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	public PasskeyCredentials.Passkey register(@AuthenticationPrincipal SpaAuthUser user,
			@RequestBody RegistrationBody body, HttpServletRequest request) {
		this.reauthentication.requireFresh(request);
		FieldErrors errors = new FieldErrors();
		if (body.credential() == null || !body.credential().isObject()) {
			errors.add("credential", "Credential is required: send PublicKeyCredential.toJSON().");
		}
		String label = label(body.label(), errors);
		errors.throwIfAny();
		PasskeyCredentials.Passkey passkey = this.passkeys.register(user, body.credential(), label, request);
		this.twoStep.rememberMethods(request.getSession(false), this.secondFactors.methods(user.getId()));
		this.notices.passkeyAdded(user.getEmail(), passkey.label());
		this.events.publish(SecurityEvent.Type.FACTOR_ADDED, request, user.getUsername(), "webauthn");
		return passkey;
	}

	/**
	 * Renames a passkey.
	 * @param user the signed-in user
	 * @param id the passkey's id
	 * @param body the new label
	 * @return 200 with the passkey; 400 {@code validation_failed}; 404 for no passkey of this account
	 */
	@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.NOT_FOUND })
	@PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	public PasskeyCredentials.Passkey rename(@AuthenticationPrincipal SpaAuthUser user, @PathVariable String id,
			@RequestBody LabelBody body) {
		FieldErrors errors = new FieldErrors();
		errors.require("label", "Label", body.label());
		String label = label(body.label(), errors);
		errors.throwIfAny();
		if (!this.credentials.rename(user.getId(), id, label)) {
			throw notFound();
		}
		return this.credentials.find(user.getId(), id).orElseThrow(PasskeyController::notFound);
	}

	/**
	 * Deletes a passkey.
	 * @param user the signed-in user
	 * @param id the passkey's id
	 * @param request the request
	 * @return 204; 403 {@code reauthentication_required}; 404 for no passkey of this account
	 */
	@ProblemResponses({ ProblemCode.REAUTHENTICATION_REQUIRED, ProblemCode.NOT_FOUND })
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public void delete(@AuthenticationPrincipal SpaAuthUser user, @PathVariable String id, HttpServletRequest request) {
		this.reauthentication.requireFresh(request);
		PasskeyCredentials.Passkey passkey = this.credentials.find(user.getId(), id).orElseThrow(PasskeyController::notFound);
		if (!this.credentials.delete(user.getId(), id)) {
			throw notFound();
		}
		this.twoStep.rememberMethods(request.getSession(false), this.secondFactors.methods(user.getId()));
		this.notices.passkeyRemoved(user.getEmail(), passkey.label());
		this.events.publish(SecurityEvent.Type.FACTOR_REMOVED, request, user.getUsername(), "webauthn");
	}

	private static String label(@Nullable String label, FieldErrors errors) {
		String trimmed = (label != null) ? label.strip() : "";
		if (trimmed.length() > MAX_LABEL_LENGTH) {
			errors.add("label", "Label is longer than " + MAX_LABEL_LENGTH + " characters.");
		}
		return trimmed.isEmpty() ? "Passkey" : trimmed;
	}

	private static ProblemException notFound() {
		return new ProblemException(ProblemCode.NOT_FOUND, "You have no passkey with this id.");
	}

	/**
	 * The account's passkeys.
	 *
	 * @param passkeys oldest first
	 */
	public record PasskeyList(List<PasskeyCredentials.Passkey> passkeys) {
	}

	/**
	 * Body of a registration.
	 *
	 * @param credential the browser's {@code PublicKeyCredential.toJSON()}
	 * @param label the name the user gives the passkey; "Passkey" when blank
	 */
	public record RegistrationBody(@Nullable JsonNode credential, @Nullable String label) {
	}

	/**
	 * Body of a rename.
	 *
	 * @param label the new name
	 */
	public record LabelBody(@Nullable String label) {
	}

}
