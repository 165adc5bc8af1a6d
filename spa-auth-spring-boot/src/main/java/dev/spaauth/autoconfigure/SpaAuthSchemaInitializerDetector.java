package dev.spaauth.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot that {@link SpaAuthSchemaInitializer} initializes the database: beans that depend on
 * database initialization (Spring Session's repository, JDBC templates) wait for it, and, with an
 * order before Flyway's, so do the application's own Flyway migrations.
 */
class SpaAuthSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(SpaAuthSchemaInitializer.class);
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
