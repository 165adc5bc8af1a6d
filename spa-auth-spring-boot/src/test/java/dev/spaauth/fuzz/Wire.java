package dev.spaauth.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.spaauth.testapp.RawHttp;

/**
 * Sends a {@link FuzzRequest} over the real HTTP stack: through {@link HttpClient} (HTTP/1.1), or,
 * for what that client refuses to send (raw bytes in the request line, restricted or malformed
 * headers, odd framing), as bytes written to a socket by {@link RawHttp#exchange}.
 */
final class Wire {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	/** The failure of a {@link Response} that is an HTTP/0.9 answer: a body without status line or headers. */
	static final String HTTP_09 = "HTTP/0.9 answer: a body without status line or headers";

	/** Headers {@link HttpClient} refuses to set; a request with one goes over the raw socket. */
	private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
			"transfer-encoding");

	/** A response, or {@code status == -1} and a {@code failure} when none came. */
	record Response(int status, Map<String, List<String>> headers, byte[] body, long millis, String failure,
			FuzzRequest.Transport transport) {

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		boolean answered() {
			return this.status > 0;
		}

		boolean http09() {
			return HTTP_09.equals(this.failure);
		}

		String describe() {
			if (!answered()) {
				return "  no response (" + this.failure + ")" + (http09() ? ": " + FuzzRequest.escape(text()) : "");
			}
			StringBuilder text = new StringBuilder("  HTTP " + this.status + "  (" + this.millis + " ms)\n");
			this.headers.forEach((name, values) -> values.forEach((value) -> {
				if (!name.equals("content-security-policy") && !name.equals("date")) {
					text.append("  ").append(name).append(": ").append(FuzzRequest.escape(value)).append('\n');
				}
			}));
			String body = text();
			text.append("  body: ").append(FuzzRequest.escape((body.length() > 1500) ? body.substring(0, 1500) + "..." : body));
			return text.toString();
		}

	}

	private final HttpClient client = newClient();

	private final int port;

	Wire(int port) {
		this.port = port;
	}

	Response send(FuzzRequest request, UnaryOperator<String> resolve) {
		if (request.transport == FuzzRequest.Transport.HTTP_CLIENT) {
			HttpRequest built = buildForClient(request, resolve);
			if (built != null) {
				return sendWithClient(built, request.transport);
			}
			// HttpClient refuses this method, URI or header: the same request goes out as bytes.
			return sendRaw(request.withTransport(FuzzRequest.Transport.RAW_SOCKET), resolve);
		}
		return sendRaw(request, resolve);
	}

	private HttpRequest buildForClient(FuzzRequest request, UnaryOperator<String> resolve) {
		try {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port
					+ resolve.apply(request.path))).timeout(TIMEOUT);
			for (FuzzRequest.Header header : request.headers) {
				if (RESTRICTED.contains(header.name().toLowerCase(Locale.ROOT))) {
					return null;
				}
				builder.header(header.name(), resolve.apply(header.value()));
			}
			byte[] body = resolveBody(request.body, resolve);
			builder.method(request.method, (body.length == 0) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
			HttpRequest built = builder.build();
			// URI.create accepts characters HttpClient would send unencoded or not at all (a fragment).
			return (built.uri().getRawFragment() == null && isAscii(built.uri().getRawPath())
					&& isAscii(built.uri().getRawQuery())) ? built : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean isAscii(String value) {
		return value == null || value.chars().allMatch((c) -> c > 0x20 && c < 0x7f);
	}

	private Response sendWithClient(HttpRequest request, FuzzRequest.Transport transport) {
		Response response = sendWithClient(this.client, request, transport);
		if (response.answered()) {
			return response;
		}
		// A pooled keep-alive connection can be closed by the server just as the client reuses it
		// (RFC 9112 section 9.3.1: a client retries on a new connection; HttpClient does so only for
		// idempotent methods). The request is answered or not on a fresh connection.
		return sendWithClient(newClient(), request, transport);
	}

	private static HttpClient newClient() {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
	}

	private static Response sendWithClient(HttpClient client, HttpRequest request, FuzzRequest.Transport transport) {
		long start = System.nanoTime();
		try {
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			Map<String, List<String>> headers = new LinkedHashMap<>();
			response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
			return new Response(response.statusCode(), headers, response.body(), millisSince(start), null, transport);
		}
		catch (IOException ex) {
			return new Response(-1, Map.of(), new byte[0], millisSince(start), ex.toString(), transport);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Response sendRaw(FuzzRequest request, UnaryOperator<String> resolve) {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		StringBuilder lines = new StringBuilder();
		lines.append(request.method).append(' ').append(resolve.apply(request.path));
		if (!request.version.isEmpty()) {
			lines.append(' ').append(request.version);
		}
		lines.append("\r\n");
		byte[] body = resolveBody(request.body, resolve);
		if (!request.rawFraming) {
			lines.append("Host: localhost:").append(this.port).append("\r\n");
		}
		for (FuzzRequest.Header header : request.headers) {
			String value = resolve.apply(header.value())
				.replace("{BODY_LENGTH}", Integer.toString(body.length))
				.replace("{BODY_LENGTH_PLUS_10}", Integer.toString(body.length + 10));
			lines.append(header.name()).append(": ").append(value).append("\r\n");
		}
		if (!request.rawFraming) {
			if (body.length > 0 || Set.of("POST", "PUT", "PATCH").contains(request.method)) {
				lines.append("Content-Length: ").append(body.length).append("\r\n");
			}
			lines.append("Connection: close\r\n");
		}
		lines.append("\r\n");
		head.writeBytes(lines.toString().getBytes(request.headCharset));
		head.writeBytes(body);
		long start = System.nanoTime();
		try {
			byte[] received = RawHttp.exchange(this.port, head.toByteArray(), TIMEOUT, request.rawFraming);
			try {
				return parse(received, millisSince(start), request.isHead());
			}
			catch (RuntimeException ex) {
				return new Response(-1, Map.of(), new byte[0], millisSince(start), "unparseable response (" + ex
						+ "): " + FuzzRequest.escapeBytes(received, Math.min(300, received.length)),
						FuzzRequest.Transport.RAW_SOCKET);
			}
		}
		catch (IOException ex) {
			return new Response(-1, Map.of(), new byte[0], millisSince(start), ex.toString(),
					FuzzRequest.Transport.RAW_SOCKET);
		}
	}

	private static Response parse(byte[] received, long millis, boolean head) {
		if (received.length > 0 && !new String(received, 0, Math.min(5, received.length), StandardCharsets.ISO_8859_1)
			.equals("HTTP/")) {
			// Tomcat answers a request line without a protocol version (HTTP/0.9) with the body alone.
			return new Response(-1, Map.of(), received, millis, HTTP_09, FuzzRequest.Transport.RAW_SOCKET);
		}
		int offset = 0;
		while (true) {
			int end = indexOf(received, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), offset);
			if (end < 0) {
				return new Response(-1, Map.of(), new byte[0], millis,
						(received.length == 0) ? "connection closed without a response"
								: "unparseable response: " + FuzzRequest.escapeBytes(received, Math.min(200, received.length)),
						FuzzRequest.Transport.RAW_SOCKET);
			}
			String[] lines = new String(received, offset, end - offset, StandardCharsets.ISO_8859_1).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), (k) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
			int bodyStart = end + 4;
			if (status >= 100 && status < 200) {
				offset = bodyStart;
				continue;
			}
			byte[] body = Arrays.copyOfRange(received, bodyStart, received.length);
			List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
			if (!head && encoding.stream().anyMatch((value) -> value.toLowerCase(Locale.ROOT).contains("chunked"))) {
				body = dechunk(body);
			}
			else if (headers.containsKey("content-length")) {
				int length = (int) Math.min(body.length, Long.parseLong(headers.get("content-length").get(0)));
				body = head ? new byte[0] : Arrays.copyOf(body, length);
			}
			return new Response(status, headers, body, millis, null, FuzzRequest.Transport.RAW_SOCKET);
		}
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, new byte[] { '\r', '\n' }, at);
			if (lineEnd < 0) {
				break;
			}
			String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			out.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
			at = lineEnd + 2 + length + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static byte[] resolveBody(byte[] body, UnaryOperator<String> resolve) {
		if (body.length == 0 || indexOf(body, new byte[] { '{' }, 0) < 0) {
			return body;
		}
		String latin1 = new String(body, StandardCharsets.ISO_8859_1);
		String resolved = resolve.apply(latin1);
		return resolved.equals(latin1) ? body : resolved.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
