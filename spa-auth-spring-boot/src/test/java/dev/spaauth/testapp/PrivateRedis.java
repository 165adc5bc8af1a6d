package dev.spaauth.testapp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

import org.awaitility.Awaitility;

/**
 * A private {@code redis-server} (Debian's) on a free loopback port, started and stopped by the test
 * that uses it, so fault tests can stop it without touching the machine's shared Redis. Nothing is
 * persisted. Shared with the browser suite through this module's test jar.
 */
public final class PrivateRedis implements AutoCloseable {

	private static final Pattern COMMAND_STAT = Pattern.compile("cmdstat_([a-z|]+):calls=(\\d+)");

	private final int port;

	private final Path directory;

	private Process process;

	private PrivateRedis(int port, Path directory) {
		this.port = port;
		this.directory = directory;
	}

	/** Starts a server in a new temporary folder. */
	public static PrivateRedis start() throws IOException {
		return start(Files.createTempDirectory("spa-auth-redis"));
	}

	/** Starts a server with {@code directory} as its working folder, where it logs to {@code redis.log}. */
	public static PrivateRedis start(Path directory) throws IOException {
		Files.createDirectories(directory);
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		PrivateRedis redis = new PrivateRedis(port, directory);
		redis.startProcess();
		return redis;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Returns how many times each command has run since the server started, from {@code INFO
	 * commandstats}, by lower-case command name.
	 */
	public Map<String, Long> commandCalls() {
		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", this.port));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			Map<String, Long> calls = new HashMap<>();
			Matcher stat = COMMAND_STAT.matcher(connection.sync().info("commandstats"));
			while (stat.find()) {
				calls.put(stat.group(1), Long.parseLong(stat.group(2)));
			}
			return calls;
		}
		finally {
			client.shutdown();
		}
	}

	/** Stops the server, as an outage would. */
	public void stop() {
		this.process.destroy();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !this.process.isAlive());
	}

	/** Stops the server with SIGSTOP: connections stay open and nothing answers. */
	public void hang() throws IOException, InterruptedException {
		signal("-STOP");
	}

	/** Lets the server {@link #hang()} stopped run again. */
	public void resume() throws IOException, InterruptedException {
		signal("-CONT");
	}

	private void signal(String signal) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", signal, Long.toString(this.process.pid())).inheritIO().start();
		if (kill.waitFor() != 0) {
			throw new IllegalStateException("kill " + signal + " " + this.process.pid() + " failed");
		}
	}

	/** Starts the server again on the same port, empty. */
	public void restart() throws IOException {
		startProcess();
	}

	private void startProcess() throws IOException {
		Process started = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(this.port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory.toString()))
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("redis.log").toFile())
			.start();
		this.process = started;
		// A test run that dies before close() must not leave a server behind.
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "stop-redis-" + started.pid()));
		try {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !started.isAlive() || accepts());
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// Reported below.
		}
		if (!started.isAlive() || !accepts()) {
			started.destroy();
			throw new IllegalStateException("redis-server did not start (apt-get install redis-server): "
					+ Files.readString(this.directory.resolve("redis.log")));
		}
	}

	private boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			try {
				resume();
			}
			catch (IOException | InterruptedException ex) {
				// Stopped below either way.
			}
			stop();
		}
	}

}
