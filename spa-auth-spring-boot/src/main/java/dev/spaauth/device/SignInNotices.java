package dev.spaauth.device;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.mail.Notices;
import dev.spaauth.user.OneTimeTokens;
import dev.spaauth.user.SpaAuthUser;

/**
 * Mails the account on every sign-in from a browser it has not signed in from before (OWASP
 * Authentication Cheat Sheet, "Notify users of suspicious activity"; ASVS 5.0 6.3.5): the browser,
 * the time, and a single-use "this wasn't me" link, valid for {@link #LINK_LIFETIME}, to
 * {@link SignInReportController}. A sign-up records its browser without a notice.
 */
public class SignInNotices {

	/** How long a notice's "this wasn't me" link works. */
	static final Duration LINK_LIFETIME = Duration.ofDays(7);

	private final KnownDevices devices;

	private final OneTimeTokens tokens;

	private final Notices notices;

	private final SecurityEvents events;

	/**
	 * Creates the notices.
	 * @param devices the accounts' known browsers
	 * @param tokens issues the "this wasn't me" tokens
	 * @param notices sends the mail
	 * @param events publishes the audit trail
	 */
	public SignInNotices(KnownDevices devices, OneTimeTokens tokens, Notices notices, SecurityEvents events) {
		this.devices = devices;
		this.tokens = tokens;
		this.notices = notices;
		this.events = events;
	}

	/**
	 * Records a completed sign-in (password, second factor or passkey) and mails the account when the
	 * browser is new to it.
	 * @param user the account
	 * @param request the sign-in request
	 * @param response the response, which gets a device cookie if the browser had none
	 */
	public void signedIn(SpaAuthUser user, HttpServletRequest request, HttpServletResponse response) {
		if (!this.devices.signedIn(user.getId(), request, response)) {
			return;
		}
		String token = this.tokens.issue(user.getId(), OneTimeTokens.Purpose.SIGN_IN_REPORT, null, LINK_LIFETIME);
		this.notices.newSignIn(user.getEmail(), request.getHeader(HttpHeaders.USER_AGENT), token, LINK_LIFETIME.toDays());
		this.events.publish(SecurityEvent.Type.NEW_DEVICE_SIGN_IN, request, user.getUsername(), null);
	}

	/**
	 * Records the browser an account was created from, without a notice.
	 * @param user the new account
	 * @param request the sign-up request
	 * @param response the response, which gets a device cookie if the browser had none
	 */
	public void signedUp(SpaAuthUser user, HttpServletRequest request, HttpServletResponse response) {
		this.devices.signedIn(user.getId(), request, response);
	}

}
