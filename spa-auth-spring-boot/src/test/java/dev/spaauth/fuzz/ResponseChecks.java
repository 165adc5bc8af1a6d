package dev.spaauth.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The properties every response must have:
 * <ul>
 * <li>its status is below 500;</li>
 * <li>an error (4xx) to anything but HEAD is an RFC 9457 problem: {@code application/problem+json}
 * with a string {@code code}, a non-blank {@code detail} and, if present, the response's
 * {@code status};</li>
 * <li>no body holds a stack trace, "Exception", "SQL", a Java class name, an HTML error page, or a
 * secret the request sent (session cookie, session id, CSRF tokens, the password). A successful
 * answer's {@code csrfToken} (the token the client is meant to get), the {@code received} echo of
 * {@code POST /api/things} and the signed-up {@code user} (the caller's own input) are not scanned
 * for internals.</li>
 * </ul>
 * Where a problem body is impossible, what does hold is asserted instead:
 * <ul>
 * <li>HEAD: no body by definition; only the status is checked.</li>
 * <li>406 when an {@code Accept} value is not a media type at all: Spring MVC fails while parsing the
 * header, before any handler or content negotiation, and answers an empty body (the README
 * documents this); the body must be empty or a problem, never HTML or a trace.</li>
 * <li>No response at all over the raw socket: Tomcat may close the connection on a request it cannot
 * parse as HTTP; there is nothing to check but that the state did not change (done by the caller).
 * (None was seen: an unparseable request gets a 400 problem.)</li>
 * <li>An HTTP/0.9 answer (Tomcat answers a request line without a version with the bare body, no
 * status line, no headers): the body must not leak, and an error body must be a problem.</li>
 * <li>501 (CONNECT, an unknown Transfer-Encoding) and 505 (an unsupported HTTP version), which
 * Tomcat answers before any servlet as HTTP requires: the 5xx status is allowed, but the problem must
 * not call it {@code internal_error} ("try again later"), since the request is at fault.</li>
 * <li>A bare 400 (no Content-Type, no body) over the raw socket: Tomcat's connector refuses a request
 * line it cannot parse before any host, valve or servlet exists.</li>
 * </ul>
 * A 2xx JSON answer to an {@code Accept} that refuses JSON with {@code q=0} is a violation too, and so
 * is an answer without {@code X-Content-Type-Options}, {@code X-Frame-Options},
 * {@code Content-Security-Policy}, {@code Referrer-Policy} or {@code Cache-Control}, but for the 200
 * without a body that Tomcat's connector answers {@code OPTIONS *} with before any valve or servlet.
 * TRACE needs no exception: its 405 is a problem.
 */
final class ResponseChecks {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Pattern STACK_TRACE = Pattern.compile("\\bat [\\w$.]+\\(|\\.java:\\d+\\)|Caused by:");

	private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jakarta|sun|jdk|org\\.springframework|"
			+ "org\\.apache|org\\.h2|org\\.flywaydb|tools\\.jackson|com\\.fasterxml|com\\.zaxxer|com\\.nulabinc|"
			+ "io\\.github\\.bucket4j|com\\.github\\.benmanes|org\\.bouncycastle|dev\\.spaauth)\\.[\\w$]+");

	/** Headers every answer carries, errors from Tomcat and the /error dispatch included (README). */
	private static final List<String> SECURITY_HEADERS = List.of("x-content-type-options", "x-frame-options",
			"content-security-policy", "referrer-policy", "cache-control");

	private ResponseChecks() {
	}

	static List<String> check(FuzzRequest request, Wire.Response response, Map<String, String> secrets) {
		List<String> violations = new ArrayList<>();
		if (response.http09()) {
			// An HTTP/0.9 answer has no status line and no headers (and may be a static HTML page): an error
			// body in it must still be a problem, and no body may leak anything.
			String body = response.text();
			if (body.contains("\"status\"")) {
				problemBody(body, null, violations);
			}
			leaks(body, body, secrets, violations);
			return violations;
		}
		if (response.transport() != FuzzRequest.Transport.HTTP_CLIENT && response.answered()
				&& response.status() == 400 && response.header("content-type") == null && response.text().isEmpty()) {
			// Tomcat's connector answers a request line it cannot parse (such as "OPTIONS * x /path")
			// with a bare 400 before any host, valve or servlet exists to write a problem.
			return violations;
		}
		if (!response.answered()) {
			if (response.transport() == FuzzRequest.Transport.HTTP_CLIENT) {
				violations.add("no-response: a well-formed request got no response: " + response.failure());
			}
			return violations;
		}
		int status = response.status();
		String body = response.text();
		String contentType = response.header("content-type");
		// Tomcat's connector answers OPTIONS * itself (200, an Allow header, no body), before any valve.
		boolean optionsAsterisk = "*".equals(request.path) && status == 200 && body.isEmpty();
		for (String header : SECURITY_HEADERS) {
			if (!optionsAsterisk && response.header(header) == null) {
				violations.add("no-security-header: HTTP " + status + " without " + header);
			}
		}
		if (status == 501 || status == 505) {
			// Tomcat answers CONNECT and an unknown Transfer-Encoding with 501 and an unknown HTTP version
			// with 505 before any servlet runs, as HTTP requires; a 5xx is right there, but the problem
			// must tell the client that its request is at fault, not to "try again later".
			if (!request.isHead() && body.contains("\"code\":\"internal_error\"")) {
				violations.add("client-fault-as-internal-error: HTTP " + status
						+ " for a request the server does not support is answered as internal_error");
			}
		}
		else if (status >= 500) {
			violations.add("status>=500: HTTP " + status);
		}
		if (status >= 200 && status < 300 && contentType != null && contentType.startsWith("application/json")
				&& acceptRefusesJson(request)) {
			violations.add("accept-ignored: HTTP " + status + " with JSON for an Accept that refuses JSON (q=0)");
		}
		if (request.isHead()) {
			return violations;
		}
		if (status >= 400) {
			if (status == 406 && acceptIsNotAMediaType(request)) {
				if (!body.isEmpty()) {
					problem(response, violations);
				}
			}
			else {
				problem(response, violations);
			}
			html(body, violations);
		}
		leaks(scannedForInternals(status, contentType, body),
				withoutMembers(status, contentType, body, "csrfToken", "received"), secrets, violations);
		return violations;
	}

	private static void html(String body, List<String> violations) {
		String lower = body.toLowerCase(Locale.ROOT);
		if (lower.contains("<html") || lower.contains("<!doctype") || lower.contains("<body")) {
			violations.add("html: an error answered with an HTML page");
		}
	}

	/**
	 * Scans for internals, and for the secrets the request sent; the test application's
	 * {@code POST /api/things} echoes the request body as {@code received}, which is left out.
	 */
	private static void leaks(String scanned, String withoutToken, Map<String, String> secrets,
			List<String> violations) {
		if (scanned.contains("Exception")) {
			violations.add("leak: the body contains \"Exception\"");
		}
		if (scanned.contains("SQL")) {
			violations.add("leak: the body contains \"SQL\"");
		}
		Matcher trace = STACK_TRACE.matcher(scanned);
		if (trace.find()) {
			violations.add("leak: the body contains a stack trace (" + trace.group() + ")");
		}
		Matcher className = CLASS_NAME.matcher(scanned);
		if (className.find()) {
			violations.add("leak: the body names a Java class (" + className.group() + ")");
		}
		secrets.forEach((name, value) -> {
			if (value.length() >= 8 && withoutToken.contains(value)) {
				violations.add("leak: the body repeats the secret " + name + " the request sent");
			}
		});
	}

	private static void problem(Wire.Response response, List<String> violations) {
		String contentType = response.header("content-type");
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
			violations.add("not-a-problem: HTTP " + response.status() + " with Content-Type " + contentType
					+ (response.body().length == 0 ? " and no body" : ""));
			return;
		}
		problemBody(response.text(), response.status(), violations);
	}

	private static void problemBody(String body, Integer status, List<String> violations) {
		JsonNode json;
		try {
			json = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			violations.add("not-a-problem: the problem body is not JSON");
			return;
		}
		if (json == null || !json.isObject()) {
			violations.add("not-a-problem: the problem body is not a JSON object");
			return;
		}
		if (json.get("code") == null || !json.get("code").isString()) {
			violations.add("not-a-problem: no string \"code\"");
		}
		if (json.get("detail") == null || !json.get("detail").isString() || json.get("detail").asString().isBlank()) {
			violations.add("not-a-problem: no \"detail\"");
		}
		if (status != null && json.get("status") != null && json.get("status").asInt() != status) {
			violations.add("not-a-problem: \"status\" " + json.get("status") + " is not the HTTP status " + status);
		}
	}

	/**
	 * Whether the request's Accept refuses JSON with {@code q=0}: the most specific range that matches
	 * {@code application/json} has quality 0 (RFC 9110 sections 12.4.2 and 12.5.1).
	 */
	static boolean acceptRefusesJson(FuzzRequest request) {
		List<MediaType> ranges = new ArrayList<>();
		for (String accept : request.headerValues("Accept")) {
			try {
				ranges.addAll(MediaType.parseMediaTypes(accept));
			}
			catch (InvalidMediaTypeException ex) {
				return false;
			}
		}
		return ranges.stream()
			.filter((range) -> range.includes(MediaType.APPLICATION_JSON))
			.max(java.util.Comparator.comparingInt((MediaType range) -> range.isWildcardType() ? 0
					: range.isWildcardSubtype() ? 1 : 2))
			.map((range) -> range.getQualityValue() == 0.0)
			.orElse(false);
	}

	/** Whether an Accept header of the request is not even a media type (MVC then answers 406 with no body). */
	static boolean acceptIsNotAMediaType(FuzzRequest request) {
		for (String accept : request.headerValues("Accept")) {
			try {
				MediaType.parseMediaTypes(accept);
			}
			catch (InvalidMediaTypeException ex) {
				return true;
			}
		}
		return false;
	}

	private static String scannedForInternals(int status, String contentType, String body) {
		return withoutMembers(status, contentType, body, "csrfToken", "received", "user");
	}

	/** A successful JSON body without the given members; any other body as it is. */
	private static String withoutMembers(int status, String contentType, String body, String... members) {
		if (status >= 300 || contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
			return body;
		}
		try {
			JsonNode json = JSON.readTree(body);
			if (json instanceof ObjectNode object) {
				for (String member : members) {
					object.remove(member);
				}
				return object.toString();
			}
		}
		catch (JacksonException ex) {
			// Not JSON after all: scan it as it is.
		}
		return body;
	}

}
