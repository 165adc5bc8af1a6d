package dev.spaauth.fuzz;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import dev.spaauth.fuzz.FuzzRequest.Header;

/**
 * Generates requests from a seeded {@link Random}: methods, paths and their mutations, content
 * types, bodies, and the headers that decide whether a request gets past the origin and CSRF
 * checks. Secrets are placeholders (see {@link FuzzTarget#resolve}). Every request is flagged when
 * it may make the server hash a password (a log-in or sign-up that would pass the checks, or a
 * log-out of the fuzz user, who then logs in again), so the caller can cap those: Argon2id costs
 * about 100 ms a hash on two cores.
 */
final class Generators {

	record Endpoint(String method, String path) {

		String label() {
			return this.method + " " + this.path;
		}

	}

	static final Endpoint CSRF = new Endpoint("GET", "/api/auth/csrf");

	static final Endpoint LOGIN = new Endpoint("POST", "/api/auth/login");

	static final Endpoint LOGOUT = new Endpoint("POST", "/api/auth/logout");

	static final Endpoint SESSION = new Endpoint("GET", "/api/auth/session");

	static final Endpoint SIGNUP = new Endpoint("POST", "/api/auth/signup");

	static final Endpoint MFA_VERIFY = new Endpoint("POST", "/api/auth/login/mfa");

	static final Endpoint MFA_STATUS = new Endpoint("GET", "/api/auth/mfa");

	static final Endpoint PASSKEY_OPTIONS = new Endpoint("POST", "/api/auth/login/passkey/options");

	static final Endpoint PASSKEY_SIGN_IN = new Endpoint("POST", "/api/auth/login/passkey");

	static final Endpoint THINGS = new Endpoint("GET", "/api/things");

	static final Endpoint CREATE_THING = new Endpoint("POST", "/api/things");

	static final Endpoint PING = new Endpoint("GET", "/public/ping");

	static final Endpoint INDEX = new Endpoint("GET", "/index.html");

	static final List<Endpoint> ENDPOINTS = List.of(CSRF, LOGIN, LOGOUT, SESSION, SIGNUP, MFA_VERIFY, MFA_STATUS, PASSKEY_OPTIONS,
			PASSKEY_SIGN_IN, THINGS, CREATE_THING, PING, INDEX);

	private static final String[] OTHER_PATHS = { "/", "/error", "/api", "/api/", "/api/auth", "/api/auth/",
			"/api/nope", "/nope", "/public", "/public/nope", "/api/auth/csrf/extra", "/api/things/1", "/index.html/x",
			"/favicon.ico", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/application.properties", "/actuator/env",
			"/api/auth/login.json", "/static/index.html" };

