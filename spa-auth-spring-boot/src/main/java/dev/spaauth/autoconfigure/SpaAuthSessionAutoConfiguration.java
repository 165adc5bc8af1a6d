package dev.spaauth.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import dev.spaauth.session.CoarseLastAccessSessionRepository;

/**
 * Puts a {@link CoarseLastAccessSessionRepository} in front of the session store that Spring Boot
 * configured (Spring Session JDBC or Redis, picked by {@code spa-auth.session.store}), as the primary
 * repository, which Spring Session's {@code SessionRepositoryFilter} then uses: authenticated reads
 * write nothing to the store. The store's own repository stays a bean for the index of sessions by
 * user. Runs after the store's auto-configuration, which backs off when any session repository
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
			FindByIndexNameSessionRepository<S> store) {
		return new CoarseLastAccessSessionRepository<>(store);
	}

}
