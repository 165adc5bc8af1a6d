package dev.spaauth.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.util.unit.DataSize;

/**
 * Settings of spa-auth, bound from {@code spa-auth.*}. Every default is the safe one; relaxing
 * one is explicit configuration, and {@link SpaAuthConfigurationValidator} stops start-up on an
 * unsafe combination.
 *
 * @param basePath Path prefix of the authentication endpoints ({@code /csrf}, {@code /login},
 * {@code /logout}, {@code /session}, {@code /signup}); starts with "/" and has no trailing "/"
 * @param protectedPaths Path patterns that spa-auth's default rules answer 401 problem
 * {@code unauthenticated} without a session; other paths (the SPA's files) are open. They apply to
 * spa-auth's default security filter chain and to an application's chain without authorization rules
 * of its own; a chain with rules of its own decides itself
 * @param publicPaths Path patterns that spa-auth's default rules open to everyone even where a
 * protected path also matches, such as {@code /api/public/**}
 * @param maxRequestBodySize Largest request body accepted on any path; larger bodies are answered
 * 413 problem {@code payload_too_large} before any endpoint reads them
 * @param allowedOrigins SPA origins on other origins (not the API's own) allowed to call the API with
 * the user's cookies, each exactly {@code scheme://host[:port]}, such as
 * {@code https://app.example.com}; they get CORS with credentials and are trusted for unsafe
 * requests. Empty (the default) when the SPA is served from the API's own origin
 * @param publicOrigin The API's own origin as browsers see it, such as
 * {@code https://api.example.com}; required with allowed origins; unset means the origin each
 * request was addressed to
 * @param cookies Attributes shared by the session cookie and the CSRF cookie
 * @param session Server-side session settings
 * @param csrf CSRF token settings
 * @param password Password policy for new passwords
 * @param cors CORS settings for the allowed origins
 * @param throttle Limits on password guessing and account creation
 * @param spaUrl The SPA's public URL, such as {@code https://app.example.com}, for the links in
 * mails (password reset, email confirmation); never taken from request headers. Unset means those
 * flows answer 503
 * @param reauthentication Re-authentication settings
 * @param tokens Lifetimes of the single-use links sent by mail
 * @param mail Mail settings
 * @param signup Sign-up settings
 * @param database How long requests wait for the application's database
 */
