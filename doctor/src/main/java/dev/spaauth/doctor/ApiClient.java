package dev.spaauth.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sends the doctor's requests to the API with the JDK's {@link HttpClient}: HTTP/1.1, no redirects
 * followed, certificates checked against the JDK's trust store or the given CA, optionally through
 * an HTTP {@code CONNECT} proxy. Cookies are kept by the caller in a {@link Jar}, not by the client, so
 * that each check decides which cookies a request carries.
 */
final class ApiClient {

	private final HttpClient http;

	private final URI api;

	private final Duration timeout;

	/**
	 * Creates the client.
	 * @param api the API's origin
	 * @param caCertificate a PEM file of the CA certificates to trust instead of the JDK's, or null
	 * @param proxy an HTTP proxy ({@code host:port}) to tunnel through, or null to connect directly
	 * @param timeout connect and answer timeout
	 * @throws IllegalArgumentException when the CA file cannot be read or the proxy is malformed
	 */
	ApiClient(URI api, Path caCertificate, String proxy, Duration timeout) {
		this.api = api;
		this.timeout = timeout;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout);
		if (caCertificate != null) {
			builder.sslContext(trusting(caCertificate));
		}
		if (proxy != null) {
			int colon = proxy.lastIndexOf(':');
			if (colon <= 0) {
				throw new IllegalArgumentException("--proxy must be host:port, not '" + proxy + "'");
			}
			builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.substring(0, colon),
					Integer.parseInt(proxy.substring(colon + 1)))));
		}
		this.http = builder.build();
	}

	private static SSLContext trusting(Path pem) {
		try (InputStream in = Files.newInputStream(pem)) {
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int i = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				store.setCertificateEntry("ca-" + (i++), certificate);
			}
			if (i == 0) {
				throw new IllegalArgumentException(pem + " holds no PEM certificate");
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalArgumentException("cannot read the CA certificates in " + pem + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Sends a request to the API.
	 * @param method the method
	 * @param path the path on the API's origin
	 * @param headers request headers (such as {@code Origin}); null values are left out
	 * @param jsonBody a JSON body, or null for none
	 * @param jar the cookies to send, updated from the answer's {@code Set-Cookie}; null to send none
	 * @return the exchange
	 * @throws UncheckedIOException when the API does not answer
	 */
	Exchange send(String method, String path, Map<String, String> headers, String jsonBody, Jar jar) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.api.resolve(path))
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.method(method, (jsonBody != null) ? HttpRequest.BodyPublishers.ofString(jsonBody)
					: HttpRequest.BodyPublishers.noBody());
		if (jsonBody != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach((name, value) -> {
			if (value != null) {
				request.header(name, value);
			}
		});
		if (jar != null && !jar.isEmpty()) {
			request.header("Cookie", jar.header());
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String tls = response.sslSession().map((session) -> session.getProtocol()).orElse(null);
			Exchange exchange = new Exchange(method, path, response.statusCode(), response.headers(), response.body(), tls);
			if (jar != null) {
				jar.update(exchange);
			}
			return exchange;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + this.api.resolve(path) + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** The cookies one simulated browser holds for the API's host (one host, so names are keys). */
	static final class Jar {

		private final Map<String, String> cookies = new LinkedHashMap<>();

		Jar() {
		}

		Jar(Map<String, String> cookies) {
			this.cookies.putAll(cookies);
		}

		/** Stores or removes the cookies an answer set. */
		void update(Exchange exchange) {
			for (SetCookie cookie : exchange.cookies()) {
				if (cookie.deletion()) {
					this.cookies.remove(cookie.name());
				}
				else {
					this.cookies.put(cookie.name(), cookie.value());
				}
			}
		}

		String get(String name) {
			return this.cookies.get(name);
		}

		boolean isEmpty() {
			return this.cookies.isEmpty();
		}

		/** A jar holding only one of this jar's cookies (to replay an old session cookie alone). */
		Jar only(String name) {
			Jar jar = new Jar();
			if (this.cookies.containsKey(name)) {
				jar.cookies.put(name, this.cookies.get(name));
			}
			return jar;
		}

		Jar copy() {
			return new Jar(this.cookies);
		}

		String header() {
			return this.cookies.entrySet()
				.stream()
				.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
				.collect(Collectors.joining("; "));
		}

	}

}
