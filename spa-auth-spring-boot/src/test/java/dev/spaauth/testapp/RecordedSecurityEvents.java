package dev.spaauth.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

import dev.spaauth.audit.SecurityEvent;

/** Keeps every security event the test application publishes, as an application would listen. */
public class RecordedSecurityEvents {

	private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

	@EventListener
	void record(SecurityEvent event) {
		this.events.add(event);
	}

	/** Returns the events about the given account, oldest first. */
	public List<SecurityEvent> about(String username) {
		return this.events.stream().filter((event) -> username.equals(event.username())).toList();
	}

	/** Returns every event, oldest first. */
	public List<SecurityEvent> all() {
		return List.copyOf(this.events);
	}

}
