package dev.spaauth.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.spaauth.testapp.ApiClient;
import dev.spaauth.testapp.IntegrationTestSupport;
import dev.spaauth.testapp.LocalProvider;

import static org.awaitility.Awaitility.await;

/**
 * Base of the account-protection tests: a real in-process SMTP server (GreenMail) on the port the
 * test properties name, a re-authentication window of 2 seconds so a session goes stale fast, and
 * the local OpenID Connect provider registered as {@code local} and {@code github} ({@link LocalProvider}).
 */
@TestPropertySource(properties = { "spa-auth.reauthentication.window=2s", "spa-auth.mfa.pending-timeout=4s", "spa-auth.mfa.issuer=Example Notes",
		"spring.datasource.url=jdbc:h2:mem:spa-auth-account;DB_CLOSE_DELAY=-1" })
public abstract class AccountProtectionSupport extends IntegrationTestSupport {

	private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", "smtp"));

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		LocalProvider.register(registry);
	}

	/** Waits for a mail to an address whose subject contains the text, and returns it. */
	protected static Message mailTo(String address, String subject) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> mailsTo(address).stream().filter((message) -> subjectOf(message).contains(subject)).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
	}

	/** Returns every mail received so far for an address. */
	protected static List<Message> mailsTo(String address) {
		return List.<Message>of(mail.getReceivedMessages()).stream().filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equalsIgnoreCase(address);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** Returns the decoded text of a mail. */
	protected static String textOf(Message message) {
		try {
			return message.getContent().toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Returns the single-use token of a mailed link. */
	protected static String tokenIn(Message message) {
		Matcher matcher = TOKEN.matcher(textOf(message));
		if (!matcher.find()) {
			throw new AssertionError("No token link in: " + textOf(message));
		}
		return matcher.group(1);
	}

	private static String subjectOf(Message message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signs up a user in the client and returns the username; the email is {@code <username>@example.com}. */
	protected String newUser(ApiClient client) {
		return signedUp(client);
	}

	/**
	 * Verifies an account's address as its owner would: asks for a link, follows it.
	 * @param email the account's address
	 */
	protected void verifyEmail(String email) {
		ApiClient client = new ApiClient(this.port);
		client.post("/api/auth/email-verification/resend").csrf(client.csrf()).json(Map.of("email", email)).send();
		Matcher token = TOKEN.matcher(textOf(mailTo(email, "Confirm your email address")));
		if (!token.find()) {
			throw new AssertionError("No link in the confirmation mail to " + email);
		}
		ApiClient.Response verified = client.post("/api/auth/email-verification")
			.csrf(client.csrf())
			.json(Map.of("token", token.group(1)))
			.send();
		if (verified.status() != 200) {
			throw new AssertionError("Verification failed: " + verified.body());
		}
	}

	/** Re-authenticates the client's session and returns the new CSRF token. */
	protected static String reauthenticate(ApiClient client) {
		return client.post("/api/auth/reauthenticate")
			.csrf(client.csrf())
			.json(Map.of("password", PASSWORD))
			.send()
			.json()
			.get("csrfToken")
			.asString();
	}

}
