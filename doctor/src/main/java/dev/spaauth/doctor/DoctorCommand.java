package dev.spaauth.doctor;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code spa-auth doctor}: checks a deployed API and its SPA from the outside and prints a line per
 * check. Exit codes: {@value #EXIT_OK} when no check failed (warnings allowed), {@value #EXIT_FAILURE}
 * when one failed, {@value #EXIT_USAGE} for a usage error, an API that cannot be reached (no answer,
 * an untrusted certificate) or an unexpected error. The test account's password is sent only over
 * HTTPS or to the local machine, unless {@code --allow-insecure-password} says otherwise.
 */
@Command(name = "spa-auth-doctor", mixinStandardHelpOptions = true, version = "spa-auth doctor 0.1.0",
		sortOptions = false, usageHelpAutoWidth = true,
		description = "Checks a cookie-session API and its SPA as deployed: TLS and HSTS, CSRF, cookies, CORS, "
				+ "forwarded headers and, with a test account, log-in, session rotation and log-out.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:no check failed (warnings allowed)", "1:a check failed",
				"2:usage error, the API could not be reached, or an unexpected error" })
public final class DoctorCommand implements Callable<Integer> {

	/** No check failed. */
	public static final int EXIT_OK = 0;

	/** A check failed. */
	public static final int EXIT_FAILURE = 1;

	/** A usage error, the API could not be reached, or an unexpected error. */
	public static final int EXIT_USAGE = 2;

	@Spec
	private CommandSpec spec;

	@Option(names = "--api", required = true, paramLabel = "URL", description = "the API's origin as browsers see it, "
			+ "such as https://api.example.com")
	private URI api;

	@Option(names = "--spa", paramLabel = "URL", description = "the SPA's origin, such as https://app.example.com "
			+ "(default: the API's origin)")
	private URI spa;

	@Option(names = "--user", paramLabel = "NAME", description = "a test account to sign in as (needs --password-env)")
	private String user;

	@Option(names = "--password-env", paramLabel = "VAR", description = "the environment variable that holds the "
			+ "account's password (never given on the command line)")
	private String passwordEnv;

	@Option(names = "--allow-insecure-password", description = "sign in even when --api is plain HTTP on a host "
			+ "other than the local machine, sending the test password in clear text (default: refused)")
	private boolean allowInsecurePassword;

	@Option(names = "--json", description = "print JSON instead of text")
	private boolean json;

	@Option(names = "--cacert", paramLabel = "PEM", description = "trust only the CA certificates in this PEM file "
			+ "(default: the JDK's trust store)")
	private Path caCertificate;

	@Option(names = "--proxy", paramLabel = "HOST:PORT", description = "reach the API through this HTTP CONNECT proxy")
	private String proxy;

	@Option(names = "--csrf-path", converter = PathConverter.class, defaultValue = "/api/auth/csrf", paramLabel = "PATH",
			description = "CSRF priming GET (default: ${DEFAULT-VALUE})")
	private String csrfPath;

	@Option(names = "--login-path", converter = PathConverter.class, defaultValue = "/api/auth/login", paramLabel = "PATH",
			description = "log-in POST, JSON {username, password} (default: ${DEFAULT-VALUE})")
	private String loginPath;

	@Option(names = "--session-path", converter = PathConverter.class, defaultValue = "/api/auth/session", paramLabel = "PATH",
			description = "session GET (default: ${DEFAULT-VALUE})")
	private String sessionPath;

	@Option(names = "--logout-path", converter = PathConverter.class, defaultValue = "/api/auth/logout", paramLabel = "PATH",
			description = "log-out path (default: ${DEFAULT-VALUE})")
	private String logoutPath;

	@Option(names = "--logout-method", defaultValue = "POST", paramLabel = "METHOD",
			description = "log-out method, POST or DELETE (default: ${DEFAULT-VALUE}; django-allauth: DELETE)")
	private String logoutMethod;

	@Option(names = "--csrf-header", defaultValue = "X-XSRF-TOKEN", paramLabel = "NAME",
			description = "header for the CSRF token, unless the priming JSON names one in headerName "
					+ "(default: ${DEFAULT-VALUE}; Django: X-CSRFToken)")
	private String csrfHeader;

