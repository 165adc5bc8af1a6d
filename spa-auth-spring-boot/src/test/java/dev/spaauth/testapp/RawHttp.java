package dev.spaauth.testapp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Sends HTTP/1.1 requests as raw bytes over a socket to the test server on this machine, for inputs
 * that {@code java.net.http} refuses to send (a NUL byte or raw UTF-8 in a header value, a lowercase
 * method with a body, odd framing). The case tests use {@link #send}; the fuzz harness writes its own
 * bytes through {@link #exchange}.
 */
public final class RawHttp {

	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	private RawHttp() {
	}

	/**
	 * Sends the request head (request line and header lines, without the blank line) and body, with
	 * {@code Host}, {@code Connection: close} and {@code Content-Length} added.
	 * @param port the server's port
	 * @param head the request line and header lines
	 * @param body the body
	 * @return the status code and the whole response text
	 */
	public static Response send(int port, byte[] head, byte[] body) {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(head);
		request.writeBytes(("\r\nHost: localhost:" + port + "\r\nConnection: close\r\nContent-Length: " + body.length
				+ "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
		request.writeBytes(body);
		try {
			String text = new String(exchange(port, request.toByteArray(), Duration.ofSeconds(10), false),
					StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			return new Response(status, text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes bytes to the server and returns every byte it answers until it closes the connection.
	 * The server may answer a malformed head at once and close before the rest arrives; like any
	 * HTTP client (RFC 9112 section 9.3), this reads the answer it sent. A read that times out or
	 * is reset after something arrived keeps what arrived.
	 * @param port the server's port on the loopback address
	 * @param request the bytes to send, exactly as they go on the wire
	 * @param timeout how long a read may wait
	 * @param halfClose whether to shut the output down after writing, for requests whose framing
	 * leaves the server waiting for more
	 * @return the bytes received
	 * @throws IOException when nothing could be read, or the connection could not be made
	 */
	public static byte[] exchange(int port, byte[] request, Duration timeout, boolean halfClose) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
			socket.setSoTimeout((int) timeout.toMillis());
			try {
				OutputStream out = socket.getOutputStream();
				out.write(request);
				out.flush();
				if (halfClose) {
					socket.shutdownOutput();
				}
			}
			catch (IOException ex) {
				// The server answered and closed before it read everything (400, 413): read what came.
			}
			return readAll(socket.getInputStream());
		}
	}

	/**
	 * Concatenates text parts as UTF-8 bytes.
	 * @param parts the parts
	 * @return the bytes
	 */
	public static byte[] bytes(String... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String part : parts) {
			out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[16384];
		try {
			for (int n; (n = in.read(buffer)) != -1;) {
				out.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException ex) {
			if (out.size() == 0) {
				throw ex;
			}
		}
		catch (IOException ex) {
			// A reset after the response was written: keep what was read.
			if (out.size() == 0) {
				throw ex;
			}
		}
		return out.toByteArray();
	}

	/**
	 * A raw response.
	 *
	 * @param status the status code
	 * @param text the whole response, status line and headers included
	 */
	public record Response(int status, String text) {

		/**
		 * Returns the body.
		 * @return what follows the blank line after the headers
		 */
		public String body() {
			int at = this.text.indexOf("\r\n\r\n");
			return (at < 0) ? "" : this.text.substring(at + 4);
		}

		/**
		 * Returns the status line and headers, lower-cased.
		 * @return the head
		 */
		public String headers() {
			int at = this.text.indexOf("\r\n\r\n");
			return ((at < 0) ? this.text : this.text.substring(0, at)).toLowerCase(Locale.ROOT);
		}

	}

}
