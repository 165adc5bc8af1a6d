package dev.spaauth.provider;

import java.util.Locale;
import java.util.Optional;
import java.util.function.LongPredicate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.user.AccountCreatedEvent;
import dev.spaauth.user.SpaAuthUser;
import dev.spaauth.user.UserAccounts;

/**
 * The account rules of provider identities, against account takeover before and after sign-up:
 * <ul>
 * <li>an identity signs in to the account it is linked to, and to no other;</li>
 * <li>an identity that is not linked creates an account only with an email address the provider
 * verified, and only when no account has that address: a matching account is never merged
 * ({@code account_exists}: the user signs in there and links), because the address may have been
 * registered by an attacker with a password first, or the provider's claim may be an attacker's
 * (OWASP Authentication Cheat Sheet; "Pre-hijacked accounts", Sudhodanan and Paverd, 2022);</li>
 * <li>linking needs a signed-in, fresh session, an account whose address is verified (else an
 * attacker who signed up with the victim's address first could link an identity of their own that
 * survives the victim's password reset), and an identity no other account has;</li>
 * <li>unlinking never removes the last way to sign in (a password the owner chose, a passkey or
 * another identity).</li>
 * </ul>
 */
public class ProviderAccounts {

	private final UserAccounts accounts;

	private final LinkedIdentities identities;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final LongPredicate hasPasskeys;

	/**
	 * Creates the rules.
	 * @param accounts the accounts
	 * @param identities the linked identities
	 * @param passwordEncoder hashes the unknown random password of an account a provider creates
	 * @param transactions creates an account and links its identity in one transaction
	 * @param events publishes {@link AccountCreatedEvent}
	 * @param hasPasskeys tells whether an account has a passkey
	 */
	public ProviderAccounts(UserAccounts accounts, LinkedIdentities identities, PasswordEncoder passwordEncoder,
			TransactionTemplate transactions, ApplicationEventPublisher events, LongPredicate hasPasskeys) {
		this.accounts = accounts;
		this.identities = identities;
		this.passwordEncoder = passwordEncoder;
		this.transactions = transactions;
		this.events = events;
		this.hasPasskeys = hasPasskeys;
	}

	/**
	 * Checks, without changing anything, whether an identity can sign in: the callback's early answer.
	 * @param identity the identity
	 * @return the problem that stops it ({@code email_not_verified} or {@code account_exists}), or empty
	 */
	public Optional<ProblemCode> signInProblem(ProviderIdentity identity) {
		if (this.identities.accountOf(identity.provider(), identity.subject()).isPresent()) {
			return Optional.empty();
		}
		if (identity.email() == null || !identity.emailVerified()) {
			return Optional.of(ProblemCode.EMAIL_NOT_VERIFIED);
		}
		return this.accounts.emailTaken(identity.email()) ? Optional.of(ProblemCode.ACCOUNT_EXISTS) : Optional.empty();
	}

	/**
	 * Finds the account an identity signs in to, creating one for a new identity.
	 * @param identity the identity
	 * @return the account, and whether it was created now
	 * @throws ProblemException {@code email_not_verified} (403) or {@code account_exists} (409)
	 */
	public SignIn signIn(ProviderIdentity identity) {
		Optional<SpaAuthUser> linked = this.identities.accountOf(identity.provider(), identity.subject())
			.flatMap(this.accounts::findById);
		if (linked.isPresent()) {
			this.identities.used(identity.provider(), identity.subject());
			return new SignIn(linked.get(), false);
		}
		signInProblem(identity).ifPresent((code) -> {
			throw problem(code);
		});
		String hash = this.passwordEncoder.encode(Hashes.random());
		try {
			SpaAuthUser created = this.transactions.execute((status) -> {
				SpaAuthUser user = this.accounts.createWithoutPassword(freeUsername(identity), identity.email(), hash);
				this.identities.link(user.getId(), identity);
				user.eraseCredentials();
				this.events.publishEvent(new AccountCreatedEvent(user));
				return user;
			});
			SpaAuthUser withRoles = this.accounts.findById(created.getId()).orElseThrow();
			withRoles.eraseCredentials();
			return new SignIn(withRoles, true);
		}
		catch (DuplicateKeyException ex) {
			// A sign-up took the address, or another tab linked the identity, meanwhile.
			throw problem(this.identities.accountOf(identity.provider(), identity.subject()).isPresent()
					? ProblemCode.IDENTITY_IN_USE : ProblemCode.ACCOUNT_EXISTS);
		}
	}

