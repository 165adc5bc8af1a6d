package dev.spaauth.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.InitializingBean;

/**
 * Creates and migrates spa-auth's own tables (accounts and Spring Session's tables) with Flyway, in
 * the schema {@code spa_auth} with its own history table, so they never mix with the application's
 * migrations. It runs before the application's Flyway migrations, which may therefore reference
 * {@code spa_auth.users}.
 */
public class SpaAuthSchemaInitializer implements InitializingBean {

	/** The schema that holds spa-auth's tables. */
	public static final String SCHEMA = "spa_auth";

	private final DataSource dataSource;

	/**
	 * Creates the initializer.
	 * @param dataSource the application's database
	 */
	public SpaAuthSchemaInitializer(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(schemaNameAsStored())
			.createSchemas(true)
			.locations("classpath:db/spa-auth/migration")
			.load()
			.migrate();
	}

	/**
	 * Flyway quotes schema names, while spa-auth's SQL writes {@code spa_auth} unquoted; an unquoted
	 * name is folded to upper case by H2 and to lower case by PostgreSQL, so create it that way.
	 */
	private String schemaNameAsStored() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.getMetaData().storesUpperCaseIdentifiers() ? SCHEMA.toUpperCase(Locale.ROOT) : SCHEMA;
		}
	}

}
