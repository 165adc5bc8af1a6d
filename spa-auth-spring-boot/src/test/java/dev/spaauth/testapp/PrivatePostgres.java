package dev.spaauth.testapp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server (Debian's binaries, {@code /usr/lib/postgresql/<version>/bin}) in a new
 * temporary folder on a free loopback port, with trust authentication, so fault drills can stop it,
 * hang it (SIGSTOP of the server and its backends) and bring it back without touching the machine's
 * shared server. Run as root, it runs as the {@code postgres} user, since PostgreSQL refuses root.
 */
public final class PrivatePostgres implements AutoCloseable {

	private final Path directory;

	private final Path bin;

	private final int port;

	private final List<Long> hung = new ArrayList<>();

	private PrivatePostgres(Path directory, Path bin, int port) {
		this.directory = directory;
		this.bin = bin;
		this.port = port;
	}

	/** Creates a cluster (initdb) and starts its server. */
	public static PrivatePostgres start() throws IOException {
		Path directory = Files.createTempDirectory("spa-auth-postgres");
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		PrivatePostgres postgres = new PrivatePostgres(directory, binaries(), port);
		if (isRoot()) {
			run(List.of("chown", "postgres:postgres", directory.toString()));
		}
		postgres.asServerUser(postgres.bin.resolve("initdb").toString(), "--no-sync", "-A", "trust", "-U", "postgres",
				"-E", "UTF8", "-D", postgres.data().toString());
		postgres.restart();
		Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-postgres-" + port));
		return postgres;
	}

	/** The JDBC URL of its database {@code postgres}, user {@code postgres}, no password. */
	public String url() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	/** Starts the server (again), with the data it had. */
	public void restart() throws IOException {
		asServerUser(this.bin.resolve("pg_ctl").toString(), "start", "-w", "-t", "30", "-D", data().toString(), "-l",
				this.directory.resolve("server.log").toString(), "-o", "-p " + this.port
						+ " -k " + this.directory + " -c listen_addresses=127.0.0.1 -c fsync=off");
	}

	/** Stops the server at once, as a crash would ({@code pg_ctl stop -m immediate}). */
	public void stop() throws IOException {
		asServerUser(this.bin.resolve("pg_ctl").toString(), "stop", "-m", "immediate", "-w", "-D", data().toString());
	}

	/** Stops the server and every backend with SIGSTOP: connections stay open and nothing answers. */
	public void hang() throws IOException {
		long server = Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).trim());
		this.hung.add(server);
		ProcessHandle.of(server).ifPresent((handle) -> handle.descendants().forEach((p) -> this.hung.add(p.pid())));
		signal("-STOP");
	}

	/** Lets the processes {@link #hang()} stopped run again. */
	public void resume() throws IOException {
		signal("-CONT");
		this.hung.clear();
	}

	@Override
	public void close() {
		if (!Files.exists(this.directory)) {
			return;
		}
		try {
			if (!this.hung.isEmpty()) {
				resume();
			}
			if (Files.exists(data().resolve("postmaster.pid"))) {
				stop();
			}
			try (Stream<Path> files = Files.walk(this.directory)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void signal(String signal) throws IOException {
		if (this.hung.isEmpty()) {
			return;
		}
		List<String> command = new ArrayList<>(List.of("kill", signal));
		this.hung.forEach((pid) -> command.add(Long.toString(pid)));
		run(command);
	}

	private Path data() {
		return this.directory.resolve("data");
	}

	private void asServerUser(String... command) throws IOException {
		List<String> full = new ArrayList<>();
		if (isRoot()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(List.of(command));
		run(full);
	}

	private static void run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static Path binaries() throws IOException {
		try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("initdb")))
				.max(Comparator.naturalOrder())
				.orElseThrow(() -> new IllegalStateException(
						"No PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)"));
		}
	}

}
