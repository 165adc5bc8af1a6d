package dev.spaauth.store;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link FailFastDataSource} on a real HikariCP pool and the PostgreSQL driver, against a port where
 * nothing listens (a stopped database) and one that accepts connections and never answers (a hung
 * one), and on H2 in memory.
 */
class FailFastDataSourceTests {

	@Test
	void databaseThatKeepsRefusingThenCallsFailAtOnceUntilItIsTriedAgain() throws Exception {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}
		try (FailFastDataSource dataSource = new FailFastDataSource(pool(port, 500), Duration.ofSeconds(2), 50)) {
			for (int i = 0; i < 5; i++) {
				assertThatExceptionOfType(SQLException.class).isThrownBy(dataSource::getConnection);
			}

			long started = System.nanoTime();
			assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(dataSource::getConnection)
				.withMessageContaining("fail at once")
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("08001"));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
			assertThat(dataSource.state()).isEqualTo(CircuitBreaker.State.OPEN);
		}
	}

	@Test
	void moreThreadsWaitingForAConnectionThanAllowedThenTheNextFailsAtOnce() throws Exception {
		List<Socket> accepted = new ArrayList<>();
		try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				HikariDataSource pool = pool(hung.getLocalPort(), 2000);
				FailFastDataSource dataSource = new FailFastDataSource(pool, Duration.ofSeconds(2), 2)) {
			Thread acceptor = new Thread(() -> {
				while (!hung.isClosed()) {
					try {
						accepted.add(hung.accept());
					}
					catch (java.io.IOException ex) {
						return;
					}
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			java.util.concurrent.ExecutorService waiters = java.util.concurrent.Executors.newFixedThreadPool(2);
			CompletableFuture<?> first = CompletableFuture.runAsync(() -> tryConnection(dataSource), waiters);
			CompletableFuture<?> second = CompletableFuture.runAsync(() -> tryConnection(dataSource), waiters);
			waiters.shutdown();
			Awaitility.await()
				.atMost(Duration.ofMillis(1500))
				.until(() -> pool.getHikariPoolMXBean().getThreadsAwaitingConnection() == 2);

			long started = System.nanoTime();
			assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(dataSource::getConnection)
				.withMessageContaining("Too many requests already wait");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
			CompletableFuture.allOf(first, second).join();
		}
		finally {
			for (Socket socket : accepted) {
				socket.close();
			}
		}
	}

	@Test
	void embeddedDatabaseWithoutNetworkTimeoutsServesRequests() throws Exception {
		HikariDataSource h2 = new HikariDataSource();
		h2.setJdbcUrl("jdbc:h2:mem:fail-fast;DB_CLOSE_DELAY=-1");
		try (FailFastDataSource dataSource = new FailFastDataSource(h2, Duration.ofSeconds(2), 50);
				FailFastDataSource.RequestScope request = FailFastDataSource.boundRequest()) {
			try (Connection connection = dataSource.getConnection()) {
				assertThat(connection.isValid(1)).isTrue();
			}
			assertThat(dataSource.state()).isEqualTo(CircuitBreaker.State.CLOSED);
		}
	}

	private static void tryConnection(FailFastDataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			throw new AssertionError("a hung database handed out a connection");
		}
		catch (SQLException ex) {
			// Expected: the pool's wait ran out.
		}
	}

	private static HikariDataSource pool(int port, long connectionTimeoutMillis) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/none");
		config.setUsername("postgres");
		config.setConnectionTimeout(connectionTimeoutMillis);
		config.setInitializationFailTimeout(-1);
		config.addDataSourceProperty("socketTimeout", "1");
		config.addDataSourceProperty("connectTimeout", "1");
		return new HikariDataSource(config);
	}

}
