package dev.spaauth.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP {@code CONNECT} proxy on 127.0.0.1 that tunnels a connection for any {@code *.test} host to
 * the same port on 127.0.0.1: for the JDK's {@code HttpClient} what Chromium's
 * {@code --host-resolver-rules=MAP *.test 127.0.0.1} is for the browser suite (Java 17 has no way to
 * remap a host name, and the client may not set {@code Host} itself). TLS still runs end to end
 * between the client and nginx, so the client sends SNI {@code app.example.test}, checks the
 * certificate and the host name, and sends {@code Host: app.example.test:PORT} as a browser would.
 * Any other host is refused.
 */
final class LoopbackConnectProxy implements AutoCloseable {

	private static final Pattern CONNECT = Pattern
		.compile("\\ACONNECT ([A-Za-z0-9.-]+\\.test):([0-9]{1,5}) HTTP/1\\.[01]\r\n");

	private final ServerSocket server;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads;

	private LoopbackConnectProxy(ServerSocket server) {
		this.server = server;
		AtomicInteger count = new AtomicInteger();
		this.threads = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "loopback-connect-proxy-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	static LoopbackConnectProxy start() {
		try {
			LoopbackConnectProxy proxy = new LoopbackConnectProxy(
					new ServerSocket(0, 128, InetAddress.getLoopbackAddress()));
			proxy.threads.execute(proxy::acceptConnections);
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The proxy's address as {@code 127.0.0.1:PORT} (the doctor's {@code --proxy}). */
	String address() {
		return "127.0.0.1:" + this.server.getLocalPort();
	}

	ProxySelector selector() {
		return ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.server.getLocalPort()));
	}

	private void acceptConnections() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.sockets.add(client);
				this.threads.execute(() -> tunnel(client));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void tunnel(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			OutputStream out = client.getOutputStream();
			Matcher connect = CONNECT.matcher(readHead(in));
			if (!connect.find()) {
				out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
				return;
			}
			Socket target = new Socket();
			this.sockets.add(target);
			try (target) {
				target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
						Integer.parseInt(connect.group(2))), 2000);
				out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				this.threads.execute(() -> pipe(in, target));
				pipe(target.getInputStream(), client);
			}
			finally {
				this.sockets.remove(target);
			}
		}
		catch (IOException ex) {
			// a peer went away
		}
		finally {
			this.sockets.remove(client);
		}
	}

	/** The CONNECT request up to its empty line, byte by byte so that no TLS byte is read with it. */
	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (head.size() < 8192) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
			if (matched == 4) {
				break;
			}
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	/** Copies until end of stream, then half-closes the other side so that it sees the end too. */
	private void pipe(InputStream from, Socket to) {
		byte[] buffer = new byte[16384];
		try {
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = from.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
				out.flush();
			}
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// a peer went away
			closeQuietly(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// ignored
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// ignored
		}
		this.sockets.forEach(LoopbackConnectProxy::closeQuietly);
		this.threads.shutdownNow();
	}

}
