package dev.spaauth.mfa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.security.web.csrf.CsrfToken;

import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.user.SpaAuthUser;

/**
 * The log-in of an account with a second factor, in two steps. After the right password the session
 * holds only the pending log-in (the account's id and when the password was proven, as the password
 * factor's time), never a security context: the application's own rules ({@code authenticated()},
 * {@code hasRole}) therefore see an anonymous request and answer 401, whatever they are, and spa-auth's
 * entry point names the problem {@code mfa_required}. The pending log-in lasts
 * {@code spa-auth.mfa.pending-timeout} from the password (the session's idle timeout too). Each step
 * gets a new session id and CSRF token (OWASP Session Management Cheat Sheet, "Renew the Session ID
 * After Any Privilege Level Change"; ASVS 7.2.4), and the completed log-in's authentication carries a
 * {@link FactorGrantedAuthority} per factor ({@code FACTOR_PASSWORD}, {@code FACTOR_TOTP},
 * {@code FACTOR_RECOVERY_CODE}) with the time it was proven.
 */
public class TwoStepLogIn {

	/** Session attribute: the account id of the pending log-in. */
	static final String PENDING_USER = "dev.spaauth.mfa.pendingUser";

	/** Session attribute: the pending log-in's first factor, when it is not the password. */
	static final String FIRST_FACTOR = "dev.spaauth.mfa.firstFactor";

	/** Session attribute: when the password was proven, in epoch milliseconds. */
	static final String PASSWORD_AT = "dev.spaauth.mfa.passwordAt";

	/**
	 * Session attribute: the second-factor methods the account had when the session started,
	 * comma-separated, kept up to date by this session's own changes.
	 */
	static final String METHODS = "dev.spaauth.mfa.methods";

	private static final String FACTOR_PREFIX = "FACTOR_";

	private final SessionLifecycle sessions;

	private final Duration timeout;

	private final Clock clock;

	/**
	 * Creates the two-step log-in.
	 * @param sessions starts and renews sessions
	 * @param timeout how long a pending log-in waits for its second factor
	 * @param clock the source of the current time
	 */
	public TwoStepLogIn(SessionLifecycle sessions, Duration timeout, Clock clock) {
		this.sessions = sessions;
		this.timeout = timeout;
		this.clock = clock;
	}

	/**
	 * Starts a pending log-in after the right password: a new session (the old one is deleted) that
	 * lives for the pending timeout, and a new CSRF token. The session is indexed by the username, so
	 * "sign out everywhere" and a password reset end it too.
	 * @param user the account whose password was right
	 * @param methods the account's second-factor methods, not empty
	 * @param request the log-in request
	 * @param response the response that gets the new session and CSRF cookies
	 * @return the pending log-in, with its new CSRF token
	 */
	public Started start(SpaAuthUser user, List<String> methods, HttpServletRequest request,
			HttpServletResponse response) {
		return start(user, methods, "password", request, response);
	}

