package dev.spaauth.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.health.StoreHealthIndicator;
import dev.spaauth.metrics.SecurityEventMetrics;
import dev.spaauth.throttle.LocalThrottleBuckets;
import dev.spaauth.throttle.ThrottleBuckets;

import static org.assertj.core.api.Assertions.assertThat;

/** Metrics and health stay optional: registered only with Micrometer's registry and Boot's health support. */
class SpaAuthMetricsAndHealthAutoConfigurationTests {

	private final WebApplicationContextRunner metrics = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpaAuthMetricsAutoConfiguration.class))
		.withBean(SecurityEvents.class, () -> new SecurityEvents((event) -> {
		}, Clock.systemUTC()));

	private final WebApplicationContextRunner health = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpaAuthHealthAutoConfiguration.class))
		.withBean(ThrottleBuckets.class, () -> new LocalThrottleBuckets(Duration.ofMinutes(1)));

	@Test
	void meterRegistryPresentThenSecurityEventsAreCounted() {
		this.metrics.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(SecurityEventMetrics.class));
	}

	@Test
	void noMeterRegistryThenNoMetrics() {
		this.metrics.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SecurityEventMetrics.class));
	}

	@Test
	void micrometerMissingFromTheClasspathThenNoMetricsAndNoFailure() {
		this.metrics.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SecurityEventMetrics.class));
	}

	@Test
	void throttleInMemoryThenItsIndicatorIsUpNamingTheStore() {
		this.health.run((context) -> {
			assertThat(context).hasBean("spaAuthThrottleStoreHealthIndicator")
				.doesNotHaveBean("spaAuthSessionStoreHealthIndicator");
			StoreHealthIndicator indicator = context.getBean("spaAuthThrottleStoreHealthIndicator",
					StoreHealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			assertThat(indicator.health().getDetails()).containsEntry("store", "memory");
		});
	}

	@Test
	void healthIndicatorsTurnedOffThenNone() {
		this.health.withPropertyValues("management.health.spa-auth.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(StoreHealthIndicator.class));
	}

	@Test
	void healthSupportMissingFromTheClasspathThenNoIndicatorsAndNoFailure() {
		this.health.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StoreHealthIndicator.class));
	}

}
