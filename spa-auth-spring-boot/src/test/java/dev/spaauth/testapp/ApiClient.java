package dev.spaauth.testapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A raw HTTP client for tests that keeps cookies like one browser profile (by name, replaced or
 * expired by Set-Cookie) and lets a test set or forge any header: the real HTTP stack, no mocks.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String baseUrl;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	public ApiClient(int port) {
		this("http://localhost:" + port);
	}

	private ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Map<String, String> cookies() {
		return this.cookies;
	}

	public Request get(String path) {
		return new Request("GET", path);
	}

	public Request post(String path) {
		return new Request("POST", path);
	}

	public Request method(String method, String path) {
		return new Request(method, path);
	}

	/**
	 * Returns the id of this client's session: the {@code __Host-SESSION} cookie, which Spring
	 * Session base64-encodes.
	 */
	public String sessionId() {
		return new String(Base64.getDecoder().decode(this.cookies.get("__Host-SESSION")), StandardCharsets.US_ASCII);
	}

	/** Sends a CORS preflight from a fresh client (no cookies), as a browser does. */
	public Response preflight(String origin, String path, String method, String requestHeaders) {
		return new ApiClient(this.baseUrl).method("OPTIONS", path)
			.header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.header("Access-Control-Request-Headers", requestHeaders)
			.send();
	}

	/** Primes CSRF and returns the token from the JSON body. */
	public String csrf() {
		return get("/api/auth/csrf").send().json().get("csrfToken").asString();
	}

	/** Asks the session endpoint whether this client's session is authenticated. */
	public boolean authenticated() {
		return get("/api/auth/session").send().json().get("authenticated").asBoolean();
	}

	/** Primes CSRF and signs up; returns the response. */
	public Response signup(String username, String email, String password) {
		return post("/api/auth/signup").csrf(csrf())
			.json(Map.of("username", username, "email", email, "password", password))
			.send();
	}

	/** Primes CSRF and logs in; returns the response. */
	public Response login(String username, String password) {
		return post("/api/auth/login").csrf(csrf()).json(Map.of("username", username, "password", password)).send();
	}

	public final class Request {

		private final HttpRequest.Builder builder;

		private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

		private final String method;

		private boolean sendCookies = true;

		Request(String method, String path) {
			this.builder = HttpRequest.newBuilder(URI.create(ApiClient.this.baseUrl + path));
			this.builder.header("Accept", "*/*");
			this.method = method;
		}

		public Request header(String name, String value) {
			this.builder.header(name, value);
			return this;
		}

		public Request csrf(String token) {
			return header("X-XSRF-TOKEN", token);
		}

		public Request json(Object value) {
			return body("application/json", JSON.writeValueAsString(value));
		}

		public Request body(String contentType, String content) {
			this.builder.header("Content-Type", contentType);
			this.body = HttpRequest.BodyPublishers.ofString(content);
			return this;
		}

		public Request bytes(String contentType, byte[] content) {
			this.builder.header("Content-Type", contentType);
			this.body = HttpRequest.BodyPublishers.ofByteArray(content);
			return this;
		}

		public Request chunked(String contentType, byte[] content) {
			this.builder.header("Content-Type", contentType);
			this.body = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(content));
			return this;
		}

		public Request withoutCookies() {
			this.sendCookies = false;
			return this;
		}

		public Response send() {
			if (this.sendCookies && !ApiClient.this.cookies.isEmpty()) {
				StringBuilder header = new StringBuilder();
				ApiClient.this.cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ")
					.append(name)
					.append('=')
					.append(value));
				this.builder.header("Cookie", header.toString());
			}
			try {
				HttpResponse<String> response = HTTP
					.send(this.builder.method(this.method, this.body).build(), HttpResponse.BodyHandlers.ofString());
				Response result = new Response(response);
				for (SetCookie cookie : result.setCookies()) {
					if (cookie.expired()) {
						ApiClient.this.cookies.remove(cookie.name());
					}
					else {
						ApiClient.this.cookies.put(cookie.name(), cookie.value());
					}
				}
				return result;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

		public Optional<String> header(String name) {
			return this.raw.headers().firstValue(name);
		}

		public List<String> headers(String name) {
			return this.raw.headers().allValues(name);
		}

		public List<SetCookie> setCookies() {
			return headers("Set-Cookie").stream().map(SetCookie::parse).toList();
		}

		/**
		 * The last Set-Cookie of the name: the one the browser keeps (a partitioned cookie comes after
		 * the expired unpartitioned copy of its name).
		 */
		public Optional<SetCookie> setCookie(String name) {
			return setCookies().stream().filter((cookie) -> cookie.name().equals(name)).reduce((first, second) -> second);
		}

	}

	/** One parsed Set-Cookie header: name, value and lower-cased attribute names to values. */
	public record SetCookie(String name, String value, Map<String, String> attributes) {

		static SetCookie parse(String header) {
			String[] parts = header.split(";");
			int eq = parts[0].indexOf('=');
			Map<String, String> attributes = new LinkedHashMap<>();
			for (int i = 1; i < parts.length; i++) {
				String part = parts[i].strip();
				int at = part.indexOf('=');
				attributes.put(((at < 0) ? part : part.substring(0, at)).toLowerCase(Locale.ROOT),
						(at < 0) ? "" : part.substring(at + 1));
			}
			return new SetCookie(parts[0].substring(0, eq).strip(), parts[0].substring(eq + 1).strip(), attributes);
		}

		public boolean has(String attribute) {
			return this.attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
		}

		public String attribute(String attribute) {
			return this.attributes.get(attribute.toLowerCase(Locale.ROOT));
		}

		public boolean expired() {
			return "0".equals(attribute("max-age"));
		}

	}

}
