package dev.spaauth.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small same-origin cookie-session API on {@code http://127.0.0.1:PORT} (the JDK's HTTP server)
 * that answers like spa-auth's endpoints, with switches that break one thing each, for the checks'
 * unit tests.
 */
final class FakeApi implements AutoCloseable {

	static final String PASSWORD = "correct horse battery staple";

	private static final String TOKEN = "token-1";

	private final HttpServer server;

	private final Set<String> sessions = ConcurrentHashMap.newKeySet();

	/** Echo any Origin in Access-Control-Allow-Origin, with credentials (a reflecting proxy). */
	volatile boolean reflectOrigin;

	/** Echo an Origin that this regex allow-list matches, with credentials (a regex with unescaped dots). */
	volatile Pattern allowedOrigins;

	/** Echo any Origin in Access-Control-Allow-Origin, without Access-Control-Allow-Credentials. */
	volatile boolean reflectOriginWithoutCredentials;

	/** The body of the 403 to an unsafe request without the token. */
	volatile String csrfRefusal = "{\"code\":\"csrf_failed\"}";

	/** Keep the session id the client brings at log-in (session fixation). */
	volatile boolean keepSessionId;

	/** Accept unsafe requests without the token. */
	volatile boolean skipCsrf;

	/** Leave HttpOnly off the session cookie. */
	volatile boolean scriptReadableSession;

	/** Answer wrong credentials with 403, as Django REST Framework's session authentication does. */
	volatile boolean forbiddenForBadCredentials;

	/** Whether any request body carried {@link #PASSWORD}. */
	volatile boolean passwordReceived;

	FakeApi() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/api/auth/", this::handle);
		this.server.start();
	}

	String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		if (body.contains(PASSWORD)) {
			this.passwordReceived = true;
		}
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod();
		String session = cookie(exchange, "__Host-SESSION");
		exchange.getResponseHeaders().add("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
		String origin = exchange.getRequestHeaders().getFirst("Origin");
		if (this.reflectOrigin && origin != null) {
			exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
			exchange.getResponseHeaders().add("Access-Control-Allow-Credentials", "true");
		}
		else if (this.allowedOrigins != null && origin != null && this.allowedOrigins.matcher(origin).matches()) {
			exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
			exchange.getResponseHeaders().add("Access-Control-Allow-Credentials", "true");
		}
		else if (this.reflectOriginWithoutCredentials && origin != null) {
			exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
		}
		if (method.equals("OPTIONS")) {
			answer(exchange, 403, "{\"code\":\"origin_forbidden\"}");
			return;
		}
		boolean unsafe = method.equals("POST");
		if (unsafe && origin != null && !origin.equals(origin())) {
			answer(exchange, 403, "{\"code\":\"origin_forbidden\"}");
			return;
		}
		if (unsafe && !this.skipCsrf && !TOKEN.equals(exchange.getRequestHeaders().getFirst("X-XSRF-TOKEN"))) {
			answer(exchange, 403, this.csrfRefusal);
			return;
		}
		switch (method + " " + path) {
			case "GET /api/auth/csrf" -> {
				exchange.getResponseHeaders().add("Set-Cookie", "XSRF-TOKEN=" + TOKEN + "; Path=/; Secure; SameSite=Lax");
				answer(exchange, 200, "{\"csrfToken\":\"" + TOKEN + "\",\"headerName\":\"X-XSRF-TOKEN\"}");
			}
			case "GET /api/auth/session" -> answer(exchange, 200,
					"{\"authenticated\":" + (session != null && this.sessions.contains(session)) + "}");
			case "POST /api/auth/login" -> login(exchange, body, session);
			case "POST /api/auth/logout" -> {
				if (session != null) {
					this.sessions.remove(session);
				}
				exchange.getResponseHeaders()
					.add("Set-Cookie", "__Host-SESSION=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax");
				answer(exchange, 200, "{\"csrfToken\":\"" + TOKEN + "\"}");
			}
			default -> answer(exchange, 404, "{\"code\":\"not_found\"}");
		}
	}

	private void login(HttpExchange exchange, String body, String session) throws IOException {
		if (!body.contains("\"username\"")) {
			answer(exchange, 400, "{\"code\":\"validation_failed\"}");
			return;
		}
		if (!body.contains("\"alice\"") || !body.contains(PASSWORD)) {
			answer(exchange, this.forbiddenForBadCredentials ? 403 : 400,
					this.forbiddenForBadCredentials ? "{\"detail\":\"Incorrect authentication credentials.\"}"
							: "{\"code\":\"invalid_credentials\"}");
			return;
		}
		String id = (this.keepSessionId && session != null) ? session : UUID.randomUUID().toString();
		if (session != null && !id.equals(session)) {
			this.sessions.remove(session);
		}
		this.sessions.add(id);
		exchange.getResponseHeaders()
			.add("Set-Cookie", "__Host-SESSION=" + id + "; Path=/; Secure; " + (this.scriptReadableSession ? "" : "HttpOnly; ")
					+ "SameSite=Lax");
		answer(exchange, 200, "{\"user\":{\"username\":\"alice\"},\"csrfToken\":\"" + TOKEN + "\"}");
	}

	private static String cookie(HttpExchange exchange, String name) {
		String header = exchange.getRequestHeaders().getFirst("Cookie");
		if (header == null) {
			return null;
		}
		for (String pair : header.split(";")) {
			String[] parts = pair.strip().split("=", 2);
			if (parts.length == 2 && parts[0].equals(name)) {
				return parts[1];
			}
		}
		return null;
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
