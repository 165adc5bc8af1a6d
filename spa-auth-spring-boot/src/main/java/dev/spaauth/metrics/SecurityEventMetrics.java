package dev.spaauth.metrics;

import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;

import dev.spaauth.audit.SecurityEvent;

/**
 * Counts spa-auth's {@link SecurityEvent}s as Micrometer counters. Every tag takes its value from a
 * short fixed list (the event's {@link SecurityEvent#code() code} and {@link SecurityEvent#via() via},
 * {@code none} when the event has none): never a username, an address, an origin or a path, so the
 * number of series stays small whatever clients send (OWASP Logging Cheat Sheet: no personal data
 * where it is not needed).
 * <ul>
 * <li>{@value #LOGINS} {@code method} ({@code password}, {@code passkey}, {@code provider}, or
 * {@code totp} / {@code recovery_code} for the second step), {@code outcome} ({@code success},
 * {@code failure}, {@code second_factor_required}), {@code reason} (of a failure, such as
 * {@code invalid_credentials}, {@code email_not_verified}, {@code passkey_rejected}, or a provider
 * sign-in's problem code)</li>
 * <li>{@value #SECOND_FACTORS} {@code method} ({@code totp}, {@code recovery_code}), {@code outcome}
 * ({@code success}, {@code failure}): codes checked at log-in and when an authenticator app is set up</li>
 * <li>{@value #REAUTHENTICATIONS} {@code method} ({@code password}, {@code passkey}, {@code provider}),
 * {@code outcome} ({@code success}, {@code failure}), {@code reason}</li>
 * <li>{@value #SIGNUPS} {@code method} ({@code password}, {@code provider})</li>
 * <li>{@value #CSRF_REJECTIONS} {@code reason} ({@code missing_token}, {@code no_token_issued},
 * {@code invalid_token}, {@code no_cookies})</li>
 * <li>{@value #ORIGIN_REJECTIONS} {@code reason} ({@code untrusted_origin}, {@code malformed_origin},
 * {@code duplicate_header}, {@code cross_site_without_origin})</li>
 * <li>{@value #THROTTLED} {@code limit} ({@code address}, {@code account})</li>
 * </ul>
 */
public final class SecurityEventMetrics {

	/** Log-in attempts that reached a decision. */
	public static final String LOGINS = "spa.auth.logins";

	/** Second-factor codes checked. */
	public static final String SECOND_FACTORS = "spa.auth.second.factors";

	/** Re-authentications of a signed-in user. */
	public static final String REAUTHENTICATIONS = "spa.auth.reauthentications";

	/** Accounts created. */
	public static final String SIGNUPS = "spa.auth.signups";

	/** Unsafe requests refused for a missing or wrong CSRF token. */
	public static final String CSRF_REJECTIONS = "spa.auth.csrf.rejections";

	/** Unsafe requests refused for an untrusted origin. */
	public static final String ORIGIN_REJECTIONS = "spa.auth.origin.rejections";

	/** Attempts refused by the throttle. */
	public static final String THROTTLED = "spa.auth.throttled";

	private static final String NONE = "none";

	private static final String TOTP = "totp";

	private static final Set<String> SECOND_STEPS = Set.of(TOTP, "recovery_code");

	private final MeterRegistry registry;

	/**
	 * Creates the counters' source.
	 * @param registry where the counters are registered
	 */
	public SecurityEventMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Counts an event; types not listed in the class description are not counted.
	 * @param event the event
	 */
	@EventListener
	public void count(SecurityEvent event) {
		switch (event.type()) {
			case LOGIN_SUCCEEDED -> {
				login(event, "success");
				if (event.via() != null && SECOND_STEPS.contains(event.via())) {
					secondFactor(event, "success");
				}
			}
			case LOGIN_FAILED -> login(event, "failure");
			case SECOND_FACTOR_REQUIRED -> login(event, "second_factor_required");
			case SECOND_FACTOR_FAILED -> secondFactor(event, "failure");
			case FACTOR_ADDED -> {
				// An authenticator app's first code, confirmed at its set-up.
				if (TOTP.equals(event.via())) {
					secondFactor(event, "success");
				}
			}
			case REAUTHENTICATED -> reauthentication(event, "success");
			case REAUTHENTICATION_FAILED -> reauthentication(event, "failure");
			case SIGNED_UP -> increment(SIGNUPS, "Accounts created", "method", orNone(event.via()));
			case CSRF_REJECTED -> increment(CSRF_REJECTIONS, "Unsafe requests refused for their CSRF token",
					"reason", orNone(event.code()));
			case ORIGIN_REJECTED -> increment(ORIGIN_REJECTIONS, "Unsafe requests refused for their origin",
					"reason", orNone(event.code()));
			case THROTTLED -> increment(THROTTLED, "Attempts refused by the throttle", "limit", orNone(event.code()));
			default -> {
				// Not counted: rare account changes, which the audit log records.
			}
		}
	}

	private void login(SecurityEvent event, String outcome) {
		increment(LOGINS, "Log-in attempts by method and outcome", "method", orNone(event.via()), "outcome", outcome,
				"reason", orNone(event.code()));
	}

	private void secondFactor(SecurityEvent event, String outcome) {
		increment(SECOND_FACTORS, "Second-factor codes checked", "method", orNone(event.via()), "outcome", outcome);
	}

	private void reauthentication(SecurityEvent event, String outcome) {
		increment(REAUTHENTICATIONS, "Re-authentications by method and outcome", "method", orNone(event.via()),
				"outcome", outcome, "reason", orNone(event.code()));
	}

	private void increment(String name, String description, String... tags) {
		Counter.builder(name).description(description).tags(tags).register(this.registry).increment();
	}

	private static String orNone(@Nullable String value) {
		return (value != null) ? value : NONE;
	}

}
