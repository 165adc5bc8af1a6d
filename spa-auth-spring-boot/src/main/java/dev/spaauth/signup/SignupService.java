package dev.spaauth.signup;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import dev.spaauth.problem.FieldErrors;
import dev.spaauth.user.AccountCreatedEvent;
import dev.spaauth.user.EmailAddresses;
import dev.spaauth.user.PasswordPolicy;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;

/**
 * Creates an account from a sign-up: checks every field (and reports all that are wrong at once),
 * hashes the password, stores the account and publishes {@link AccountCreatedEvent} in one
 * transaction, so a listener that grants roles sees them stored with the account or not at all.
 * Signing up tells whether a username or email is taken; that is inherent to choosing one.
 */
public final class SignupService {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,50}");

	private static final String USERNAME_TAKEN = "This username is taken. Choose another.";

	private static final String EMAIL_TAKEN = "An account with this email exists. Log in instead.";

	private final UserAccounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	/**
	 * Creates the service.
	 * @param accounts the account store
	 * @param passwordEncoder hashes the password
	 * @param passwordPolicy judges the password
	 * @param transactions runs the insert and the event in one transaction
	 * @param events publishes {@link AccountCreatedEvent}
	 */
	public SignupService(UserAccounts accounts, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
			TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.transactions = transactions;
		this.events = events;
	}

	/**
	 * Creates the account.
	 * @param body the submitted username, email and password; username and email are stripped
	 * @return the new account with the roles listeners granted, without its password hash
	 * @throws dev.spaauth.problem.ValidationFailedException for a missing, malformed or taken username
	 * or email, or a weak password, naming every such field
	 */
	public SpaAuthUser create(SignupRequest body) {
		FieldErrors errors = new FieldErrors();
		String username = strip(body.username());
		String email = strip(body.email());
		if (errors.require("username", "Username", username) && !USERNAME.matcher(username).matches()) {
			errors.add("username", "Use 3 to 50 letters, digits, '.', '_' or '-'.");
		}
		EmailAddresses.check(errors, "email", "Email", email);
		if (errors.require("password", "Password", body.password())) {
			this.passwordPolicy
				.check(body.password(), List.of((username != null) ? username : "", (email != null) ? email : ""))
				.ifPresent((message) -> errors.add("password", message));
		}
		if (!errors.has("username") && this.accounts.usernameTaken(username)) {
			errors.add("username", USERNAME_TAKEN);
		}
		if (!errors.has("email") && this.accounts.emailTaken(email)) {
			errors.add("email", EMAIL_TAKEN);
		}
		errors.throwIfAny();
		String hash = this.passwordEncoder.encode(body.password());
		try {
			return this.transactions.execute((status) -> {
				SpaAuthUser created = this.accounts.create(username, email, hash);
				created.eraseCredentials();
				this.events.publishEvent(new AccountCreatedEvent(created));
				SpaAuthUser withRoles = this.accounts.findById(created.getId()).orElseThrow();
				withRoles.eraseCredentials();
				return withRoles;
			});
		}
		catch (DuplicateKeyException ex) {
			// Another sign-up took the username or email between the check and the insert.
			FieldErrors taken = new FieldErrors();
			if (this.accounts.usernameTaken(username)) {
				taken.add("username", USERNAME_TAKEN);
			}
			if (this.accounts.emailTaken(email)) {
				taken.add("email", EMAIL_TAKEN);
			}
			taken.throwIfAny();
			throw ex;
		}
	}

	private static @Nullable String strip(@Nullable String value) {
		return (value != null) ? value.strip() : null;
	}

}
