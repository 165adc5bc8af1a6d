package dev.spaauth.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.spaauth.doctor.ApiClient.Jar;

/**
 * The deployment under test and the answers the checks share: the CSRF priming answer, an anonymous
 * session answer and, with credentials, one sign-in flow ({@link SignIn}). Each is fetched once, when
 * a check first asks for it, so the doctor sends a few dozen requests in all.
 */
final class Probe {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Target target;

	private final ApiClient client;

	private Exchange priming;

	private Jar primedJar;

	private Exchange anonymousSession;

	private SignIn signIn;

	Probe(Target target, ApiClient client) {
		this.target = target;
		this.client = client;
	}

	/**
	 * The sign-in flow with the given credentials: log in, read the session, log in again with the
	 * first session's cookie (a new id must replace it), replay the first id alone, log out, replay
	 * the last id. A step after a failed one is null.
	 *
	 * @param login the first log-in's answer
	 * @param sessionCookie the name of the cookie the log-in set as the session cookie, or null
	 * @param session the session answer right after log-in, or null
	 * @param firstId the first session id, or null
	 * @param secondLogin the second log-in's answer (sent with the first session's cookie), or null
	 * @param secondId the session id after the second log-in, or null
	 * @param firstIdReplay the session answer to the first id alone, after the second log-in, or null
	 * @param logout the log-out's answer, or null
	 * @param afterLogout the session answer to the last id alone, after log-out, or null
	 */
	record SignIn(Exchange login, String sessionCookie, Exchange session, String firstId, Exchange secondLogin,
			String secondId, Exchange firstIdReplay, Exchange logout, Exchange afterLogout) {

		List<Exchange> exchanges() {
			List<Exchange> all = new ArrayList<>();
			for (Exchange exchange : new Exchange[] { this.login, this.session, this.secondLogin, this.logout }) {
				if (exchange != null) {
					all.add(exchange);
				}
			}
			return all;
		}

	}

	Target target() {
		return this.target;
	}

	ApiClient client() {
		return this.client;
	}

	/** The answer to the CSRF priming GET (the first request; an unreachable API fails here). */
	synchronized Exchange priming() {
		if (this.priming == null) {
			Jar jar = new Jar();
			this.priming = this.client.send("GET", this.target.csrfPath(), readHeaders(), null, jar);
			this.primedJar = jar;
		}
		return this.priming;
	}

	/** A copy of the cookies a browser holds after the priming answer. */
	Jar primedJar() {
		priming();
		return this.primedJar.copy();
	}

