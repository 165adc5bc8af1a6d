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
		publish(type, request, username, reason, null, null);
	}

	/**
	 * Publishes an event about a request, with the words to count it by.
	 * @param type what happened
	 * @param request the request
	 * @param username the account concerned as submitted, or null
	 * @param reason why the request was refused, in words for people, or null
	 * @param code why it was refused as a stable snake_case word ({@link SecurityEvent#code()}), or null
	 * @param via how the user proved who they are ({@link SecurityEvent#via()}), or null
	 */
	public void publish(SecurityEvent.Type type, HttpServletRequest request, @Nullable String username,
			@Nullable String reason, @Nullable String code, @Nullable String via) {
		this.publisher.publishEvent(new SecurityEvent(type, clean(username), request.getRemoteAddr(),
				request.getMethod(), request.getRequestURI(), reason, code, via, this.clock.instant()));
	}

	/**
	 * Publishes the refusal of a request, naming the user whose session the request carried, if any: a
	 * CSRF or origin refusal in a victim's session is the trace of an attack on that user.
	 * @param type what was refused
	 * @param request the request
	 * @param reason why it was refused, in words for people
	 * @param code why it was refused as a stable snake_case word ({@link SecurityEvent#code()})
	 */
	public void publishRefusal(SecurityEvent.Type type, HttpServletRequest request, String reason, String code) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String username = (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) ? authentication.getName() : null;
		publish(type, request, username, reason, code, null);
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
