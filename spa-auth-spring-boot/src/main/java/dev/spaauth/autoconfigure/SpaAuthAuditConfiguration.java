package dev.spaauth.autoconfigure;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.spaauth.audit.AuditLog;
import dev.spaauth.audit.SecurityEvents;

/** The audit trail: security events as application events, and their log lines. */
@Configuration(proxyBeanMethods = false)
class SpaAuthAuditConfiguration {

	@Bean
	SecurityEvents spaAuthSecurityEvents(ApplicationEventPublisher publisher) {
		return new SecurityEvents(publisher, Clock.systemUTC());
	}

	@Bean
	AuditLog spaAuthAuditLog() {
		return new AuditLog();
	}

}
