package dev.spaauth.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.metrics.SecurityEventMetrics;

/**
 * spa-auth's metrics ({@code spa.auth.*}, see {@link SecurityEventMetrics}), only when Micrometer is on
 * the classpath and the application has a {@link MeterRegistry} (with Spring Boot's actuator, for
 * example): applications without Micrometer get none of it. Log-ins' time is measured by Spring
 * Security's observation of the authentication manager ({@code spring.security.authentications}),
 * which {@code SpaAuthAccountsConfiguration} sets up when there is an {@code ObservationRegistry}.
 */
@AutoConfiguration(after = SpaAuthAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, SecurityEvents.class })
public final class SpaAuthMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SecurityEventMetrics spaAuthSecurityEventMetrics(MeterRegistry registry) {
		return new SecurityEventMetrics(registry);
	}

}
