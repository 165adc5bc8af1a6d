package dev.spaauth.fuzz;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One generated request. Secrets appear only as placeholders ({@code {SESSION}}, {@code {TOKEN}},
 * ...; see {@link FuzzTarget#resolve}) that are filled in when the request is sent, so a failing
 * request prints as a reproduction that stays valid after the application restarts.
 */
final class FuzzRequest {

	/** How the request travels: a real HTTP client, or bytes written to a socket as they are. */
	enum Transport {

		HTTP_CLIENT, RAW_SOCKET

	}

	record Header(String name, String value) {
	}

	/** The endpoint the request was derived from, such as {@code POST /api/auth/login}. */
	final String endpoint;

	final String method;

	/** The request target, possibly with placeholders, percent-encodings, parameters and a query. */
	final String path;

	final List<Header> headers;

	/** The body; placeholders in it are replaced byte-wise (they and their values are ASCII). */
	final byte[] body;

	/** What the body generator made, for the reproduction: {@code json-shaped}, {@code deep-nesting 5000}, ... */
	final String bodyKind;

	final Transport transport;

	/** Raw socket only: the protocol token of the request line ("HTTP/1.1", or a malformed one). */
	final String version;

	/**
	 * Raw socket only: write the headers exactly as given (no Host, Content-Length or Connection
	 * added) and half-close the socket after the body, so a declared length that is never sent ends.
	 */
	final boolean rawFraming;

	/** Raw socket only: the charset of the request line and headers (UTF-8, or ISO-8859-1 for raw bytes). */
	final Charset headCharset;

	/** Whether this request may make the server hash a password (see {@link Generators}). */
	final boolean mayHash;

	FuzzRequest(String endpoint, String method, String path, List<Header> headers, byte[] body, String bodyKind,
			Transport transport, String version, boolean rawFraming, Charset headCharset, boolean mayHash) {
		this.endpoint = endpoint;
		this.method = method;
		this.path = path;
		this.headers = List.copyOf(headers);
		this.body = body;
		this.bodyKind = bodyKind;
		this.transport = transport;
		this.version = version;
		this.rawFraming = rawFraming;
		this.headCharset = headCharset;
		this.mayHash = mayHash;
	}

	static FuzzRequest http(String endpoint, String method, String path, List<Header> headers, byte[] body,
			String bodyKind, boolean mayHash) {
		return new FuzzRequest(endpoint, method, path, headers, body, bodyKind, Transport.HTTP_CLIENT, "HTTP/1.1",
				false, StandardCharsets.UTF_8, mayHash);
	}

	FuzzRequest withTransport(Transport transport) {
		return new FuzzRequest(this.endpoint, this.method, this.path, this.headers, this.body, this.bodyKind, transport,
				this.version, this.rawFraming, this.headCharset, this.mayHash);
	}

	FuzzRequest withMethod(String method) {
		return new FuzzRequest(this.endpoint, method, this.path, this.headers, this.body, this.bodyKind, this.transport,
				this.version, this.rawFraming, this.headCharset, this.mayHash);
	}

	FuzzRequest withPath(String path) {
		return new FuzzRequest(this.endpoint, this.method, path, this.headers, this.body, this.bodyKind, this.transport,
				this.version, this.rawFraming, this.headCharset, this.mayHash);
	}

	FuzzRequest withHeaders(List<Header> headers) {
		return new FuzzRequest(this.endpoint, this.method, this.path, headers, this.body, this.bodyKind, this.transport,
				this.version, this.rawFraming, this.headCharset, this.mayHash);
	}

	FuzzRequest withBody(byte[] body, String bodyKind) {
		return new FuzzRequest(this.endpoint, this.method, this.path, this.headers, body, bodyKind, this.transport,
				this.version, this.rawFraming, this.headCharset, this.mayHash);
	}

	FuzzRequest withRaw(String version, boolean rawFraming, Charset headCharset) {
		return new FuzzRequest(this.endpoint, this.method, this.path, this.headers, this.body, this.bodyKind,
				Transport.RAW_SOCKET, version, rawFraming, headCharset, this.mayHash);
	}

	List<String> headerValues(String name) {
		List<String> values = new ArrayList<>();
		for (Header header : this.headers) {
			if (header.name().equalsIgnoreCase(name)) {
				values.add(header.value());
			}
		}
		return values;
	}

	boolean isHead() {
		return "HEAD".equals(this.method);
	}

	/** Everything of the request as text: where placeholders may be, and what is scanned for secrets. */
	String allText() {
		StringBuilder text = new StringBuilder(this.method).append(' ').append(this.path).append('\n');
		this.headers.forEach((header) -> text.append(header.name()).append(": ").append(header.value()).append('\n'));
		return text.append(new String(this.body, StandardCharsets.ISO_8859_1)).toString();
	}

	/** The request as a reproduction: request line, headers, and the body escaped (and cut when long). */
	String describe() {
		StringBuilder text = new StringBuilder();
		text.append("  ").append(escape(this.method)).append(' ').append(escape(this.path)).append(' ');
		text.append((this.transport == Transport.RAW_SOCKET) ? escape(this.version) + "   [raw socket"
				+ (this.rawFraming ? ", headers exactly as listed, output half-closed" : ", Host/Content-Length/Connection: close added")
				+ ((this.headCharset == StandardCharsets.ISO_8859_1) ? ", head in ISO-8859-1" : "") + "]"
				: "  [java.net.http.HttpClient, HTTP/1.1]");
		text.append("   (from ").append(this.endpoint).append(")\n");
		for (Header header : this.headers) {
			String value = header.value();
			String shown = (value.length() > 200) ? escape(value.substring(0, 120)) + "... (" + value.length()
					+ " chars)" : escape(value);
			text.append("  ").append(escape(header.name())).append(": ").append(shown).append('\n');
		}
		text.append("  body [").append(this.bodyKind).append(", ").append(this.body.length).append(" bytes]");
		if (this.body.length > 0) {
			int shown = Math.min(this.body.length, 600);
			text.append(": ").append(escapeBytes(this.body, shown));
			if (shown < this.body.length) {
				text.append("... (cut)");
			}
		}
		return text.toString();
	}

	static String escape(String value) {
		StringBuilder text = new StringBuilder();
		value.codePoints().forEach((c) -> {
			if (c >= 0x20 && c < 0x7f && c != '\\') {
				text.append((char) c);
			}
			else if (c == '\\') {
				text.append("\\\\");
			}
			else {
				text.append(String.format(Locale.ROOT, (c > 0xffff) ? "\\U%06x" : "\\u%04x", c));
			}
		});
		return text.toString();
	}

	static String escapeBytes(byte[] bytes, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int b = bytes[i] & 0xff;
			if (b >= 0x20 && b < 0x7f && b != '\\') {
				text.append((char) b);
			}
			else if (b == '\\') {
				text.append("\\\\");
			}
			else {
				text.append(String.format(Locale.ROOT, "\\x%02x", b));
			}
		}
		return text.toString();
	}

}
