package dev.spaauth.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;

/**
 * The endpoint fuzzer against accounts, sessions and throttle counts in PostgreSQL (the machine's
 * server, a database of its own that the test creates and drops), which refuses what H2 holds (a NUL
 * character in text): every property of {@link EndpointFuzzIntegrationTests}, on a third of its
 * tries.
 */
class PostgresEndpointFuzzIntegrationTests extends EndpointFuzzIntegrationTests {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private final String database = "spa_auth_fuzz_" + UUID.randomUUID().toString().replace("-", "");

	@Override
	FuzzTarget startTarget() {
		execute("CREATE DATABASE " + this.database);
		return FuzzTarget.start(List.of("--spring.datasource.url=" + SERVER + this.database,
				"--spring.datasource.username=postgres", "--spring.datasource.password="), null);
	}

	@Override
	double share() {
		return 0.3;
	}

	@Override
	@AfterAll
	void stop() {
		super.stop();
		execute("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(SERVER + "test", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
