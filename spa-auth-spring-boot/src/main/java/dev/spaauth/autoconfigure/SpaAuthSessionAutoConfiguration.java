package dev.spaauth.autoconfigure;

import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.SaveMode;
import org.springframework.session.Session;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

import dev.spaauth.deployment.Deployment;
import dev.spaauth.session.CoarseLastAccessSessionRepository;
import dev.spaauth.session.MalformedSessionCookieFilter;
import dev.spaauth.session.SessionReadOnceFilter;

/**
 * Puts a {@link CoarseLastAccessSessionRepository} in front of the session store that Spring Boot
 * configured (Spring Session JDBC or Redis, picked by {@code spa-auth.session.store}), as the primary
 * repository, which Spring Session's {@code SessionRepositoryFilter} then uses: authenticated reads
 * write nothing to the store. The store's own repository stays a bean for the index of sessions by
 * user. A filter just outside Spring Session's makes each request read its session from the store
 * once. Runs after the store's auto-configuration, which backs off when any session repository
 * exists already.
 */
@AutoConfiguration(afterName = { SpaAuthEnvironmentPostProcessor.JDBC_SESSIONS,
		SpaAuthEnvironmentPostProcessor.REDIS_SESSIONS })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(FindByIndexNameSessionRepository.class)
public final class SpaAuthSessionAutoConfiguration {

	@Bean
	@Primary
	<S extends Session> CoarseLastAccessSessionRepository<S> spaAuthSessionRepository(
			FindByIndexNameSessionRepository<S> store, Environment environment) {
		return new CoarseLastAccessSessionRepository<>(store, savesOnlyWhatWasSet(environment));
	}

	@Bean
	FilterRegistrationBean<SessionReadOnceFilter> spaAuthSessionReadOnceFilter(
			CoarseLastAccessSessionRepository<?> sessions) {
		FilterRegistrationBean<SessionReadOnceFilter> registration = new FilterRegistrationBean<>(
				new SessionReadOnceFilter(sessions));
		// Just outside Spring Session's filter, whose look-ups it answers from the request's first read.
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	FilterRegistrationBean<MalformedSessionCookieFilter> spaAuthMalformedSessionCookieFilter(CookieSerializer cookies,
			SpaAuthProperties properties, Deployment deployment) {
		FilterRegistrationBean<MalformedSessionCookieFilter> registration = new FilterRegistrationBean<>(
				new MalformedSessionCookieFilter(cookies,
						properties.session().effectiveCookieName(deployment.secureCookies())));
		// Outside Spring Session's filter, which would look the cookie's value up in the store.
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 2);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	/** Whether the store runs with Spring Session's default save mode, {@code ON_SET_ATTRIBUTE}. */
	private static boolean savesOnlyWhatWasSet(Environment environment) {
		return Stream.of("spring.session.jdbc.save-mode", "spring.session.data.redis.save-mode")
			.map((name) -> environment.getProperty(name, SaveMode.class, SaveMode.ON_SET_ATTRIBUTE))
			.allMatch(SaveMode.ON_SET_ATTRIBUTE::equals);
	}

}