	@Option(names = "--username-field", defaultValue = "username", paramLabel = "NAME",
			description = "JSON field of the log-in body for the user name (default: ${DEFAULT-VALUE})")
	private String usernameField;

	@Option(names = "--session-cookie", paramLabel = "NAME", description = "the session cookie's name (default: "
			+ "the cookie the log-in sets whose name says session, else an HttpOnly one)")
	private String sessionCookie;

	@Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
			description = "connect and answer timeout per request (default: ${DEFAULT-VALUE})")
	private int timeoutSeconds;

	private final Function<String, String> environment;

	/** A command that reads the password from the process environment. */
	public DoctorCommand() {
		this(System::getenv);
	}

	/**
	 * A command that reads the password from the given environment (tests).
	 * @param environment looks up an environment variable, null when unset
	 */
	public DoctorCommand(Function<String, String> environment) {
		this.environment = environment;
	}

	/**
	 * Runs the doctor and exits with its code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		System.exit(commandLine(new DoctorCommand()).execute(args));
	}

	/**
	 * Wraps a command in a command line whose unexpected errors (a bug, an answer the doctor did not
	 * foresee) exit with {@value #EXIT_USAGE} and a one-line message, not with {@value #EXIT_FAILURE},
	 * the code of a failed check, and a stack trace.
	 * @param command the command
	 * @return the command line to execute
	 */
	public static CommandLine commandLine(DoctorCommand command) {
		return new CommandLine(command).setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			String message = (ex.getClass().getSimpleName() + ": " + ex.getMessage()).replaceAll("\\s+", " ");
			commandLine.getErr().println("spa-auth doctor: did not finish: " + message);
			commandLine.getErr().flush();
			return EXIT_USAGE;
		});
	}

	@Override
	public Integer call() {
		Target target = target();
		ApiClient client;
		try {
			client = new ApiClient(target.api(), this.caCertificate, this.proxy, Duration.ofSeconds(this.timeoutSeconds));
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		Probe probe = new Probe(target, client);
		try {
			probe.priming();
		}
		catch (UncheckedIOException ex) {
			this.spec.commandLine().getErr().println("spa-auth doctor: the API did not answer: " + ex.getMessage());
			this.spec.commandLine().getErr().flush();
			return EXIT_USAGE;
		}
		Report report = new Report(target, Checks.run(probe));
		this.spec.commandLine().getOut().print(this.json ? report.json() : report.text());
		this.spec.commandLine().getOut().flush();
		return report.exitCode();
	}

	private Target target() {
		URI spaOrigin = (this.spa != null) ? this.spa : this.api;
		for (URI uri : List.of(this.api, spaOrigin)) {
			if (uri.getHost() == null || !List.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase())) {
				throw new ParameterException(this.spec.commandLine(), "not an http(s) origin: " + uri);
			}
		}
		if ((this.user == null) != (this.passwordEnv == null)) {
			throw new ParameterException(this.spec.commandLine(), "--user and --password-env go together");
		}
		if (this.user != null && !this.allowInsecurePassword && !"https".equalsIgnoreCase(this.api.getScheme())
				&& !Target.isLoopback(this.api.getHost())) {
			throw new ParameterException(this.spec.commandLine(), "--user with --api " + this.api + " would send the "
					+ "test account's password in clear text over the network; use https (or a loopback host), or "
					+ "add --allow-insecure-password");
		}
		String password = null;
		if (this.passwordEnv != null) {
			password = this.environment.apply(this.passwordEnv);
			if (password == null || password.isEmpty()) {
				throw new ParameterException(this.spec.commandLine(),
						"the environment variable " + this.passwordEnv + " (--password-env) is not set");
			}
		}
		if (!List.of("POST", "DELETE").contains(this.logoutMethod.toUpperCase(java.util.Locale.ROOT))) {
			throw new ParameterException(this.spec.commandLine(), "--logout-method must be POST or DELETE");
		}
		return new Target(this.api, spaOrigin, this.csrfPath, this.loginPath, this.sessionPath, this.logoutPath,
				this.logoutMethod.toUpperCase(java.util.Locale.ROOT), this.csrfHeader, this.usernameField, this.sessionCookie, this.user, password);
	}

}
