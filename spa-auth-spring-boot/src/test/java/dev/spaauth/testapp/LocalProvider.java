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
 * started once per test JVM on a free loopback port when first needed, and a user at it: its own cookie jar, its
 * sign-in form filled in as a person would.
 */
public final class LocalProvider {

	/** The provider, started when first asked for: {@link #authorize} alone works with any provider. */
	private static final class Started {

		static final DevProvider.Running PROVIDER = DevProvider.start(0, List.of());

	}

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
		String issuer = Started.PROVIDER.issuer();
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
		addUser(username, email, verified, "User " + username);
	}

	/**
	 * Adds a user to the provider, with the {@code name} claim it gives.
	 * @param username the username and subject
	 * @param email the email claim
	 * @param verified the {@code email_verified} claim
	 * @param name the name claim
	 */
	public static void addUser(String username, String email, boolean verified, String name) {
		Started.PROVIDER.users().add(new DevUsers.DevUser(username, "pw-" + username, email, verified, name));
	}

	/**
	 * Follows an authorization request as the user would in a new browser: the provider's sign-in
	 * form, then its redirect back.
	 * @param authorizationUrl the {@code Location} of the API's start answer
	 * @param username a user added with {@link #addUser}
	 * @return the redirect URI the provider sent the browser to, with its {@code code} and {@code state}
	 */
	public static URI authorize(String authorizationUrl, String username) {
		return authorize(authorizationUrl, username, "pw-" + username);
	}

	/**
	 * Follows an authorization request as {@link #authorize(String, String)} does, at whichever
	 * provider it names, with the user's password.
	 * @param authorizationUrl the {@code Location} of the API's start answer
	 * @param username the user at that provider
	 * @param password the user's password there
	 * @return the redirect URI the provider sent the browser to
	 */
	public static URI authorize(String authorizationUrl, String username, String password) {
		URI authorization = URI.create(authorizationUrl);
		String issuer = authorization.getScheme() + "://" + authorization.getRawAuthority();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> first = send(browser, HttpRequest.newBuilder(authorization).build());
		HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/login")).build());
		Matcher csrf = CSRF.matcher(page.body());
		if (first.statusCode() != 302 || !csrf.find()) {
			throw new AssertionError("The provider did not ask for a sign-in: " + first.statusCode() + " " + first.body());
		}
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(csrf.group(1));
		HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		URI next = URI.create(issuer).resolve(signedIn.headers().firstValue("Location").orElseThrow());
		HttpResponse<String> answer = send(browser, HttpRequest.newBuilder(next).build());
		return URI.create(answer.headers().firstValue("Location")
			.orElseThrow(() -> new AssertionError("No redirect back: " + answer.statusCode() + " " + answer.body())));
	}

	/**
	 * Runs a whole flow as a browser and its SPA on the API's own origin would: the start, the
	 * provider's sign-in as the user, the callback, and the finish with the verifier.
	 * @param client the browser, whose cookies the flow uses
	 * @param port the API's port
	 * @param provider {@code local} or {@code github}
	 * @param intent {@code sign_in}, {@code link} or {@code reauthenticate}
	 * @param user a user added with {@link #addUser}
	 * @return the finish's answer
	 */
	public static ApiClient.Response finishFlow(ApiClient client, int port, String provider, String intent, String user) {
		String verifier = newVerifier();
		ApiClient.Response start = client.get("/api/auth/oauth2/" + provider + "?intent=" + intent + "&challenge="
				+ challenge(verifier) + "&returnTo=" + encode("http://localhost:" + port + "/app/")).send();
		URI callback = authorize(start.header("Location").orElseThrow(() -> new AssertionError(start.body())), user);
		String back = client.get(callback.getRawPath() + "?" + callback.getRawQuery()).send().header("Location").orElseThrow();
		String code = org.springframework.web.util.UriComponentsBuilder.fromUriString(back)
			.build()
			.getQueryParams()
			.getFirst("authCode");
		if (code == null) {
			throw new AssertionError("The flow came back with " + back);
		}
		return client.post("/api/auth/oauth2/finish")
			.csrf(client.csrf())
			.json(java.util.Map.of("code", code, "verifier", verifier))
			.send();
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
