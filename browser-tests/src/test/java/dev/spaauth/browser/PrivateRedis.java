package dev.spaauth.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A private {@code redis-server} (Debian's) on a free loopback port, started and stopped by the test
 * that uses it (by its own process, never the machine's shared Redis). Nothing is persisted. The same
 * approach as the library's own Redis tests, which this module cannot depend on.
 */
final class PrivateRedis implements AutoCloseable {

	private final int port;

	private final Process process;

	private PrivateRedis(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	/** Starts redis-server on a free port with {@code directory} as its working folder and log. */
	static PrivateRedis start(Path directory) {
		try {
			Files.createDirectories(directory);
			int port;
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				port = socket.getLocalPort();
			}
			Process process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString()))
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("redis.log").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-redis-" + process.pid()));
			PrivateRedis redis = new PrivateRedis(port, process);
			try {
				Awaitility.await()
					.atMost(Duration.ofSeconds(10))
					.pollInterval(Duration.ofMillis(50))
					.until(() -> !process.isAlive() || accepts(port));
			}
			catch (ConditionTimeoutException ex) {
				// Reported below.
			}
			if (!process.isAlive() || !accepts(port)) {
				redis.close();
				throw new IllegalStateException("redis-server did not start (apt-get install redis-server): "
						+ Files.readString(directory.resolve("redis.log")));
			}
			return redis;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.port;
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
