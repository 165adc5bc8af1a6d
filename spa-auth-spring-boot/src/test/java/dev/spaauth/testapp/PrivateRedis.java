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
 * A private {@code redis-server} (Debian's) on a free loopback port, started and stopped by this
 * test alone, so fault tests can stop it without touching the machine's shared Redis. Nothing is
 * persisted.
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

	public static PrivateRedis start() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		PrivateRedis redis = new PrivateRedis(port, Files.createTempDirectory("spa-auth-redis"));
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

	/** Starts the server again on the same port, empty. */
	public void restart() throws IOException {
		startProcess();
	}

	private void startProcess() throws IOException {
		this.process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(this.port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory.toString()))
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("redis.log").toFile())
			.start();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(this::accepts);
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
			stop();
		}
	}

}
