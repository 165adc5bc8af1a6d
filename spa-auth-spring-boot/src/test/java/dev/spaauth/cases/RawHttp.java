package dev.spaauth.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends one HTTP/1.1 request as raw bytes over a socket, for inputs that {@code java.net.http}
 * refuses to send (a NUL byte or raw UTF-8 in a header value, a lowercase method with a body).
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends the request head (request line and header lines, without the blank line) and body.
	 * @return the status code and the whole response text
	 */
	static Response send(int port, byte[] head, byte[] body) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.writeBytes(head);
			request.writeBytes(("\r\nHost: localhost:" + port + "\r\nConnection: close\r\nContent-Length: "
					+ body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			request.writeBytes(body);
			try {
				OutputStream out = socket.getOutputStream();
				out.write(request.toByteArray());
				out.flush();
			}
			catch (IOException ex) {
				// The server may answer a malformed head at once and close before the rest arrives;
				// like any HTTP client (RFC 9112 section 9.3), read the answer it sent.
			}
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			in.transferTo(received);
			String text = received.toString(StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			return new Response(status, text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] bytes(String... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String part : parts) {
			out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	record Response(int status, String text) {

		String body() {
			int at = this.text.indexOf("\r\n\r\n");
			return (at < 0) ? "" : this.text.substring(at + 4);
		}

		String headers() {
			int at = this.text.indexOf("\r\n\r\n");
			return ((at < 0) ? this.text : this.text.substring(0, at)).toLowerCase(Locale.ROOT);
		}

	}

}
