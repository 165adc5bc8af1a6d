package dev.spaauth.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds the Spring Session defaults spa-auth relies on, at the lowest precedence so an application
 * can still override them: the session tables live in spa-auth's schema, which
 * {@link SpaAuthSchemaInitializer} creates, so Boot's own session schema script must not run.
 */
class SpaAuthEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("spaAuthDefaults",
					Map.of("spring.session.jdbc.initialize-schema", "never", "spring.session.jdbc.table-name",
							SpaAuthSchemaInitializer.SCHEMA + ".spring_session")));
	}

}