	private static final String[] METHODS = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
			"FOO", "post", "Get", "PROPFIND", "M-SEARCH", "CONNECT", "X" };

	private static final String[] CONTENT_TYPES = { "application/json; charset=utf-8", "application/json;charset=UTF-8",
			"application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
			"application/json; charset=bogus-charset", "application/JSON", "Application/Json; Charset=UTF-8",
			"application/json;", "application/json; foo=bar", "application/json, text/plain",
			"application/problem+json", "application/merge-patch+json", "application/vnd.api+json", "text/plain",
			"text/plain; charset=utf-8", "application/x-www-form-urlencoded",
			"application/x-www-form-urlencoded; charset=bogus", "multipart/form-data; boundary=fuzzboundary",
			"multipart/form-data", "multipart/mixed; boundary=x", "application/xml", "text/xml", "text/html",
			"application/octet-stream", "*/*", "application/*", "json", "garbage", "@@@", "", ";", "/",
			"application/json; charset=", "application/json; charset=\"utf-8\"" };

	private static final String[] ACCEPTS = { "application/json", "application/problem+json",
			"application/json, */*;q=0.1", "text/html", "text/html, application/json;q=0", "application/xml",
			"image/png", "text/*", "application/*", "*/*;q=0", "application/json;q=0", "*/*, application/json;q=0.0", "application/json;q=abc", "garbage", "", ";;;", "*",
			"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/json; charset=utf-16" };

	private static final String[] ORIGINS = { "http://localhost:{PORT}/", "HTTP://LOCALHOST:{PORT}",
			"http://127.0.0.1:{PORT}", "http://localhost", "http://localhost:{PORT}.evil.example",
			"https://localhost:{PORT}", "https://evil.example", "http://evil.example:{PORT}", "null", "::::",
			"http://", "javascript:alert(1)", "file://", "http://localhost:{PORT}/path", "*", "" };

	private static final String[] COOKIE_PAIRS = { "__Host-SESSION={SESSION}", "__Host-SESSION={OTHER_SESSION}",
			"__Host-SESSION=garbage", "__Host-SESSION=", "__Host-SESSION={SESSION_ID}",
			"__Host-SESSION=ZmFrZS1zZXNzaW9uLWlk", "__Host-SESSION=AAAA", "__Host-SESSION=gICA", "__host-session={SESSION}", "SESSION={SESSION}",
			"XSRF-TOKEN={ANON}", "XSRF-TOKEN={TOKEN}", "XSRF-TOKEN=garbage", "XSRF-TOKEN={ANON_TAMPERED}",
			"XSRF-TOKEN=", "$Version=1", "JSESSIONID=ABC123", "a=b", "\"quoted\"=x", "=", ";;", "novalue",
			"XSRF-TOKEN=\"{ANON}\"" };

	private static final String[] TOKEN_VALUES = { "{TOKEN}", "{ANON}", "{OTHER_TOKEN}", "{TOKEN_TAMPERED}",
			"{ANON_TAMPERED}", "", "garbage", "{TOKEN}x", " {TOKEN} ", "{TOKEN},{TOKEN}", "null", "undefined",
			"{ANON}.{ANON}", "-", "%7BTOKEN%7D" };

	private static final String[] TOKEN_NAMES = { "X-XSRF-TOKEN", "x-xsrf-token", "X-Xsrf-Token", "X-CSRF-TOKEN",
			"XSRF-TOKEN", "X-XSRF-TOKEN " };

	private static final String[][] EXTRA_HEADERS = { { "X-HTTP-Method-Override", "DELETE" },
			{ "X-Forwarded-Proto", "https" }, { "X-Forwarded-Host", "evil.example" },
			{ "X-Forwarded-For", "203.0.113.9" }, { "Forwarded", "for=203.0.113.9;proto=https;host=evil.example" },
			{ "Accept-Language", "zz-ZZZZ-garbage;q=2" }, { "Accept-Encoding", "gzip, br, zstd" },
			{ "Range", "bytes=0-1" }, { "Range", "bytes=garbage" }, { "If-None-Match", "*" },
			{ "If-Modified-Since", "garbage" }, { "If-Match", "\"nope\"" }, { "Authorization", "Basic Zm9vOmJhcg==" },
			{ "Authorization", "Bearer x.y.z" }, { "Content-Encoding", "gzip" }, { "Accept-Charset", "utf-7" },
			{ "X-Requested-With", "XMLHttpRequest" }, { "Sec-Fetch-Mode", "navigate" },
			{ "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "x-xsrf-token" },
			{ "Content-Language", "@@" }, { "Max-Forwards", "0" }, { "TE", "trailers" }, { "Via", "1.1 evil" } };

	private static final String[] NASTY_TEXT = { "\u202Eevil\u202C", "\u200F\u200E", "a\u0000b", "\u0000",
			"e\u0301\u0301\u0301\u0301", "\uD83D\uDE00\uD83D\uDC4D", "\uFEFFbom", "zero\u200Bwidth", "\u03A9\u2248\u00E7\u221A",
			"\u0627\u0644\u0639\u0631\u0628\u064A\u0629", "\u05E2\u05D1\u05E8\u05D9\u05EA", "\uFFFD", "\uFFFF",
			"\u00A0", "\u3000", "\u2028\u2029", "\u0007\u001B[31mred", "\r\nSet-Cookie: x=y", "I\u0307stanbul",
			"\u1E9E\u00DF", "\uD800", "\uDFFF", "x\uD83D", "\u0130", "\u212A" };

	private static final String[] INJECTIONS = { "' OR '1'='1' --", "\"; DROP TABLE users; --",
			"<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "{{7*7}}", "%s%s%s%n",
			"../../../../etc/passwd", "admin'--", "\\u0000", "$where", "*)(uid=*", "null", "true", "0", "-1",
			"NaN" };

	private static final Pattern SIGNUP_USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,50}");

	private final Random random;

	private final String user;

	private final String email;

	private final String password;

	private final String otherUser;

	private final String namePrefix;

	private int names;

	Generators(Random random, String user, String email, String password, String otherUser, String namePrefix) {
		this.random = random;
		this.user = user;
		this.email = email;
		this.password = password;
		this.otherUser = otherUser;
		this.namePrefix = namePrefix;
	}

	// ---------------------------------------------------------------------------------- requests

	/** Anything: every dimension random; most such requests are refused early. */
	FuzzRequest anyRequest() {
		Endpoint endpoint = pick(ENDPOINTS);
		String method = chance(0.5) ? endpoint.method() : pick(METHODS);
		String path = path(endpoint, 0.45);
		List<Header> headers = new ArrayList<>();
		accept(headers, 0.35);
		origin(headers, 0.45);
		if (chance(0.15)) {
			headers.add(new Header("Referer", pick("http://localhost:{PORT}/app", "https://evil.example/page",
					"not a url", "http://localhost:{PORT}.evil.example/", "")));
		}
		if (chance(0.12)) {
			headers.add(new Header("Sec-Fetch-Site", pick("same-origin", "cross-site", "same-site", "none", "garbage")));
		}
		cookies(headers);
		tokens(headers);
		Body body = chance(0.2) ? Body.EMPTY : body(endpoint);
		contentType(headers, body, 0.12);
		extras(headers);
		return finish(endpoint, method, path, headers, body);
	}

	/**
	 * A request that passes the origin and CSRF checks (the fuzz user's session and its token, or no
	 * session and the signed anonymous token, from the app's own origin or a non-browser client), so
	 * that it reaches the endpoints' own logic: body parsing, validation, log-in, sign-up.
	 */
	FuzzRequest passingRequest() {
		Endpoint endpoint = weighted(new Object[][] { { LOGIN, 22 }, { SIGNUP, 22 }, { CREATE_THING, 20 },
				{ THINGS, 6 }, { LOGOUT, 4 }, { SESSION, 6 }, { CSRF, 6 }, { PING, 7 }, { INDEX, 7 }, { MFA_VERIFY, 6 },
				{ MFA_STATUS, 3 }, { PASSKEY_OPTIONS, 3 }, { PASSKEY_SIGN_IN, 6 } });
		String method = chance(0.85) ? endpoint.method() : pick(METHODS);
		String path = chance(0.85) ? endpoint.path() : lightMutation(endpoint.path());
		List<Header> headers = new ArrayList<>();
		accept(headers, 0.4);
		if (chance(0.6)) {
			headers.add(new Header("Origin", "http://localhost:{PORT}"));
		}
		if (chance(0.15)) {
			headers.add(new Header("Sec-Fetch-Site", "same-origin"));
		}
		if (chance(0.8)) {
			headers.add(new Header("Cookie", chance(0.8) ? "__Host-SESSION={SESSION}"
					: "__Host-SESSION={SESSION}; XSRF-TOKEN={TOKEN}"));
			headers.add(new Header("X-XSRF-TOKEN", "{TOKEN}"));
		}
		else {
			headers.add(new Header("Cookie", "XSRF-TOKEN={ANON}"));
			headers.add(new Header("X-XSRF-TOKEN", "{ANON}"));
		}
		Body body = chance(0.5) ? shaped(endpoint) : body(endpoint);
		double roll = this.random.nextDouble();
		if (roll < 0.5) {
			headers.add(new Header("Content-Type", "application/json"));
		}
		else if (roll < 0.65) {
			headers.add(new Header("Content-Type", "application/json; charset=utf-8"));
		}
		else {
			contentType(headers, body, 0.1);
		}
		if (chance(0.15)) {
			extras(headers);
		}
		return finish(endpoint, method, path, headers, body);
	}

	/**
	 * A request broken below HTTP semantics, sent as raw bytes: request lines with odd versions,
	 * methods and targets (raw unicode, control characters, absolute form), malformed, oversized,
	 * duplicated or missing headers, and contradictory body framing.
	 */
	FuzzRequest wireRequest() {
		FuzzRequest base = chance(0.5) ? anyRequest() : passingRequest();
		FuzzRequest raw = base.withRaw("HTTP/1.1", false, StandardCharsets.UTF_8);
		int mutations = 1 + (chance(0.3) ? 1 : 0);
		for (int i = 0; i < mutations; i++) {
			raw = switch (this.random.nextInt(5)) {
				case 0 -> raw.withRaw(pick("HTTP/1.0", "HTTP/1.2", "HTTP/2.0", "HTTP/0.9", "HTTP/1", "http/1.1", "",
						"HTTP/1.1 extra", "HTTP/11", "HTTP/1.1\t", "HTTPS/1.1", "HTTP/9.9"), raw.rawFraming, raw.headCharset);
				case 1 -> raw.withMethod(pick("get", "G\tET", "GE T", "G\u00C9T", "", "GET\u0000", "POST/",
						"A".repeat(between(100, 9000)), "CONNECT", "PRI", "{", "G(T", "OPTIONS * x"));
				case 2 -> rawPath(raw);
				case 3 -> rawHeaders(raw);
				default -> rawFraming(raw);
			};
		}
		return raw;
	}

	private FuzzRequest finish(Endpoint endpoint, String method, String path, List<Header> headers, Body body) {
		return FuzzRequest.http(endpoint.label(), method, path, headers, body.bytes(), body.kind(),
				mayHash(method, path, headers, body));
	}

	// ------------------------------------------------------------------------------------- paths

	private String path(Endpoint endpoint, double mutate) {
		String path = chance(0.8) ? endpoint.path() : pick(OTHER_PATHS);
		if (!chance(mutate)) {
			return path;
		}
		int mutations = 1 + (chance(0.3) ? 1 : 0);
		for (int i = 0; i < mutations; i++) {
			path = mutatePath(path);
		}
		return path;
	}

	private String lightMutation(String path) {
		return switch (this.random.nextInt(4)) {
			case 0 -> path + "/";
			case 1 -> path.toUpperCase(Locale.ROOT);
			case 2 -> path + "?a=b";
			default -> path + ";x=1";
		};
	}

	private String mutatePath(String path) {
		int slash = slashIndex(path);
		return switch (this.random.nextInt(16)) {
			case 0 -> path + "/";
			case 1 -> "/" + path;
			case 2 -> path.substring(0, slash) + "/" + path.substring(slash);
			case 3 -> path.substring(0, slash) + "/." + path.substring(slash);
			case 4 -> path.substring(0, slash) + "/x/.." + path.substring(slash);
			case 5 -> path.substring(0, slash) + "/..;" + path.substring(slash);
			case 6 -> chance(0.5) ? path.toUpperCase(Locale.ROOT) : path.substring(0, slash)
					+ path.substring(slash).toUpperCase(Locale.ROOT);
			case 7 -> path + pick(";x=1", ";jsessionid={SESSION_ID}", ";", ";jsessionid=", ";a=b;c=d");
			case 8 -> percentEncodeOne(path);
			case 9 -> path.substring(0, slash) + pick("%2f", "%2F", "%5c", "%5C", "\\", "%252f") + path.substring(slash + 1);
			case 10 -> path + (path.endsWith("/") ? "" : "/") + pick("%00", "%ff", "%c0%af", "%e2%80%ae", "%cc%81%cc%81",
					"%f0%9f%92%a9", "%25", "%2e%2e", "%u002e", "%", "%zz", "%0d%0aSet-Cookie:%20x=y", "%ed%a0%80",
					"\u00FC", "a b", "\u202E", "\u0301", "x\u0000y", "%2e", "..", ".");
			case 11 -> path + "/" + "a".repeat(pick(300, 3000, 9000, 20000));
			case 12 -> path + pick("?a=b", "?_csrf={TOKEN}", "?username=fuzz&password=x", "?%zz", "?a=%ff",
					"?a=b&a=c", "?", "?=", "?a[b]=c", "?q=" + "x".repeat(between(1000, 9000)), "?%00=%00",
					"?jsessionid={SESSION_ID}");
			case 13 -> path + "#fragment";
			case 14 -> path.replace("/", "/./");
			default -> path + "/../" + path.substring(path.lastIndexOf('/') + 1);
		};
	}

	private int slashIndex(String path) {
		List<Integer> slashes = new ArrayList<>();
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '/') {
				slashes.add(i);
			}
		}
		return slashes.isEmpty() ? 0 : pick(slashes);
	}

	private String percentEncodeOne(String path) {
		List<Integer> letters = new ArrayList<>();
		for (int i = 0; i < path.length(); i++) {
			if (Character.isLetter(path.charAt(i)) && path.charAt(i) < 0x80) {
				letters.add(i);
			}
		}
		if (letters.isEmpty()) {
			return path;
		}
		int at = pick(letters);
		String hex = String.format(Locale.ROOT, chance(0.5) ? "%%%02X" : "%%%02x", (int) path.charAt(at));
		return path.substring(0, at) + hex + path.substring(at + 1);
	}

	// ----------------------------------------------------------------------------------- headers

	private void accept(List<Header> headers, double none) {
		double roll = this.random.nextDouble();
		if (roll < none) {
			return;
		}
		if (roll < none + 0.2) {
			headers.add(new Header("Accept", "*/*"));
			return;
		}
		headers.add(new Header("Accept", pick(ACCEPTS)));
		if (chance(0.05)) {
			headers.add(new Header("Accept", pick(ACCEPTS)));
		}
	}

	private void origin(List<Header> headers, double none) {
		double roll = this.random.nextDouble();
		if (roll < none) {
			return;
		}
		headers.add(new Header("Origin", (roll < none + 0.25) ? "http://localhost:{PORT}" : pick(ORIGINS)));
		if (chance(0.05)) {
			headers.add(new Header("Origin", pick("http://localhost:{PORT}", "https://evil.example")));
		}
	}

	private void cookies(List<Header> headers) {
		if (chance(0.3)) {
			return;
		}
		int headerCount = chance(0.1) ? 2 : 1;
		for (int h = 0; h < headerCount; h++) {
			List<String> pairs = new ArrayList<>();
			int count = between(1, 3);
			for (int i = 0; i < count; i++) {
				pairs.add(chance(0.4) ? pick("__Host-SESSION={SESSION}", "XSRF-TOKEN={ANON}") : pick(COOKIE_PAIRS));
			}
			if (chance(0.03)) {
				pairs.add("big=" + "c".repeat(between(1000, 9000)));
			}
			headers.add(new Header("Cookie", String.join(pick("; ", ";", " ; ", ", "), pairs)));
		}
	}

	private void tokens(List<Header> headers) {
		if (chance(0.3)) {
			return;
		}
		String name = chance(0.75) ? "X-XSRF-TOKEN" : pick(TOKEN_NAMES);
		String value = chance(0.5) ? pick("{TOKEN}", "{ANON}") : pick(TOKEN_VALUES);
		if (chance(0.03)) {
			value = "t".repeat(between(1000, 9000));
		}
		headers.add(new Header(name, value));
		if (chance(0.1)) {
			headers.add(new Header("X-XSRF-TOKEN", pick("{TOKEN}", "{ANON}", "garbage")));
		}
	}

	private void contentType(List<Header> headers, Body body, double none) {
		if (body.contentType() != null && chance(0.6)) {
			headers.add(new Header("Content-Type", body.contentType()));
		}
		else if (!chance(none)) {
			headers.add(new Header("Content-Type", chance(0.4) ? "application/json" : pick(CONTENT_TYPES)));
		}
		if (chance(0.04)) {
			headers.add(new Header("Content-Type", pick(CONTENT_TYPES)));
		}
	}

	private void extras(List<Header> headers) {
		int count = chance(0.6) ? 0 : between(1, 2);
		for (int i = 0; i < count; i++) {
			String[] extra = EXTRA_HEADERS[this.random.nextInt(EXTRA_HEADERS.length)];
			headers.add(new Header(extra[0], extra[1]));
		}
	}

	// ------------------------------------------------------------------------------------ bodies

	/** A body, what made it, a content type that fits it (or null), and whether it carries credentials. */
	record Body(byte[] bytes, String kind, String contentType, boolean credentials) {

		static final Body EMPTY = new Body(new byte[0], "empty", null, false);

	}

	private Body body(Endpoint endpoint) {
		int roll = this.random.nextInt(100);
		if (roll < 30) {
			return shaped(endpoint);
		}
		if (roll < 36) {
			String json = toJson(shapedValue(endpoint));
			int cut = this.random.nextInt(Math.max(1, json.length()));
			return text("truncated-json", json.substring(0, cut), "application/json");
		}
		if (roll < 42) {
			return text("garbage-ascii", randomAscii(between(1, 300)), null);
		}
		if (roll < 47) {
			return deepNesting();
		}
		if (roll < 53) {
			return huge();
		}
		if (roll < 57) {
			byte[] bytes = new byte[between(1, 3000)];
			this.random.nextBytes(bytes);
			return new Body(bytes, "random-bytes", null, false);
		}
		if (roll < 62) {
			return invalidUtf8();
		}
		if (roll < 67) {
			Map<String, Object> object = new LinkedHashMap<>();
			for (String field : new String[] { "username", "email", "password", "text" }) {
				object.put(field, pick(NASTY_TEXT) + (chance(0.3) ? "\u0301".repeat(between(1, 500)) : ""));
			}
			return text("unicode-json", toJson(object), "application/json");
		}
		if (roll < 72) {
			return text("json-not-an-object", pick("null", "[]", "[1,2]", "123", "\"string\"", "true", "{}", "   ",
					"\n", "[{}]", "[\"username\",\"password\"]", "{\"username\":{\"username\":\"x\"}}"), "application/json");
		}
		if (roll < 76) {
			return text("json-numbers", pick("{\"username\":1e999999,\"password\":-0}",
					"{\"username\":" + "9".repeat(between(100, 5000)) + ",\"password\":\"x\"}",
					"{\"username\":\"x\",\"password\":1.5e-400}", "{\"username\":0x10,\"password\":\"x\"}",
					"{\"username\":-1,\"password\":123456789012345678901234567890}",
					"{\"a\":1" + "0".repeat(between(1000, 20000)) + "}"), "application/json");
		}
		if (roll < 79) {
			return text("duplicate-keys", "{\"username\":\"nobody\",\"username\":\"" + this.user
					+ "\",\"password\":\"x\",\"password\":\"\",\"email\":\"a@b.c\",\"email\":null}", "application/json");
		}
		if (roll < 83) {
			return text("json5-ish", pick("{'username':'a','password':'b'}", "{\"username\":\"a\",}",
					"{/*c*/\"username\":\"a\"}", "{\"a\":NaN}", "{\"a\":Infinity}", "{username:\"a\"}",
					"{\"username\":\"a\"} trailing", "{\"username\":\"a\"}{\"username\":\"b\"}", "// comment\n{}",
					"{\"a\":\"\u0001raw control\"}", "{\"a\":\"tab\there\"}"), "application/json");
		}
		if (roll < 87) {
			return text("form", "username=" + this.user + "&password=" + this.password.replace(' ', '+')
					+ "&_csrf={TOKEN}&email=a%40b.c&x=%ff%zz", "application/x-www-form-urlencoded");
		}
		if (roll < 90) {
			return text("multipart", "--fuzzboundary\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n"
					+ this.user + "\r\n--fuzzboundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../x.json\"\r\n"
					+ "Content-Type: application/json\r\n\r\n{\"a\":1}\r\n--fuzzboundary--\r\n",
					"multipart/form-data; boundary=fuzzboundary");
		}
		if (roll < 92) {
			return text("xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
					+ "<login><username>&e;</username><password>x</password></login>", "application/xml");
		}
		return encoded(endpoint);
	}

	/** A JSON object of the endpoint's shape whose values are plausible or of any JSON type. */
	private Body shaped(Endpoint endpoint) {
		Map<String, Object> value = shapedValue(endpoint);
		boolean credentials = (endpoint == LOGIN || endpoint == SIGNUP) && isScalar(value.get("username"))
				&& isScalar(value.get("password"));
		if (endpoint == SIGNUP && credentials) {
			credentials = value.get("username") instanceof String name && SIGNUP_USERNAME.matcher(name.strip()).matches()
					&& value.get("email") instanceof String && value.get("password") instanceof String;
		}
		return new Body(toJson(value).getBytes(StandardCharsets.UTF_8), "json-shaped", "application/json", credentials);
	}

	private Map<String, Object> shapedValue(Endpoint endpoint) {
		Map<String, Object> object = new LinkedHashMap<>();
		if (endpoint == LOGIN || endpoint == SIGNUP) {
			if (chance(0.9)) {
				object.put("username", chance(0.65) ? plausibleUsername(endpoint == SIGNUP) : jsonValue(0));
			}
			if (endpoint == SIGNUP && chance(0.9)) {
				object.put("email", chance(0.7) ? plausibleEmail() : jsonValue(0));
			}
			if (chance(0.9)) {
				object.put("password", chance(0.65) ? plausiblePassword() : jsonValue(0));
			}
		}
		else if (endpoint == MFA_VERIFY) {
			if (chance(0.9)) {
				object.put("method", chance(0.7) ? pick("totp", "recovery_code", "TOTP", "sms", "") : jsonValue(0));
			}
			if (chance(0.9)) {
				object.put("code", chance(0.7) ? pick("123456", "000000", "abcd-efgh-ijkl", "1".repeat(65), " 12 34 56 ")
						: jsonValue(0));
			}
		}
		else if (endpoint == PASSKEY_SIGN_IN) {
			if (chance(0.9)) {
				object.put("credential", chance(0.5) ? Map.of("id", "AAAA", "rawId", "AAAA", "type", "public-key",
						"response", Map.of("clientDataJSON", pick("e30", "!!", "", "eyJjaGFsbGVuZ2UiOiJ4In0"),
								"authenticatorData", "AAAA", "signature", "AAAA"))
						: jsonValue(0));
			}
		}
		else {
			int fields = between(0, 4);
			for (int i = 0; i < fields; i++) {
				object.put(pick("text", "name", "a", "", "id", "owner", "nested", "\u202Ekey", randomAscii(5)),
						jsonValue(0));
			}
		}
		if (chance(0.2)) {
			object.put(pick("@type", "__proto__", "id", "enabled", "roles", "authorities", "class", "constructor"),
					pick(List.of("x", List.of("ADMIN"), true, 1, Map.of("polluted", true))));
		}
		return object;
	}

	private static boolean isScalar(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Raw;
	}

	private Object plausibleUsername(boolean signup) {
		return weighted(new Object[][] { { this.user, signup ? 10 : 35 }, { this.otherUser, 8 },
				{ this.user.toUpperCase(Locale.ROOT), 4 }, { " " + this.user + " ", 3 }, { freshName(), signup ? 45 : 10 },
				{ "ab", 3 }, { "a b", 3 }, { "\u00FCn\u00EFc\u00F6de", 3 }, { "", 3 }, { "x".repeat(51), 3 },
				{ this.user + "\u0000", 2 }, { "nobody-" + between(1, 1000), 8 } });
	}

	private Object plausibleEmail() {
		return weighted(new Object[][] { { freshName() + "@example.com", 50 }, { this.email, 8 }, { "nope", 6 },
				{ "a@b", 5 }, { "x".repeat(250) + "@example.com", 4 }, { "a@@b.com", 4 },
				{ "\u00FC@ex\u00E4mple.com", 4 }, { "", 4 }, { " spaced@example.com ", 4 } });
	}

	private Object plausiblePassword() {
		return weighted(new Object[][] { { this.password, 30 }, { "lantern quartz sparrow " + between(10, 99), 25 },
				{ "password1", 6 }, { "1234567", 5 }, { "p".repeat(129), 4 }, { "q".repeat(1025), 5 },
				{ "p\u00E4ssw\u00F6rd \u00FCn\u00EFc\u00F6d\u00E9 l\u00E4nt\u00EBrn 42", 6 }, { "", 5 },
				{ "        ", 4 }, { this.password + "\u0000", 3 }, { "\uD83D\uDE00".repeat(20), 4 } });
	}

	private String freshName() {
		return this.namePrefix + (++this.names) + pick("", ".x", "_y", "-z");
	}

	private Object jsonValue(int depth) {
		int kinds = (depth >= 3) ? 6 : 8;
		return switch (this.random.nextInt(kinds)) {
			case 0, 1 -> text();
			case 2 -> new Raw(pick("0", "-1", "42", "3.14", "-0", "1e308", "1e999999", "-1e-999",
					"123456789012345678901234567890", "9223372036854775808", "0.1e1", "1E+2"));
			case 3 -> this.random.nextBoolean();
			case 4 -> null;
			case 5 -> "";
			case 6 -> {
				List<Object> list = new ArrayList<>();
				int n = between(0, 4);
				for (int i = 0; i < n; i++) {
					list.add(jsonValue(depth + 1));
				}
				yield list;
			}
			default -> {
				Map<String, Object> map = new LinkedHashMap<>();
				int n = between(0, 4);
				for (int i = 0; i < n; i++) {
					map.put(pick("username", "password", "a", "", "\u0000", randomAscii(4)), jsonValue(depth + 1));
				}
				yield map;
			}
		};
	}

	private String text() {
		return switch (this.random.nextInt(13)) {
			case 0 -> randomLower(between(0, 12));
			case 1 -> this.user;
			case 2 -> this.otherUser;
			case 3 -> pick("", " ", "\t", "\n", "\u00A0", "\u3000", " \t\r\n ");
			case 4, 5 -> pick(NASTY_TEXT);
			case 6 -> pick(INJECTIONS);
			case 7 -> pick("x", "\u00E9", "\uD83D\uDE00", "\u0301").repeat(between(100, 3000));
			case 8 -> freshName() + "@example.com";
			case 9 -> "a" + "\u0301".repeat(between(1, 2000));
			case 10 -> pick("\u0000", "a\u0000b", "\u0007\u001b[31m", "\r\n", "\u007f");
			case 11 -> this.password;
			default -> randomAscii(between(1, 20));
		};
	}

	/** A raw JSON literal written as it is (numbers JSON allows but Java types may not hold). */
	record Raw(String json) {
	}

	private String toJson(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Raw raw) {
			return raw.json();
		}
		if (value instanceof String string) {
			return quote(string);
		}
		if (value instanceof Map<?, ?> map) {
			StringBuilder json = new StringBuilder("{");
			map.forEach((key, item) -> json.append((json.length() > 1) ? "," : "").append(quote(String.valueOf(key)))
				.append(':')
				.append(toJson(item)));
			return json.append('}').toString();
		}
		if (value instanceof List<?> list) {
			StringBuilder json = new StringBuilder("[");
			list.forEach((item) -> json.append((json.length() > 1) ? "," : "").append(toJson(item)));
			return json.append(']').toString();
		}
		return String.valueOf(value);
	}

	private String quote(String value) {
		boolean escapeNonAscii = chance(0.3);
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20 || (escapeNonAscii && c >= 0x7f) || Character.isSurrogate(c) && escapeNonAscii) {
				json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	private Body deepNesting() {
		int depth = pick(50, 500, 1001, 5000, 20000);
		return switch (this.random.nextInt(4)) {
			case 0 -> text("deep-nesting " + depth, "[".repeat(depth) + "]".repeat(depth), "application/json");
			case 1 -> text("deep-nesting " + depth, "{\"username\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)
					+ ",\"password\":\"x\"}", "application/json");
			case 2 -> text("deep-nesting-unbalanced " + depth, "[".repeat(depth), "application/json");
			default -> text("deep-nesting " + depth, "{\"text\":" + "[".repeat(depth) + "]".repeat(depth) + "}",
					"application/json");
		};
	}

	private Body huge() {
		int size = pick(2_000, 20_000, 65_000, 65_536, 70_000, 100_000);
		String big = pick("p", "\u00E9", "\uD83D\uDE00", "\u0301").repeat(size).substring(0, size);
		String json = switch (this.random.nextInt(4)) {
			case 0 -> "{\"username\":\"" + this.user + "\",\"password\":\"" + big + "\"}";
			case 1 -> "{\"username\":\"" + big + "\",\"password\":\"x\"}";
			case 2 -> "{\"text\":\"" + big + "\"}";
			default -> "{\"username\":\"u\",\"email\":\"" + big + "@example.com\",\"password\":\"x\"}";
		};
		return text("huge-string " + size + " chars", json, "application/json");
	}

	private Body invalidUtf8() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("{\"username\":\"".getBytes(StandardCharsets.US_ASCII));
		byte[][] bad = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xFE, (byte) 0xFF },
				{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF },
				{ (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, { (byte) 0xE2, (byte) 0x82 },
				{ (byte) 0x80 }, { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 } };
		bytes.writeBytes(bad[this.random.nextInt(bad.length)]);
		bytes.writeBytes(("\",\"password\":\"" + this.password + "\"}").getBytes(StandardCharsets.US_ASCII));
		return new Body(bytes.toByteArray(), "invalid-utf8", "application/json", false);
	}

	private Body encoded(Endpoint endpoint) {
		Body shaped = shaped(endpoint);
		String json = new String(shaped.bytes(), StandardCharsets.UTF_8);
		String name = pick("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32BE", "UTF-8-BOM", "ISO-8859-1");
		byte[] bytes = switch (name) {
			case "UTF-8-BOM" -> ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
			case "UTF-32BE" -> json.getBytes(Charset.forName("UTF-32BE"));
			default -> json.getBytes(Charset.forName(name));
		};
		return new Body(bytes, "json-shaped in " + name, "application/json", shaped.credentials());
	}

	private static Body text(String kind, String text, String contentType) {
		return new Body(text.getBytes(StandardCharsets.UTF_8), kind, contentType, false);
	}

	// ---------------------------------------------------------------------------- wire mutations

	private FuzzRequest rawPath(FuzzRequest request) {
		String path = request.path;
		return switch (this.random.nextInt(12)) {
			case 0 -> request.withPath(path + "/\u00FC\u202E\u0301");
			case 1 -> request.withPath(path + "/a b");
			case 2 -> request.withPath(path + pick("\u0001", "\u007F", "\t", "\u0000"));
			case 3 -> request.withPath(path + "/" + pick("\"", "<", ">", "\\", "^", "`", "{", "|", "}", "[", "]"));
			case 4 -> request.withPath("http://localhost:{PORT}" + path);
			case 5 -> request.withPath("http://evil.example" + path);
			case 6 -> request.withPath(pick("*", "", "?a=b", "//", "/%", "%2F", "."));
			case 7 -> request.withPath(path + "#frag").withRaw(request.version, request.rawFraming, request.headCharset);
			case 8 -> request.withPath(path + "/\u00E9\u00FF").withRaw(request.version, request.rawFraming,
					StandardCharsets.ISO_8859_1);
			case 9 -> request.withPath("/" + "a".repeat(between(8000, 70000)));
			case 10 -> request.withPath(path.replace('/', '\\'));
			default -> request.withPath(path + "\r\nX-Injected: 1");
		};
	}

	private FuzzRequest rawHeaders(FuzzRequest request) {
		List<Header> headers = new ArrayList<>(request.headers);
		switch (this.random.nextInt(12)) {
			case 0 -> headers.add(new Header("Host", pick("evil.example", "localhost:{PORT}", "", "localhost:{PORT}:99",
					"[::1", "a b")));
			case 1 -> headers.add(chance(0.5) ? new Header("Bad Header", "x") : new Header("X-A", "1\r\nNoColonHeader"));
			case 2 -> headers.add(new Header("X-Folded", "a\r\n  folded"));
			case 3 -> headers.add(new Header("X-Nul", "a\u0000b"));
			case 4 -> headers.add(new Header("X-Unicode", "\u00E9\u202E\uD83D\uDE00"));
			case 5 -> {
				headers.add(new Header("X-Latin1", "caf\u00E9\u00FF"));
				return request.withHeaders(headers).withRaw(request.version, request.rawFraming, StandardCharsets.ISO_8859_1);
			}
			case 6 -> headers.add(new Header("X-Big", "b".repeat(between(8200, 20000))));
			case 7 -> {
				int count = between(90, 150);
				for (int i = 0; i < count; i++) {
					headers.add(new Header("X-Many-" + i, "v"));
				}
			}
			case 8 -> headers.add(new Header("", "empty name"));
			case 9 -> headers.add(new Header("X-Header\u0000", "nul in name"));
			case 10 -> headers.add(new Header(":authority", "evil.example"));
			default -> headers.add(new Header("Content-Type", "application/json\r\nX-Injected: 1"));
		}
		return request.withHeaders(headers);
	}

	private FuzzRequest rawFraming(FuzzRequest request) {
		List<Header> headers = new ArrayList<>();
		headers.add(new Header("Host", "localhost:{PORT}"));
		headers.addAll(request.headers);
		headers.add(new Header("Connection", "close"));
		byte[] body = request.body;
		String kind = request.bodyKind;
		switch (this.random.nextInt(11)) {
			case 0 -> headers.add(new Header("Content-Length", pick("abc", "-1", "1, 2", "+5", " 5", "0x10",
					"99999999999999999999")));
			case 1 -> {
				headers.add(new Header("Content-Length", "{BODY_LENGTH}"));
				headers.add(new Header("Content-Length", "1"));
			}
			case 2 -> headers.add(new Header("Content-Length", "{BODY_LENGTH_PLUS_10}"));
			case 3 -> headers.add(new Header("Content-Length", "1"));
			case 4 -> {
				headers.add(new Header("Transfer-Encoding", "chunked"));
				body = chunk(body);
				kind = kind + ", chunked";
			}
			case 5 -> {
				headers.add(new Header("Transfer-Encoding", "chunked"));
				body = ("zz\r\n" + new String(body, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n").getBytes(
						StandardCharsets.ISO_8859_1);
				kind = kind + ", invalid chunk size";
			}
			case 6 -> {
				headers.add(new Header("Transfer-Encoding", "chunked"));
				headers.add(new Header("Content-Length", "{BODY_LENGTH}"));
				body = chunk(body);
				kind = kind + ", chunked and Content-Length";
			}
			case 7 -> {
				headers.add(new Header("Transfer-Encoding", pick("gzip", "chunked, identity", "identity", "xchunked",
						"chunked\u000b")));
				headers.add(new Header("Content-Length", "{BODY_LENGTH}"));
			}
			case 8 -> {
				headers.add(new Header("Expect", pick("100-continue", "200-ok")));
				headers.add(new Header("Content-Length", "{BODY_LENGTH}"));
			}
			case 9 -> {
				headers.add(new Header("Content-Length", "{BODY_LENGTH}"));
				headers.add(new Header("Upgrade", "h2c"));
				headers.add(new Header("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA"));
			}
			default -> {
				headers.removeIf((header) -> header.name().equals("Host"));
				headers.add(new Header("Content-Length", "{BODY_LENGTH}"));
			}
		}
		return request.withHeaders(headers).withBody(body, kind).withRaw(request.version, true, request.headCharset);
	}

	private byte[] chunk(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < body.length) {
			int size = Math.min(body.length - at, between(1, 4096));
			out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(body, at, size);
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			at += size;
		}
		out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	// ------------------------------------------------------------------------ hashing prediction

	/**
	 * Whether the server may hash a password for this request: a POST to log-in or sign-up with
	 * credentials in a JSON body, or to log-out with the fuzz user's session (after which the
	 * harness logs in again), that would pass the origin and CSRF checks. Errs on the side of yes.
	 */
	static boolean mayHash(String method, String path, List<Header> headers, Body body) {
		if (!method.equals("POST") || path.contains(";")) {
			return false;
		}
		String decoded;
		try {
			decoded = URLDecoder.decode(path.split("[?#]", 2)[0].replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		boolean logout = decoded.equals(LOGOUT.path());
		if (!logout && !decoded.equals(LOGIN.path()) && !decoded.equals(SIGNUP.path())) {
			return false;
		}
		String csrf = csrfState(headers);
		if (csrf == null || !originPasses(headers)) {
			return false;
		}
		if (logout) {
			return !csrf.equals("anonymous");
		}
		List<String> types = values(headers, "Content-Type");
		return body.credentials() && types.size() == 1 && types.get(0).toLowerCase(Locale.ROOT).contains("json");
	}

	private static String csrfState(List<Header> headers) {
		List<String> tokens = values(headers, "X-XSRF-TOKEN");
		if (tokens.size() != 1) {
			return null;
		}
		List<String> sessions = new ArrayList<>();
		List<String> csrfCookies = new ArrayList<>();
		for (String cookie : values(headers, "Cookie")) {
			for (String pair : cookie.split("[;,]")) {
				String[] parts = pair.strip().split("=", 2);
				if (parts.length == 2 && parts[0].equals("__Host-SESSION")) {
					sessions.add(parts[1]);
				}
				if (parts.length == 2 && parts[0].equals("XSRF-TOKEN")) {
					csrfCookies.add(parts[1]);
				}
			}
		}
		String token = tokens.get(0).strip();
		if (token.equals("{TOKEN}") && sessions.contains("{SESSION}")) {
			return "session";
		}
		if (token.equals("{OTHER_TOKEN}") && sessions.contains("{OTHER_SESSION}")) {
			return "other";
		}
		if (token.equals("{ANON}") && csrfCookies.contains("{ANON}")) {
			return "anonymous";
		}
		return null;
	}

	private static boolean originPasses(List<Header> headers) {
		List<String> origins = values(headers, "Origin");
		if (!origins.isEmpty()) {
			return origins.size() == 1 && origins.get(0).toLowerCase(Locale.ROOT).contains("localhost:{port}");
		}
		List<String> referers = values(headers, "Referer");
		if (!referers.isEmpty()) {
			return referers.size() == 1 && referers.get(0).contains("localhost:{PORT}");
		}
		return !values(headers, "Sec-Fetch-Site").contains("cross-site");
	}

	private static List<String> values(List<Header> headers, String name) {
		List<String> values = new ArrayList<>();
		for (Header header : headers) {
			if (header.name().strip().equalsIgnoreCase(name)) {
				values.add(header.value());
			}
		}
		return values;
	}

	// ----------------------------------------------------------------------------------- random

	private boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	private int between(int min, int max) {
		return min + this.random.nextInt(max - min + 1);
	}

	@SafeVarargs
	private <T> T pick(T... values) {
		return values[this.random.nextInt(values.length)];
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	@SuppressWarnings("unchecked")
	private <T> T weighted(Object[][] choices) {
		int total = 0;
		for (Object[] choice : choices) {
			total += (Integer) choice[1];
		}
		int roll = this.random.nextInt(total);
		for (Object[] choice : choices) {
			roll -= (Integer) choice[1];
			if (roll < 0) {
				return (T) choice[0];
			}
		}
		throw new IllegalStateException();
	}

	private String randomAscii(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) between(0x20, 0x7e));
		}
		return text.toString();
	}

	private String randomLower(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(this.random.nextInt(36)));
		}
		return text.toString();
	}

}