@ConfigurationProperties("spa-auth")
public record SpaAuthProperties(@DefaultValue("/api/auth") String basePath,
		@DefaultValue("/api/**") List<String> protectedPaths, @DefaultValue List<String> publicPaths,
		@DefaultValue("64KB") DataSize maxRequestBodySize,
		@DefaultValue List<String> allowedOrigins, @Nullable String publicOrigin, @DefaultValue Cookies cookies,
		@DefaultValue Session session, @DefaultValue Csrf csrf, @DefaultValue Password password,
		@DefaultValue Cors cors, @DefaultValue Throttle throttle, @Nullable String spaUrl,
		@DefaultValue Reauthentication reauthentication, @DefaultValue Tokens tokens, @DefaultValue Mail mail,
		@DefaultValue Signup signup, @DefaultValue Database database, @DefaultValue Mfa mfa,
		@DefaultValue Passkeys passkeys) {

	/**
	 * How long a request waits for the application's database (see {@code FailFastDataSource}).
	 *
	 * @param requestTimeout The longest a statement run for a request waits for the database's
	 * answer before it fails and the request gets 503 with {@code Retry-After} (a hung server, a lost
	 * network); raise it for an application whose requests run longer statements. The wait for a
	 * connection is {@code spring.datasource.hikari.connection-timeout} (2 seconds by default)
	 * @param maxWaiting How many requests may wait for a database connection at once; one more gets 503
	 * at once. A healthy pool hands out connections at once, so they pile up only while the database
	 * is down, hung or overloaded, and would otherwise hold every request thread of the server
	 */
	public record Database(@DefaultValue("2s") Duration requestTimeout, @DefaultValue("50") int maxWaiting) {
	}

	/**
	 * Second-factor settings.
	 *
	 * @param pendingTimeout How long a log-in whose password was right may wait for its second factor;
	 * after that the user starts again with the password
	 * @param issuer The name authenticator apps show for the account's entry (the {@code issuer} of the
	 * {@code otpauth://} URI); by default {@code spring.application.name}, else the host of
	 * {@code spa-auth.public-origin}, else {@code spa-auth}
	 */
	public record Mfa(@DefaultValue("5m") Duration pendingTimeout, @Nullable String issuer) {
	}

	/**
	 * Passkey (WebAuthn) settings.
	 *
	 * @param enabled Whether users can register passkeys and sign in with them
	 * @param rpId The relying-party id; by default the registrable domain of the SPA's origins (of
	 * {@code spa-auth.allowed-origins}, else of the API's own origin), which start-up checks
	 */
	public record Passkeys(@DefaultValue("true") boolean enabled, @Nullable String rpId) {
	}

	/**
	 * Sign-up settings.
	 *
	 * @param enabled Whether {@code POST {base-path}/signup} creates accounts; off for an application whose
	 * accounts are made another way (invitations, an administrator, {@code UserAccounts}), where the
	 * path then answers 404
	 * @param emailVerification Whether a new account must prove its address by a mailed link before it
	 * can log in ({@code required}, the default), may use the app at once and prove it later
	 * ({@code optional}), or is never asked ({@code off}); a provider's {@code email_verified} counts
	 */
	public record Signup(@DefaultValue("true") boolean enabled,
			@DefaultValue("required") EmailVerification emailVerification) {
	}

	/** Whether new accounts prove their email address ({@code spa-auth.signup.email-verification}). */
	public enum EmailVerification {

		/** Sign-up mails a link and starts no session; log-in answers 403 until the link is followed. */
		REQUIRED,

		/** Sign-up signs in and mails a link; the account works either way. */
		OPTIONAL,

		/** No link is mailed; {@code emailVerified} stays false. */
		OFF

	}

	/**
	 * Re-authentication settings (ASVS 7.5.1).
	 *
	 * @param window How long after log-in or re-authentication a session counts as fresh for sensitive
	 * operations such as an email change
	 */
	public record Reauthentication(@DefaultValue("5m") Duration window) {
	}

	/**
	 * Lifetimes of the single-use links sent by mail (OWASP Forgot Password Cheat Sheet).
	 *
	 * @param passwordResetLifetime How long a password-reset link works
	 * @param emailChangeLifetime How long an email-confirmation link works
	 * @param emailVerificationLifetime How long the link that verifies a new account's address works
	 */
	public record Tokens(@DefaultValue("30m") Duration passwordResetLifetime,
			@DefaultValue("1h") Duration emailChangeLifetime, @DefaultValue("24h") Duration emailVerificationLifetime) {
	}

	/**
	 * Mail settings. With {@code spring.mail.host} set, mail goes out over SMTP; otherwise to the
	 * development mailbox when set; otherwise nowhere (start-up warns).
	 *
	 * @param from Sender address of spa-auth's mails
	 * @param devMailbox Folder where mails are written as JSON files instead of being sent, for
	 * development only (anyone who reads it can follow the links)
	 */
	public record Mail(@DefaultValue("spa-auth@localhost") String from, @Nullable Path devMailbox) {
	}

	/**
	 * Attributes shared by the session cookie and the CSRF cookie (RFC 6265bis sections 4.1.2.5
	 * and 4.1.2.7).
	 *
	 * @param secure Whether cookies carry the {@code Secure} attribute (and so the session cookie
	 * its {@code __Host-} prefix). Chromium keeps Secure cookies on plain {@code http://localhost}
	 * and {@code http://127.0.0.1}, so turn this off only for plain-HTTP development on other host
	 * names; start-up logs a warning when it is off
	 * @param sameSite SameSite attribute of both cookies ({@code lax}, {@code strict} or {@code none});
	 * unset means derived: {@code lax} when every allowed origin is same-site with the public origin,
	 * {@code none} otherwise; {@code none} requires {@code secure}, and a cross-site allowed origin
	 * requires {@code none}
	 * @param partitioned Whether the session, CSRF and device cookies carry {@code Partitioned} (CHIPS,
	 * RFC 6265bis draft "Partitioned" attribute; Chromium 114 and later), so browsers that block
	 * third-party cookies keep them, stored under the SPA's site; unset means derived: {@code true}
	 * when {@code same-site} is {@code none} (an allowed origin is cross-site), {@code false}
	 * otherwise; {@code true} requires {@code secure}. With it, each SPA site gets a session of its own
	 */
	public record Cookies(@DefaultValue("true") boolean secure, @Nullable SameSite sameSite,
			@Nullable Boolean partitioned) {
	}

	/**
	 * Limits on attempts that test a password or tell whether an account exists, per account name and
	 * per client address (OWASP Authentication Cheat Sheet; ASVS 6.3.1). An allowance refills steadily
	 * over its period, so a lock-out never outlasts the period. What counts: failed log-ins,
	 * re-authentications and password changes (wrong password), failed sign-ups (such as a taken name),
	 * password-reset requests and failed reset confirmations; a success gives its attempt back. The
	 * address default stops a spray of one password over many account names (which per-account limits do
	 * not see) after 50 failures, then allows about two an hour, while a shared office address with
	 * ordinary typos stays well below it.
	 *
	 * @param accountAttempts Failed attempts allowed per account name within the account period
	 * @param accountPeriod Time in which an account name's allowance refills completely
	 * @param addressAttempts Failed attempts allowed per client address within the address period
	 * @param addressPeriod Time in which a client address's allowance refills completely
	 */
	public record Throttle(@DefaultValue("5") int accountAttempts, @DefaultValue("15m") Duration accountPeriod,
			@DefaultValue("50") int addressAttempts, @DefaultValue("24h") Duration addressPeriod) {
	}

	/**
	 * CORS settings for {@code spa-auth.allowed-origins}.
	 *
	 * @param preflightMaxAge How long browsers may cache a preflight answer
	 * ({@code Access-Control-Max-Age}); Chromium caps it at 2 hours
	 * @param allowedHeaders Request headers the allowed origins may send besides {@code Content-Type},
	 * {@code Accept} and the CSRF header, such as {@code Authorization}; a preflight asking for any
	 * other header is refused
	 */
	public record Cors(@DefaultValue("10m") Duration preflightMaxAge, @DefaultValue List<String> allowedHeaders) {
	}

	/**
	 * Server-side session settings (OWASP Session Management Cheat Sheet; ASVS 7.3.1, 7.3.2).
	 *
	 * @param cookieName Name of the session cookie; unset means {@code __Host-SESSION} when
	 * cookies are secure and {@code SESSION} otherwise
	 * @param idleTimeout How long a session lives without requests before the server ends it
	 * @param absoluteTimeout How long a session lives after log-in, however active, before the
	 * server ends it; at least the idle timeout
	 * @param store Where sessions live: {@code jdbc} (the application's database, the default) or
	 * {@code redis} (needs {@code spring-boot-starter-session-data-redis} and {@code spring.data.redis.*})
	 */
	public record Session(@Nullable String cookieName, @DefaultValue("30m") Duration idleTimeout,
			@DefaultValue("12h") Duration absoluteTimeout, @DefaultValue("jdbc") Store store) {

		/** Session stores spa-auth supports. */
		public enum Store {

			/** Spring Session JDBC on the application's {@code DataSource}, in the schema {@code spa_auth}. */
			JDBC,

			/** Spring Session Data Redis, indexed by user so listing and revocation work. */
			REDIS

		}

		/**
		 * Returns the configured session cookie name or, when unset, the derived one.
		 * @param secure Whether cookies are {@code Secure}
		 * @return the session cookie name, never blank
		 */
		public String effectiveCookieName(boolean secure) {
			if (this.cookieName != null) {
				return this.cookieName;
			}
			return secure ? "__Host-SESSION" : "SESSION";
		}

	}

	/**
	 * CSRF token settings. The defaults are the names axios and Angular use; a client written for
	 * Django works with {@code cookie-name: csrftoken} and {@code header-name: X-CSRFToken}.
	 *
	 * @param cookieName Name of the cookie that delivers the token to JavaScript on the API's own
	 * origin (not HttpOnly)
	 * @param headerName Name of the request header that must carry the token on unsafe requests
	 * @param signingSecret Secret (at least 32 characters) that signs tokens handed out before
	 * log-in; unset means a random secret per start, so such tokens stop working after a restart
	 * and the client primes again; set the same value on every instance behind a load balancer
	 */
	public record Csrf(@DefaultValue("XSRF-TOKEN") String cookieName, @DefaultValue("X-XSRF-TOKEN") String headerName,
			@Nullable String signingSecret) {
	}

	/**
	 * Policy for new passwords (ASVS 6.2.1, 6.2.9, 6.2.11, 6.2.12; NIST SP 800-63B 3.1.1.2).
	 *
	 * @param minLength Fewest characters (Unicode code points) a new password may have; at least 8
	 * @param maxLength Most characters a new password may have; at least 64
	 * @param minStrength Lowest zxcvbn score (0 to 4) a new password must reach, judged with the
	 * username and email as known words so that passwords derived from them are refused
	 * @param maxConcurrentHashes How many passwords (log-in, sign-up, re-authentication) may be hashed
	 * at once on this instance, at least 1; unset means half the available processors, at least 1, so
	 * a flood of log-ins leaves the other half of the CPU to the API. Each Argon2id hash holds 19 MiB
	 * @param maxHashWait How long a password may wait for a hashing slot before the request is
	 * answered 503 problem {@code service_unavailable} with {@code Retry-After}; zero or more
	 */
	public record Password(@DefaultValue("8") int minLength, @DefaultValue("128") int maxLength,
			@DefaultValue("3") int minStrength, @Nullable Integer maxConcurrentHashes,
			@DefaultValue("1s") Duration maxHashWait) {

		/**
		 * Returns the configured number of concurrent hashes or, when unset, half the available
		 * processors, at least 1.
		 * @param availableProcessors processors available to the JVM
		 * @return how many hashes may run at once, at least 1 once validated
		 */
		public int effectiveMaxConcurrentHashes(int availableProcessors) {
			return (this.maxConcurrentHashes != null) ? this.maxConcurrentHashes : Math.max(1, availableProcessors / 2);
		}

	}

}
