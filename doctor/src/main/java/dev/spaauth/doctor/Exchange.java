package dev.spaauth.doctor;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request the doctor sent and the answer it got.
 *
 * @param method the request method
 * @param path the request path
 * @param status the answer's status code
 * @param headers the answer's headers
 * @param body the answer's body as text (an error page, JSON ...)
 * @param tlsProtocol the negotiated TLS version ({@code TLSv1.3}), or null over plain HTTP
 */
record Exchange(String method, String path, int status, HttpHeaders headers, String body, String tlsProtocol) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A JSON string field whose name says token, password, secret ...: group 1 is the name and the colon. */
	private static final Pattern SECRET_FIELD = Pattern.compile(
			"(\"[^\"]*(?i:token|password|passwd|secret|apikey|api_key)[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

	/** An ANSI escape sequence (ECMA-48 CSI, or ESC and one character). */
	private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|[@-_])");

	/** Control and format characters other than white space (Unicode Cc, Cf). */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\s]]");

	/** The first value of a header, or null. */
	String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

	/** Every value of a header, comma-separated lists split, in lower case. */
	List<String> headerTokens(String name) {
		return this.headers.allValues(name)
			.stream()
			.flatMap((value) -> java.util.Arrays.stream(value.split(",")))
			.map((token) -> token.strip().toLowerCase(Locale.ROOT))
			.filter((token) -> !token.isEmpty())
			.toList();
	}

	/** The cookies the answer set, in order. */
	List<SetCookie> cookies() {
		return this.headers.allValues("set-cookie").stream().flatMap((h) -> SetCookie.parse(h).stream()).toList();
	}

	/** Whether the status is 2xx. */
	boolean ok() {
		return this.status >= 200 && this.status < 300;
	}

	/** A text field at the top of a JSON body, if the body is JSON and has it. */
	Optional<String> jsonText(String field) {
		return json().map((node) -> node.get(field)).filter(JsonNode::isString).map(JsonNode::asString);
	}

	/** The JSON body, or empty when the body is not JSON. */
	Optional<JsonNode> json() {
		try {
			return Optional.ofNullable(JSON.readTree(this.body)).filter(JsonNode::isObject);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether a session answer says that the caller is signed in: a 2xx whose JSON does not say
	 * otherwise ({@code "authenticated": false} as spa-auth answers, {@code meta.is_authenticated} as
	 * django-allauth's headless API answers); a 401 or 403 means no.
	 */
	boolean signedIn() {
		if (!ok()) {
			return false;
		}
		Optional<JsonNode> json = json();
		if (json.isPresent() && json.get().has("authenticated")) {
			return json.get().get("authenticated").asBoolean(false);
		}
		if (json.isPresent() && json.get().path("meta").has("is_authenticated")) {
			return json.get().path("meta").get("is_authenticated").asBoolean(false);
		}
		return true;
	}

	/** The status and the start of the body: {@code 200 {"authenticated":false}}. */
	String brief() {
		String text = printable();
		return this.status + (text.isEmpty() ? "" : " " + ((text.length() > 60) ? text.substring(0, 60) + "..." : text));
	}

	/** A short description for the output: {@code POST /api/auth/login -> 403 {"code":"csrf_failed"...}}. */
	String summary() {
		String text = printable();
		return this.method + " " + this.path + " -> " + this.status
				+ (text.isEmpty() ? "" : " " + ((text.length() > 120) ? text.substring(0, 120) + "..." : text));
	}

	/**
	 * The body as it may be printed: the values of JSON fields named like secrets ({@code csrfToken},
	 * {@code token}, {@code password}, {@code secret} ...) replaced by {@code ***}, so that a report
	 * pasted into a ticket gives away no token; then ANSI escapes and other control characters removed,
	 * so that an answer cannot rewrite the terminal or fake a result line; white space collapsed.
	 */
	private String printable() {
		String text = SECRET_FIELD.matcher(this.body).replaceAll("$1\"***\"");
		text = ANSI_ESCAPE.matcher(text).replaceAll("");
		return CONTROL.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
	}

}
