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
