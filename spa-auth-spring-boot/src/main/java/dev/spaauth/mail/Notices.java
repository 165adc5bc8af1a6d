package dev.spaauth.mail;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mails spa-auth sends, worded for people: what happened, and what to do if it was not them.
 * Links point at the SPA ({@code spa-auth.spa-url}), never at a host taken from a request.
 */
public final class Notices {

	private static final Logger logger = LoggerFactory.getLogger(Notices.class);

	private final MailOutbox outbox;

	private final @Nullable String spaUrl;

	/**
	 * Creates the notices.
	 * @param outbox where mails go
	 * @param spaUrl the SPA's public URL without a trailing "/", or null when not configured
	 */
	public Notices(MailOutbox outbox, @Nullable String spaUrl) {
		this.outbox = outbox;
		this.spaUrl = spaUrl;
	}

	/**
	 * Returns whether links can be built.
	 * @return whether {@code spa-auth.spa-url} is set
	 */
	public boolean canSendLinks() {
		return this.spaUrl != null;
	}

	/**
	 * Sends a password-reset link.
	 * @param to the account's address
	 * @param token the single-use token
	 * @param minutes how long the link works
	 */
	public void passwordReset(String to, String token, long minutes) {
		send(new Mail(to, "Reset your password",
				"Someone (hopefully you) asked to reset the password of your account.\n\n"
						+ "Set a new password here within " + minutes + " minutes:\n" + link("reset-password", token)
						+ "\n\nIf you did not ask for this, ignore this mail: your password stays as it is."));
	}

	/**
	 * Tells the account's address that its password was changed by its owner.
	 * @param to the account's address
	 */
	public void passwordChanged(String to) {
		send(new Mail(to, "Your password was changed",
				"The password of your account was just changed, and every other session was signed out.\n\n"
						+ "If this was not you, reset your password now: " + page("forgot-password")));
	}

	/**
	 * Tells the account's address that its password was reset with a mailed link.
	 * @param to the account's address
	 */
	public void passwordReset(String to) {
		send(new Mail(to, "Your password was reset",
				"The password of your account was just reset with a link sent to this address, and every session "
						+ "was signed out.\n\nIf this was not you, reset your password again now: "
						+ page("forgot-password")));
	}

	/**
	 * Sends the confirmation link of an email change to the new address.
	 * @param to the new address
	 * @param token the single-use token
	 * @param minutes how long the link works
	 */
	public void confirmEmailChange(String to, String token, long minutes) {
		send(new Mail(to, "Confirm your new email address",
				"Confirm that this address should become your account's email address within " + minutes
						+ " minutes:\n" + link("confirm-email", token)
						+ "\n\nIf you did not ask for this, ignore this mail."));
	}

	/**
	 * Tells the old address that a change to another address was asked for.
	 * @param to the current address
	 * @param newEmail the requested address
	 */
	public void emailChangeRequested(String to, String newEmail) {
		send(new Mail(to, "A change of your email address was requested",
				"Someone signed in to your account asked to change its email address to " + newEmail
						+ ". Nothing changes until that address confirms.\n\n"
						+ "If this was not you, secure your account now: change your password and sign out every "
						+ "other session at " + page("account")
						+ " (or, if you cannot sign in, reset your password at " + page("forgot-password") + ")."));
	}

	/**
	 * Tells the old address that the email address was changed.
	 * @param to the old address
	 * @param newEmail the new address
	 */
	public void emailChanged(String to, String newEmail) {
		send(new Mail(to, "Your email address was changed",
				"Your account's email address is now " + newEmail + ", and every other session was signed out.\n\n"
						+ "If this was not you, someone knows your password: the new address can reset it, so act at "
						+ "once through the site's support."));
	}

	/**
	 * Tells the account's address that an authenticator app was set up as a second factor.
	 * @param to the account's address
	 */
	public void authenticatorAdded(String to) {
		send(new Mail(to, "An authenticator app was added to your account",
				"Signing in to your account now needs a code from an authenticator app after the password, and "
						+ "10 recovery codes were made for when the app is lost.\n\n"
						+ "If this was not you, someone is signed in to your account: reset your password now at "
						+ page("forgot-password") + ", then remove the app at " + page("security") + "."));
	}

	/**
	 * Tells the account's address that its authenticator app was removed.
	 * @param to the account's address
	 */
	public void authenticatorRemoved(String to) {
		send(new Mail(to, "The authenticator app was removed from your account",
				"Signing in to your account needs only the password again, and its recovery codes no longer work."
						+ "\n\nIf this was not you, reset your password now at " + page("forgot-password")
						+ " and set up the authenticator app again at " + page("security") + "."));
	}

	/**
	 * Tells the account's address that its recovery codes were replaced.
	 * @param to the account's address
	 */
	public void recoveryCodesRegenerated(String to) {
		send(new Mail(to, "New recovery codes were made for your account",
				"Your account's recovery codes were replaced by new ones; the old ones no longer work.\n\n"
						+ "If this was not you, reset your password now at " + page("forgot-password") + "."));
	}

