package dev.spaauth.testapp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;

/**
 * An {@link ApplicationEventPublisher} for unit tests that keeps what is published, with the
 * {@link SecurityEvents} of the audit trail on top of it.
 */
public final class RecordingEventPublisher implements ApplicationEventPublisher {

	/** The time of every security event published through {@link #securityEvents()}. */
	public static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	private final List<Object> events = new ArrayList<>();

	@Override
	public void publishEvent(Object event) {
		this.events.add(event);
	}

	/**
	 * Returns an audit trail that publishes here, at {@link #NOW}.
	 * @return the security events
	 */
	public SecurityEvents securityEvents() {
		return new SecurityEvents(this, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	/**
	 * Returns every event published so far, oldest first.
	 * @return the events
	 */
	public List<Object> all() {
		return List.copyOf(this.events);
	}

	/**
	 * Returns the security events published so far, oldest first.
	 * @return the security events
	 */
	public List<SecurityEvent> securityEventList() {
		return ofType(SecurityEvent.class);
	}

	/**
	 * Returns the events of one type published so far, oldest first.
	 * @param <T> the type
	 * @param type the type
	 * @return the events of that type
	 */
	public <T> List<T> ofType(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