	/**
	 * Starts a pending log-in after a first factor other than the password, such as a provider's
	 * {@code authorization_code}; otherwise as {@link #start(SpaAuthUser, List, HttpServletRequest,
	 * HttpServletResponse)}.
	 * @param user the account whose first factor was proven
	 * @param methods the account's second-factor methods, not empty
	 * @param firstFactor the first factor's lower-case name, such as {@code authorization_code}
	 * @param request the request
	 * @param response the response that gets the new session and CSRF cookies
	 * @return the pending log-in, with its new CSRF token
	 */
	public Started start(SpaAuthUser user, List<String> methods, String firstFactor, HttpServletRequest request,
			HttpServletResponse response) {
		HttpSession session = this.sessions.newSession(request, this.timeout);
		session.setAttribute(FIRST_FACTOR, firstFactor);
		long now = this.clock.millis();
		session.setAttribute(PENDING_USER, user.getId());
		session.setAttribute(PASSWORD_AT, now);
		session.setAttribute(METHODS, String.join(",", methods));
		session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, user.getUsername());
		CsrfToken token = this.sessions.newCsrfToken(request, response);
		return new Started(true, methods, Instant.ofEpochMilli(now).plus(this.timeout), token.getToken());
	}

	/**
	 * Returns the request's pending log-in, if it has one that has not expired.
	 * @param request the request
	 * @return the pending log-in
	 */
	public Optional<Pending> pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING_USER) instanceof Number user)
				|| !(session.getAttribute(PASSWORD_AT) instanceof Number at)) {
			return Optional.empty();
		}
		Instant passwordAt = Instant.ofEpochMilli(at.longValue());
		Instant expiresAt = passwordAt.plus(this.timeout);
		if (!expiresAt.isAfter(this.clock.instant())) {
			return Optional.empty();
		}
		String firstFactor = (session.getAttribute(FIRST_FACTOR) instanceof String name) ? name : "password";
		return Optional.of(new Pending(user.longValue(), firstFactor, passwordAt, expiresAt, methods(session)));
	}

	/**
	 * Completes a pending log-in after the second factor: the session gets a new id, the normal idle
	 * timeout, a new CSRF token and the authentication, with the password factor and this one.
	 * @param pending the pending log-in
	 * @param user the account, as loaded now
	 * @param method the method that completed it: {@code totp} or {@code recovery_code}
	 * @param request the request
	 * @param response the response that gets the renewed session and CSRF cookies
	 * @return the new CSRF token
	 */
	public CsrfToken complete(Pending pending, SpaAuthUser user, String method, HttpServletRequest request,
			HttpServletResponse response) {
		CsrfToken token = this.sessions.renew(request, response);
		HttpSession session = request.getSession(false);
		session.removeAttribute(PENDING_USER);
		session.removeAttribute(PASSWORD_AT);
		session.removeAttribute(FIRST_FACTOR);
		session.setMaxInactiveInterval(Math.toIntExact(this.sessions.timeouts().idle().toSeconds()));
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(factor(pending.firstFactor(), pending.passwordAt()));
		authorities.add(factor(method, this.clock.instant()));
		this.sessions.saveAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities),
				request, response);
		return token;
	}

	/**
	 * Records the account's second-factor methods in the session, for the session status: at a
	 * one-step log-in, and after this session changed them.
	 * @param session the session
	 * @param methods the methods, possibly empty
	 */
	public void rememberMethods(HttpSession session, List<String> methods) {
		session.setAttribute(METHODS, String.join(",", methods));
	}

	/**
	 * Returns the second-factor methods recorded in the session.
	 * @param session the session
	 * @return the methods; empty when none were recorded (an account that signed up in this session)
	 */
	public List<String> methods(HttpSession session) {
		Object methods = session.getAttribute(METHODS);
		return (methods instanceof String text && !text.isEmpty()) ? List.of(text.split(",")) : List.of();
	}

	/**
	 * Returns the factors an authentication holds.
	 * @param authentication the session's authentication
	 * @return lower-case factor names such as {@code password}, {@code totp}, in order
	 */
	public static List<String> factors(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map((authority) -> authority.getAuthority().substring(FACTOR_PREFIX.length()).toLowerCase(Locale.ROOT))
			.toList();
	}

	private static GrantedAuthority factor(String method, Instant at) {
		return FactorGrantedAuthority.withAuthority(FACTOR_PREFIX + method.toUpperCase(Locale.ROOT)).issuedAt(at).build();
	}

	/**
	 * A log-in waiting for its second factor.
	 *
	 * @param userId the account's id
	 * @param firstFactor the first factor proven: {@code password} or {@code authorization_code}
	 * @param passwordAt when the first factor (the password or the provider's answer) was proven
	 * @param expiresAt when the pending log-in ends
	 * @param methods the methods that can complete it
	 */
	public record Pending(long userId, String firstFactor, Instant passwordAt, Instant expiresAt, List<String> methods) {
	}

	/**
	 * Answer of a log-in whose password was right and that needs a second factor:
	 * {@code {"mfaRequired": true, "methods": [...], "expiresAt", "csrfToken"}}.
	 *
	 * @param mfaRequired always true, so a client tells this answer from a completed log-in
	 * @param methods the methods that can complete it, such as {@code ["totp", "recovery_code"]}
	 * @param expiresAt when the pending log-in ends
	 * @param csrfToken the new session's CSRF token
	 */
	public record Started(boolean mfaRequired, List<String> methods, Instant expiresAt, String csrfToken) {
	}

}
