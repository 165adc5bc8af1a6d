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

	private static FuzzRequest get(String path, Header... headers) {
		return FuzzRequest.http("GET " + path, "GET", path, List.of(headers), new byte[0], "empty", false);
	}

}