	/**
	 * Links an identity to an account; linking it again to the same account changes nothing.
	 * @param user the signed-in account
	 * @param identity the identity
	 * @return whether it was linked now (false when it already was)
	 * @throws ProblemException {@code identity_in_use} (409) when another account has it;
	 * {@code email_not_verified} (403) while the account's address is not verified
	 */
	public boolean link(SpaAuthUser user, ProviderIdentity identity) {
		if (!this.accounts.findById(user.getId()).map(SpaAuthUser::isEmailVerified).orElse(false)) {
			throw new ProblemException(ProblemCode.EMAIL_NOT_VERIFIED, "Confirm your email address before connecting "
					+ "a provider: open the link we mailed you, or ask for a new one.");
		}
		Optional<Long> owner = this.identities.accountOf(identity.provider(), identity.subject());
		if (owner.isPresent()) {
			if (owner.get() != user.getId()) {
				throw problem(ProblemCode.IDENTITY_IN_USE);
			}
			return false;
		}
		try {
			this.identities.link(user.getId(), identity);
			return true;
		}
		catch (DuplicateKeyException ex) {
			throw problem(ProblemCode.IDENTITY_IN_USE);
		}
	}

	/**
	 * Checks that an identity is linked to the account, for a re-authentication.
	 * @param user the signed-in account
	 * @param identity the identity
	 * @throws ProblemException {@code identity_not_linked} (403)
	 */
	public void requireLinked(SpaAuthUser user, ProviderIdentity identity) {
		if (!this.identities.accountOf(identity.provider(), identity.subject()).filter((id) -> id == user.getId()).isPresent()) {
			throw problem(ProblemCode.IDENTITY_NOT_LINKED);
		}
		this.identities.used(identity.provider(), identity.subject());
	}

	/**
	 * Unlinks one of an account's identities, unless it is the account's last way to sign in.
	 * @param user the signed-in account
	 * @param id the identity's id
	 * @return the identity unlinked
	 * @throws ProblemException {@code not_found} (404) or {@code last_sign_in_method} (409)
	 */
	public LinkedIdentities.Linked unlink(SpaAuthUser user, long id) {
		var all = this.identities.list(user.getId());
		if (all.stream().noneMatch((identity) -> identity.id() == id)) {
			throw new ProblemException(ProblemCode.NOT_FOUND, "Your account has no linked sign-in with this id.");
		}
		boolean otherWay = all.size() > 1 || this.accounts.hasPassword(user.getId()) || this.hasPasskeys.test(user.getId());
		if (!otherWay) {
			throw new ProblemException(ProblemCode.LAST_SIGN_IN_METHOD,
					"This is the only way to sign in to your account. Set a password (\"Forgot password\" sends a link) "
							+ "or add a passkey first.");
		}
		return this.identities.unlink(user.getId(), id).orElseThrow();
	}

	/**
	 * Tells whether the account has a password its owner chose.
	 * @param user the account
	 * @return whether a password can sign in
	 */
	public boolean hasPassword(SpaAuthUser user) {
		return this.accounts.hasPassword(user.getId());
	}

	private String freeUsername(ProviderIdentity identity) {
		String base = (identity.name() != null) ? identity.name() : identity.email().substring(0, identity.email().indexOf('@'));
		base = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
		if (base.length() < 3) {
			base = "user-" + base;
		}
		base = base.substring(0, Math.min(base.length(), 40));
		if (!this.accounts.usernameTaken(base)) {
			return base;
		}
		for (int i = 2; i < 10; i++) {
			if (!this.accounts.usernameTaken(base + "-" + i)) {
				return base + "-" + i;
			}
		}
		return base + "-" + Hashes.random().substring(0, 8).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
	}

	static ProblemException problem(ProblemCode code) {
		return new ProblemException(code, switch (code) {
			case EMAIL_NOT_VERIFIED -> "The provider did not give an email address it has verified, so no account was "
					+ "created. Verify your address with the provider, or sign up with a password.";
			case ACCOUNT_EXISTS -> "An account with this email address exists. Sign in to it (or reset its password), "
					+ "then connect this provider from your account screen.";
			case IDENTITY_IN_USE -> "This provider account is connected to another account of ours. Sign in there and "
					+ "disconnect it first.";
			case IDENTITY_NOT_LINKED -> "This provider account is not connected to your account: confirm with your "
					+ "password, a passkey or a connected provider.";
			default -> code.title();
		});
	}

	/**
	 * The account a provider identity signs in to.
	 *
	 * @param user the account
	 * @param created whether the sign-in created it
	 */
	public record SignIn(SpaAuthUser user, boolean created) {
	}

}