	/**
	 * The {@code Origin} a browser sends with a GET from the SPA: none on its own origin, the SPA's
	 * origin on a cross-origin fetch.
	 */
	Map<String, String> readHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.target.relation() != SiteRelation.SAME_ORIGIN) {
			headers.put("Origin", this.target.spaOrigin());
		}
		return headers;
	}

	/** The name of the CSRF cookie: the priming answer's cookie named like one, else its first cookie. */
	String csrfCookieName() {
		List<SetCookie> cookies = priming().cookies();
		return cookies.stream()
			.map(SetCookie::name)
			.filter((name) -> name.toLowerCase(Locale.ROOT).contains("csrf") || name.toLowerCase(Locale.ROOT).contains("xsrf"))
			.findFirst()
			.orElse(cookies.isEmpty() ? null : cookies.get(0).name());
	}

	/** The request header for the token: the one the priming JSON names ({@code headerName}), else the option's. */
	String csrfHeader() {
		return priming().jsonText("headerName").orElse(this.target.csrfHeader());
	}

	/** The current token: the answer's JSON {@code csrfToken}, else the CSRF cookie in the jar. */
	String csrfToken(Exchange answer, Jar jar) {
		Optional<String> fromBody = answer.jsonText("csrfToken");
		if (fromBody.isPresent()) {
			return fromBody.get();
		}
		String name = csrfCookieName();
		return (name != null) ? jar.get(name) : null;
	}

	/** Sends an unsafe request as the SPA would: its {@code Origin}, the token in the header, JSON. */
	Exchange post(String path, String jsonBody, String token, Jar jar) {
		return unsafe("POST", path, jsonBody, token, jar);
	}

	/** Sends an unsafe request ({@code POST}, {@code DELETE} ...) as the SPA would. */
	Exchange unsafe(String method, String path, String jsonBody, String token, Jar jar) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Origin", this.target.spaOrigin());
		headers.put(csrfHeader(), token);
		return this.client.send(method, path, headers, jsonBody, jar);
	}

	/** The answer to the session GET without a session (after priming). */
	synchronized Exchange anonymousSession() {
		if (this.anonymousSession == null) {
			this.anonymousSession = this.client.send("GET", this.target.sessionPath(), readHeaders(), null, primedJar());
		}
		return this.anonymousSession;
	}

	/** The sign-in flow, or null without credentials. */
	synchronized SignIn signIn() {
		if (this.signIn == null && this.target.hasCredentials()) {
			this.signIn = runSignIn();
		}
		return this.signIn;
	}

	private SignIn runSignIn() {
		ObjectNode credentials = JSON.createObjectNode()
			.put(this.target.usernameField(), this.target.username())
			.put("password", this.target.password());
		String body = JSON.writeValueAsString(credentials);
		Jar jar = primedJar();
		Exchange login = post(this.target.loginPath(), body, csrfToken(priming(), jar), jar);
		String cookie = sessionCookieName(login);
		if (!login.ok() || cookie == null) {
			return new SignIn(login, cookie, null, null, null, null, null, null, null);
		}
		String firstId = jar.get(cookie);
		Exchange session = this.client.send("GET", this.target.sessionPath(), readHeaders(), null, jar);
		Exchange secondLogin = post(this.target.loginPath(), body, csrfToken(login, jar), jar);
		String secondId = jar.get(cookie);
		Exchange firstIdReplay = this.client.send("GET", this.target.sessionPath(), readHeaders(), null,
				new Jar(Map.of(cookie, firstId)));
		Exchange logout = unsafe(this.target.logoutMethod(), this.target.logoutPath(), null, csrfToken(secondLogin, jar), jar);
		Exchange afterLogout = (secondId != null) ? this.client.send("GET", this.target.sessionPath(), readHeaders(),
				null, new Jar(Map.of(cookie, secondId))) : null;
		return new SignIn(login, cookie, session, firstId, secondLogin, secondId, firstIdReplay, logout, afterLogout);
	}

	/**
	 * The session cookie a log-in answer set: the one named by {@code --session-cookie}, else, of the
	 * cookies other than the CSRF cookie, one whose name says "session", else an HttpOnly one, else the
	 * first.
	 */
	private String sessionCookieName(Exchange login) {
		String csrf = csrfCookieName();
		List<SetCookie> candidates = login.cookies()
			.stream()
			.filter((cookie) -> !cookie.deletion() && !cookie.name().equals(csrf))
			.toList();
		if (this.target.sessionCookie() != null) {
			return candidates.stream().map(SetCookie::name).filter(this.target.sessionCookie()::equals).findFirst().orElse(null);
		}
		return candidates.stream()
			.filter((cookie) -> cookie.name().toLowerCase(Locale.ROOT).contains("sess"))
			.findFirst()
			.or(() -> candidates.stream().filter(SetCookie::httpOnly).findFirst())
			.or(() -> candidates.stream().findFirst())
			.map(SetCookie::name)
			.orElse(null);
	}

	/**
	 * The cookies the auth answers set (priming and, with credentials, log-in and log-out), the last
	 * setting of each name; removals left out.
	 */
	List<SetCookie> authCookies() {
		Map<String, SetCookie> cookies = new LinkedHashMap<>();
		List<Exchange> answers = new ArrayList<>(List.of(priming()));
		if (signIn() != null) {
			answers.addAll(signIn().exchanges());
		}
		for (Exchange answer : answers) {
			for (SetCookie cookie : answer.cookies()) {
				if (!cookie.deletion()) {
					cookies.put(cookie.name(), cookie);
				}
			}
		}
		return List.copyOf(cookies.values());
	}

	/**
	 * The session cookie: the one the log-in set or, without credentials, a priming cookie whose name
	 * says "session".
	 */
	Optional<SetCookie> sessionCookie() {
		String name = (signIn() != null) ? signIn().sessionCookie() : this.target.sessionCookie();
		return authCookies().stream()
			.filter((cookie) -> (name != null) ? cookie.name().equals(name)
					: cookie.name().toLowerCase(Locale.ROOT).contains("sess"))
			.findFirst();
	}

}
