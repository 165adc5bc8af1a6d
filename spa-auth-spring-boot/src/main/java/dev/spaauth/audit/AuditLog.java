package dev.spaauth.audit;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.context.event.EventListener;

import dev.spaauth.user.UserRolesChangedEvent;

/**
 * Writes every {@link SecurityEvent} as one log line on the logger {@code dev.spaauth.audit}, with
 * the event's fields as key-value pairs, so structured logging
 * ({@code logging.structured.format.console=ecs} or {@code logstash}) emits them as JSON fields.
 * Refusals and failures are logged at WARN, the rest at INFO.
 */
public class AuditLog {

	private static final Logger logger = LoggerFactory.getLogger("dev.spaauth.audit");

	private static final Set<SecurityEvent.Type> REFUSALS = EnumSet.of(SecurityEvent.Type.LOGIN_FAILED,
			SecurityEvent.Type.CSRF_REJECTED, SecurityEvent.Type.ORIGIN_REJECTED, SecurityEvent.Type.THROTTLED,
			SecurityEvent.Type.REAUTHENTICATION_FAILED);

	/**
	 * Logs a role granted or revoked, at INFO with the key-value pairs {@code event}
	 * ({@code role_granted} or {@code role_revoked}), {@code user} and {@code role}.
	 * @param change the change
	 */
	@EventListener
	public void roleChanged(UserRolesChangedEvent change) {
		String event = change.granted() ? "role_granted" : "role_revoked";
		logger.atInfo()
			.addKeyValue("event", event)
			.addKeyValue("user", change.username())
			.addKeyValue("role", change.role())
			.log("security event {} user={} role={}", event.toUpperCase(java.util.Locale.ROOT), change.username(),
					change.role());
	}

	/**
	 * Logs an event.
	 * @param event the event
	 */
	@EventListener
	public void log(SecurityEvent event) {
		boolean refusal = REFUSALS.contains(event.type());
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
		if (event.code() != null) {
			line = line.addKeyValue("code", event.code());
		}
		if (event.via() != null) {
			line = line.addKeyValue("via", event.via());
		}
		line.log("security event {} user={} address={} {} {}{}", event.type(), event.username(), event.address(),
				event.method(), event.path(), (event.reason() != null) ? " (" + event.reason() + ")" : "");
	}

}