	/**
	 * Tells the account's address that a recovery code completed a sign-in.
	 * @param to the account's address
	 * @param left how many unused codes remain
	 */
	public void recoveryCodeUsed(String to, int left) {
		send(new Mail(to, "A recovery code was used to sign in",
				"Someone signed in to your account with its password and a recovery code. " + left
						+ " unused codes are left; make new ones at " + page("security") + ".\n\n"
						+ "If this was not you, someone has your password and your codes: reset your password now at "
						+ page("forgot-password") + "."));
	}

	/**
	 * Tells the account's address that a passkey was added.
	 * @param to the account's address
	 * @param label the passkey's name
	 */
	public void passkeyAdded(String to, String label) {
		send(new Mail(to, "A passkey was added to your account",
				"A passkey named \"" + label + "\" can now sign in to your account.\n\n"
						+ "If this was not you, someone is signed in to your account: remove the passkey at "
						+ page("security") + " and reset your password at " + page("forgot-password") + "."));
	}

	/**
	 * Tells the account's address that a passkey was removed.
	 * @param to the account's address
	 * @param label the passkey's name
	 */
	public void passkeyRemoved(String to, String label) {
		send(new Mail(to, "A passkey was removed from your account",
				"The passkey named \"" + label + "\" no longer signs in to your account.\n\n"
						+ "If this was not you, reset your password now at " + page("forgot-password") + "."));
	}

	/**
	 * Tells the account's address about a sign-in from a browser it had not signed in from.
	 * @param to the account's address
	 * @param userAgent the browser's {@code User-Agent}, or null
	 * @param token the single-use "this wasn't me" token
	 * @param days how long the link works
	 */
	public void newSignIn(String to, @Nullable String userAgent, String token, long days) {
		String browser = (userAgent != null) ? userAgent.replaceAll("[\\p{Cntrl}]", " ") : "an unknown browser";
		send(new Mail(to, "New sign-in to your account",
				"Your account was just signed in to from a browser it had not been used from: " + browser + ".\n\n"
						+ "If this was you, there is nothing to do. If it was not, open this link within " + days
						+ " days: it signs every session out and locks your password until you reset it:\n"
						+ link("not-me", token)));
	}

	/**
	 * Tells the account's address that its owner reported a sign-in and what to do now.
	 * @param to the account's address
	 */
	public void accountSecured(String to) {
		send(new Mail(to, "Your account was secured",
				"You reported a sign-in that was not yours. Every session of your account was signed out and its "
						+ "password no longer works.\n\nSet a new password now: " + page("forgot-password")
						+ "\nThen check your authenticator app, passkeys and email address at " + page("security") + "."));
	}

	/**
	 * Sends a new account the link that verifies its address.
	 * @param to the account's address
	 * @param token the single-use token
	 * @param hours how long the link works
	 */
	public void verifyEmail(String to, String token, long hours) {
		send(new Mail(to, "Confirm your email address",
				"Confirm that this is your address, within " + hours + " hours, to start using your account:\n"
						+ link("verify-email", token) + "\n\nIf you did not create an account, ignore this mail."));
	}

	/**
	 * Tells the account's address that a provider's sign-in was connected to it.
	 * @param to the account's address
	 * @param provider the provider's name
	 */
	public void identityLinked(String to, String provider) {
		send(new Mail(to, "Sign-in with " + provider + " was connected",
				"Your " + provider + " account can now sign in to your account.\n\n"
						+ "If this was not you, someone is signed in to your account: disconnect it at " + page("security")
						+ " and reset your password at " + page("forgot-password") + "."));
	}

	/**
	 * Tells the account's address that a provider's sign-in was disconnected from it.
	 * @param to the account's address
	 * @param provider the provider's name
	 */
	public void identityUnlinked(String to, String provider) {
		send(new Mail(to, "Sign-in with " + provider + " was disconnected",
				"Your " + provider + " account no longer signs in to your account.\n\n"
						+ "If this was not you, reset your password now at " + page("forgot-password") + "."));
	}

	/**
	 * Tells the address of a deleted account that it is gone.
	 * @param to the deleted account's address
	 */
	public void accountDeleted(String to) {
		send(new Mail(to, "Your account was deleted",
				"Your account and everything stored with it were deleted, and every session was signed out. "
						+ "This address gets no more mail from us.\n\nIf this was not you, someone had your password and "
						+ "a signed-in session: contact the site's support."));
	}

	private String link(String route, String token) {
		return page(route) + "?token=" + token;
	}

	private String page(String route) {
		return this.spaUrl + "/#/" + route;
	}

	private void send(Mail mail) {
		if (this.spaUrl == null) {
			logger.warn("Mail \"{}\" not sent: spa-auth.spa-url is not set", mail.subject());
			return;
		}
		this.outbox.send(mail);
	}

}
