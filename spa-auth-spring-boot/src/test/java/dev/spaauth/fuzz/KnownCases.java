package dev.spaauth.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.spaauth.fuzz.FuzzRequest.Header;

/**
 * Requests that broke a property in earlier fuzz runs, replayed on every run so that a finding
 * fails the build every time (random tries find it only most of the time) and stays fixed.
 */
final class KnownCases {

	record Case(String finding, FuzzRequest request) {
	}

	private KnownCases() {
	}

	static List<Case> all() {
		return List.of(
				new Case("500: a charset other than UTF-8 in Accept on the library's endpoints (they declare produces = "
						+ "application/json; MVC picks application/json;charset=utf-16, then no converter writes it: "
						+ "HttpMessageNotWritableException)",
						get("/api/auth/session", new Header("Accept", "application/json;charset=utf-16"))),
				new Case("500: same, GET /api/auth/csrf with Accept: application/json;charset=ISO-8859-1",
						get("/api/auth/csrf", new Header("Accept", "application/json;charset=ISO-8859-1"))),
				new Case("500 and a state change: the same Accept on POST /api/auth/logout logs the user out (session "
						+ "deleted, cookie expired) and then answers 500",
						FuzzRequest.http("POST /api/auth/logout", "POST", "/api/auth/logout",
								List.of(new Header("Accept", "application/json;charset=utf-16"),
										new Header("Cookie", "__Host-SESSION={SESSION}"), new Header("X-XSRF-TOKEN", "{TOKEN}")),
								new byte[0], "empty", true)),
				new Case("500 and a state change: the same Accept on POST /api/auth/signup creates the account and its "
						+ "session, then answers 500 (a retry gets 'username taken')",
						FuzzRequest.http("POST /api/auth/signup", "POST", "/api/auth/signup",
								List.of(new Header("Accept", "application/json;charset=utf-16"),
										new Header("Cookie", "XSRF-TOKEN={ANON}"), new Header("X-XSRF-TOKEN", "{ANON}"),
										new Header("Content-Type", "application/json")),
								("{\"username\":\"knowncase1\",\"email\":\"knowncase1@example.com\",\"password\":\""
										+ FuzzTarget.PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8),
								"json", true)),
				new Case("500: a multipart Content-Type without a boundary on any request MVC handles (even GET, no "
						+ "session): DispatcherServlet's multipart check throws MultipartException",
						get("/api/auth/session", new Header("Content-Type", "multipart/form-data"))),
				new Case("500: an empty charset in Content-Type on a request answered through the /error dispatch "
						+ "(here Tomcat's 404 for /WEB-INF): writing the problem decodes the path with charset \"\" "
						+ "(IllegalCharsetNameException in UrlPathHelper, from addContentDispositionHeader)",
						get("/WEB-INF/web.xml", new Header("Content-Type", "text/plain;charset="))),
				new Case("500: the same with TRACE, whose 405 also goes through /error",
						FuzzRequest.http("TRACE /api/things", "TRACE", "/api/things",
								List.of(new Header("Content-Type", "application/json; charset=")), new byte[0], "empty",
								false)),
				new Case("201 and a state change: Accept: application/json;q=0 (JSON refused) on POST /api/things; Spring "
						+ "MVC's content negotiation ignores q=0",
						FuzzRequest.http("POST /api/things", "POST", "/api/things",
								List.of(new Header("Cookie", "__Host-SESSION={SESSION}"),
										new Header("Origin", "http://localhost:{PORT}"), new Header("X-XSRF-TOKEN", "{TOKEN}"),
										new Header("Content-Type", "application/json"),
										new Header("Accept", "application/json;q=0")),
								"{\"a\":1}".getBytes(StandardCharsets.UTF_8), "json", true)),
				new Case("200 with JSON: Accept: */*;q=0 on GET /api/auth/session", get("/api/auth/session",
						new Header("Accept", "*/*;q=0"))),
				new Case("500 and an ERROR stack trace: a bad %-escape in a path parameter (;x=%)",
						get("/api/auth/session;x=%")),
				new Case("500: the same with ;a=%zz", get("/api/auth/session;a=%zz")),
				new Case("500: a bad %-escape in a path parameter of an inner segment", get("/api;%/things")),
				new Case("500 on every path, and the cookie never expired: a session cookie that decodes to NUL bytes "
						+ "(PostgreSQL refuses NUL in text; H2 does not, so on H2 this only checks the answer)",
						get("/", new Header("Cookie", "__Host-SESSION=AAAA"))),
				new Case("400 without X-Content-Type-Options, X-Frame-Options or CSP: 101 request headers (Tomcat's "
						+ "limit is 100), answered through the /error dispatch", raw("GET", "/api/auth/session",
								numbered(101, "X-Filler-", "x"), new byte[0])),
				new Case("400 without the security headers: 200 cookies", raw("GET", "/api/auth/session",
						List.of(new Header("Cookie", String.join("; ", java.util.Collections.nCopies(200, "a=b")))),
						new byte[0])),
				new Case("400 without the security headers: a chunked body that ends before its last chunk",
						raw("POST", "/api/auth/login",
								List.of(new Header("Content-Type", "application/json"),
										new Header("Transfer-Encoding", "chunked")),
								"5\r\n{\"a\":".getBytes(StandardCharsets.US_ASCII))),
				new Case("an empty 400 without Content-Type, Cache-Control or the security headers: many cookies, a "
						+ "multipart body with another boundary, shorter than its Content-Length, the socket half-closed",
						raw("POST", "/api/auth/login",
								List.of(new Header("Cookie", String.join("; ", java.util.Collections.nCopies(201, "a=b"))),
										new Header("Content-Type", "multipart/form-data; boundary=zzz"),
										new Header("Content-Length", "{BODY_LENGTH_PLUS_10}")),
								"--yyy\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n"
									.getBytes(StandardCharsets.US_ASCII))),
				new Case("406 with an empty body and no security headers: TRACE (refused by Tomcat, answered through "
						+ "/error) with an Accept that is not a media type",
						FuzzRequest.http("TRACE /api/auth/logout", "TRACE", "/api/auth/logout",
								List.of(new Header("Accept", "application/json;q=abc")), new byte[0], "empty", false)),
				new Case("200 without any security header: HEAD / (the welcome page's forward commits the response "
						+ "without a body, before Spring Security's header writer ran)",
						FuzzRequest.http("HEAD /", "HEAD", "/", List.of(), new byte[0], "empty", false)),
				new Case("503 \"store unavailable\" on PostgreSQL: a log-in with a 2,000-character username (the account's "
						+ "throttle key was the name itself, longer than the bucket table's VARCHAR(300) id)",
						FuzzRequest.http("POST /api/auth/login", "POST", "/api/auth/login",
								List.of(new Header("Cookie", "XSRF-TOKEN={ANON}"), new Header("X-XSRF-TOKEN", "{ANON}"),
										new Header("Content-Type", "application/json")),
								("{\"username\":\"" + "x".repeat(2000) + "\",\"password\":\"wrong password 1\"}")
									.getBytes(StandardCharsets.UTF_8), "json", true)),
				new Case("500: GET /error asked for directly (no error status to report)", get("/error")),
				new Case("400 without a problem body (no Content-Type, empty): OPTIONS * without Host; Tomcat answers "
						+ "OPTIONS * itself, outside the error report valve",
						new FuzzRequest("OPTIONS *", "OPTIONS", "*", List.of(new Header("Connection", "close")),
								new byte[0], "empty", FuzzRequest.Transport.RAW_SOCKET, "HTTP/1.1", true,
								StandardCharsets.UTF_8, false)),
				new Case("501 answered as internal_error, \"Something went wrong on the server. Try again later.\": CONNECT",
						FuzzRequest.http("GET /api/auth/session", "CONNECT", "/api/auth/session", List.of(), new byte[0],
								"empty", false)),
				new Case("505 answered as internal_error: an unsupported HTTP version",
						FuzzRequest.http("GET /api/auth/session", "GET", "/api/auth/session", List.of(), new byte[0],
								"empty", false)
							.withRaw("HTTP/1.2", false, StandardCharsets.UTF_8)),
				new Case("501 answered as internal_error: an unsupported Transfer-Encoding",
						new FuzzRequest("POST /api/auth/login", "POST", "/api/auth/login",
								List.of(new Header("Host", "localhost:{PORT}"), new Header("Transfer-Encoding", "gzip"),
										new Header("Content-Length", "{BODY_LENGTH}"), new Header("Connection", "close")),
								"{}".getBytes(StandardCharsets.US_ASCII), "json", FuzzRequest.Transport.RAW_SOCKET,
								"HTTP/1.1", true, StandardCharsets.UTF_8, false)));
	}

	/** A request written as given on a raw socket, with a Host and Connection: close. */
	private static FuzzRequest raw(String method, String path, List<Header> headers, byte[] body) {
		List<Header> all = new java.util.ArrayList<>(List.of(new Header("Host", "localhost:{PORT}"),
				new Header("Connection", "close")));
		all.addAll(headers);
		return new FuzzRequest(method + " " + path, method, path, all, body, "raw", FuzzRequest.Transport.RAW_SOCKET,
				"HTTP/1.1", true, StandardCharsets.UTF_8, false);
	}

	private static List<Header> numbered(int count, String prefix, String value) {
		List<Header> headers = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			headers.add(new Header(prefix + i, value));
		}
		return headers;
	}

	private static FuzzRequest get(String path, Header... headers) {
		return FuzzRequest.http("GET " + path, "GET", path, List.of(headers), new byte[0], "empty", false);
	}

}
