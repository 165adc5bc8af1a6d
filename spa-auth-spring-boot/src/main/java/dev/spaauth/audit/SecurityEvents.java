package dev.spaauth.audit;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Publishes {@link SecurityEvent}s for a request. */
public final class SecurityEvents {

	private static final int MAX_USERNAME_LENGTH = 64;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	/**
	 * Creates the publisher.
	 * @param publisher the application's event publisher
	 * @param clock the source of event times
	 */
	public SecurityEvents(ApplicationEventPublisher publisher, Clock clock) {
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Publishes an event about a request.
	 * @param type what happened
	 * @param request the request
	 * @param username the account concerned as submitted, or null
	 * @param reason why the request was refused, or null
	 */
	public void publish(SecurityEvent.Type type, HttpServletRequest request, @Nullable String username,
			@Nullable String reason) {
		this.publisher.publishEvent(new SecurityEvent(type, clean(username), request.getRemoteAddr(),
				request.getMethod(), request.getRequestURI(), reason, this.clock.instant()));
	}

	/**
	 * Publishes the refusal of a request, naming the user whose session the request carried, if any: a
	 * CSRF or origin refusal in a victim's session is the trace of an attack on that user.
	 * @param type what was refused
	 * @param request the request
	 * @param reason why it was refused
	 */
	public void publishRefusal(SecurityEvent.Type type, HttpServletRequest request, String reason) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String username = (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) ? authentication.getName() : null;
		publish(type, request, username, reason);
	}

	private static @Nullable String clean(@Nullable String username) {
		if (username == null) {
			return null;
		}
		// No line breaks or other control characters: a username must not forge log lines.
		String cleaned = username.replaceAll("\\p{Cntrl}", "");
		return (cleaned.length() > MAX_USERNAME_LENGTH) ? cleaned.substring(0, MAX_USERNAME_LENGTH) : cleaned;
	}

}
