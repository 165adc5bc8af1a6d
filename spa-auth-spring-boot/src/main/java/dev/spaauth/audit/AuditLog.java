package dev.spaauth.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.context.event.EventListener;

/**
 * Writes every {@link SecurityEvent} as one log line on the logger {@code dev.spaauth.audit}, with
 * the event's fields as key-value pairs, so structured logging
 * ({@code logging.structured.format.console=ecs} or {@code logstash}) emits them as JSON fields.
 * Refusals and failures are logged at WARN, the rest at INFO.
 */
public class AuditLog {

	private static final Logger logger = LoggerFactory.getLogger("dev.spaauth.audit");

	/**
	 * Logs an event.
	 * @param event the event
	 */
	@EventListener
	public void log(SecurityEvent event) {
		boolean refusal = event.type() != SecurityEvent.Type.LOGIN_SUCCEEDED
				&& event.type() != SecurityEvent.Type.LOGGED_OUT && event.type() != SecurityEvent.Type.SIGNED_UP;
		LoggingEventBuilder line = (refusal ? logger.atWarn() : logger.atInfo())
			.addKeyValue("event", event.type().name().toLowerCase(java.util.Locale.ROOT))
			.addKeyValue("address", event.address())
			.addKeyValue("method", event.method())
			.addKeyValue("path", event.path());
		if (event.username() != null) {
			line = line.addKeyValue("user", event.username());
		}
		if (event.reason() != null) {
			line = line.addKeyValue("reason", event.reason());
		}
		line.log("security event {} user={} address={} {} {}{}", event.type(), event.username(), event.address(),
				event.method(), event.path(), (event.reason() != null) ? " (" + event.reason() + ")" : "");
	}

}
