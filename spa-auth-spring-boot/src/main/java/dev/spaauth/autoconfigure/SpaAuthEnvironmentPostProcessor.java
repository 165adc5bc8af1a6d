package dev.spaauth.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds the defaults spa-auth relies on, at the lowest precedence so an application can still
 * override them: the session tables live in spa-auth's schema, which {@link SpaAuthSchemaInitializer}
 * creates, so Boot's own session schema script must not run; and the API takes JSON only, so Spring's
 * parsing of form bodies on PUT, PATCH and DELETE ({@code FormContentFilter}), which fails with a
 * 500 on a malformed form, is off.
 */
class SpaAuthEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("spaAuthDefaults",
					Map.of("spring.session.jdbc.initialize-schema", "never", "spring.session.jdbc.table-name",
							SpaAuthSchemaInitializer.SCHEMA + ".spring_session", "spring.mvc.formcontent.filter.enabled",
							"false")));
	}

}
