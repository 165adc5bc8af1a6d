package dev.spaauth.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Picks the session store named by {@code spa-auth.session.store} (by excluding the other store's
 * auto-configuration, with {@code spring.autoconfigure.exclude}: an application that sets that
 * property itself must exclude the unused store too) and adds the defaults spa-auth relies on, at
 * the lowest precedence so an application can still override them: the session tables live in
 * spa-auth's schema, which {@link SpaAuthSchemaInitializer}
 * creates, so Boot's own session schema script must not run; and the API takes JSON only, so Spring's
 * parsing of form bodies on PUT, PATCH and DELETE ({@code FormContentFilter}), which fails with a
 * 500 on a malformed form, is off; and a request waits at most 2 seconds for a connection from the
 * pool (HikariCP's default is 30), checked in at most 1 second.
 */
class SpaAuthEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String JDBC_SESSIONS = "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

	static final String REDIS_SESSIONS = "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("spring.session.jdbc.initialize-schema", "never");
		defaults.put("spring.session.jdbc.table-name", SpaAuthSchemaInitializer.SCHEMA + ".spring_session");
		defaults.put("spring.mvc.formcontent.filter.enabled", "false");
		// Fail fast when the database is down: a request waits 2 s for a pooled connection, not 30 s.
		defaults.put("spring.datasource.hikari.connection-timeout", "2000");
		defaults.put("spring.datasource.hikari.validation-timeout", "1000");
		if ("redis".equalsIgnoreCase(environment.getProperty("spa-auth.session.store", "jdbc"))) {
			defaults.put("spring.autoconfigure.exclude", JDBC_SESSIONS);
			// Indexed by principal name, so a user's sessions can be listed and ended on every instance.
			defaults.put("spring.session.data.redis.repository-type", "indexed");
			// Fail fast when Redis is down: requests then get 503 within seconds, not after a minute.
			defaults.put("spring.data.redis.timeout", "2s");
			defaults.put("spring.data.redis.connect-timeout", "2s");
		}
		else {
			defaults.put("spring.autoconfigure.exclude", REDIS_SESSIONS);
		}
		environment.getPropertySources().addLast(new MapPropertySource("spaAuthDefaults", defaults));
	}

}
