package dev.spaauth.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import dev.spaauth.store.FailFastDataSource;

/**
 * Wraps each {@code DataSource} bean in a {@link FailFastDataSource}, with
 * {@code spa-auth.database.request-timeout} (2 seconds by default) and
 * {@code spa-auth.database.max-waiting} (50), so every user of the database
 * (spa-auth's session store, accounts and throttle, and the application's own repositories) fails
 * fast while it is down or hung. The wrapper unwraps to the pool ({@code unwrap}), which Boot's pool
 * metrics and health use.
 */
final class FailFastDataSourcePostProcessor implements BeanPostProcessor {

	private final Environment environment;

	FailFastDataSourcePostProcessor(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof FailFastDataSource)) {
			Binder binder = Binder.get(this.environment);
			Duration timeout = binder.bind("spa-auth.database.request-timeout", Duration.class)
				.orElse(Duration.ofSeconds(2));
			int maxWaiting = binder.bind("spa-auth.database.max-waiting", Integer.class).orElse(50);
			return new FailFastDataSource(dataSource, timeout, maxWaiting);
		}
		return bean;
	}

}
