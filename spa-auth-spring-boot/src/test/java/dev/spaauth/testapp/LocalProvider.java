package dev.spaauth.testapp;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.spaauth.devprovider.DevProvider;
import dev.spaauth.devprovider.DevUsers;

/**
 * The real OpenID Connect provider of the tests (Spring Authorization Server, {@link DevProvider}),
 * started once per test JVM on a free loopback port, and a user at it: its own cookie jar, its
 * sign-in form filled in as a person would.
 */
public final class LocalProvider {

	/** The provider, started when this class is first used. */
	public static final DevProvider.Running RUNNING = DevProvider.start(0, List.of());

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final SecureRandom RANDOM = new SecureRandom();

	private LocalProvider() {
	}

	/**
	 * Registers the provider twice with Boot's OAuth 2.0 client: {@code local} by OpenID Connect
	 * discovery, and {@code github} as a plain OAuth 2.0 provider against the provider's GitHub-shaped
	 * API.
	 * @param registry the test's properties
	 */
	public static void register(DynamicPropertyRegistry registry) {
		String issuer = RUNNING.issuer();
		String local = "spring.security.oauth2.client.registration.local.";
		registry.add(local + "client-id", () -> DevProvider.CLIENT_ID);
		registry.add(local + "client-secret", () -> DevProvider.CLIENT_SECRET);
		registry.add(local + "client-name", () -> "Local ID");
		registry.add(local + "scope", () -> "openid,profile,email");
		registry.add("spring.security.oauth2.client.provider.local.issuer-uri", () -> issuer);
		String github = "spring.security.oauth2.client.registration.github.";
		registry.add(github + "client-id", () -> DevProvider.CLIENT_ID);
		registry.add(github + "client-secret", () -> DevProvider.CLIENT_SECRET);
		registry.add(github + "scope", () -> "read:user,user:email");
		String gitHubProvider = "spring.security.oauth2.client.provider.github.";
		registry.add(gitHubProvider + "authorization-uri", () -> issuer + "/oauth2/authorize");
		registry.add(gitHubProvider + "token-uri", () -> issuer + "/oauth2/token");
		registry.add(gitHubProvider + "user-info-uri", () -> issuer + "/github/user");
	}

	/**
	 * Adds a user to the provider.
	 * @param username the username and subject
	 * @param email the email claim
	 * @param verified the {@code email_verified} claim
	 */
	public static void addUser(String username, String email, boolean verified) {
		RUNNING.users().add(new DevUsers.DevUser(username, "pw-" + username, email, verified, "User " + username));
	}

	/**
	 * Follows an authorization request as the user would in a new browser: the provider's sign-in
	 * form, then its redirect back.
	 * @param authorizationUrl the {@code Location} of the API's start answer
	 * @param username a user added with {@link #addUser}
	 * @return the redirect URI the provider sent the browser to, with its {@code code} and {@code state}
	 */
	public static URI authorize(String authorizationUrl, String username) {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> first = send(browser, HttpRequest.newBuilder(URI.create(authorizationUrl)).build());
		HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(RUNNING.issuer() + "/login")).build());
		Matcher csrf = CSRF.matcher(page.body());
		if (first.statusCode() != 302 || !csrf.find()) {
			throw new AssertionError("The provider did not ask for a sign-in: " + first.statusCode() + " " + first.body());
		}
		String form = "username=" + encode(username) + "&password=" + encode("pw-" + username) + "&_csrf="
				+ encode(csrf.group(1));
		HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(URI.create(RUNNING.issuer() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		URI next = URI.create(RUNNING.issuer()).resolve(signedIn.headers().firstValue("Location").orElseThrow());
		HttpResponse<String> answer = send(browser, HttpRequest.newBuilder(next).build());
		return URI.create(answer.headers().firstValue("Location")
			.orElseThrow(() -> new AssertionError("No redirect back: " + answer.statusCode() + " " + answer.body())));
	}

	/** A new PKCE-style verifier of the SPA (43 base64url characters). */
	public static String newVerifier() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The S256 challenge of a verifier (RFC 7636 section 4.2). */
	public static String challenge(String verifier) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
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
