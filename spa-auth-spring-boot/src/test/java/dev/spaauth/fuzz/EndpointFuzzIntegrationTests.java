package dev.spaauth.fuzz;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property-based fuzzing of every endpoint of the test application over the real HTTP stack:
 * random and malformed methods, paths, content types, bodies and headers (CSRF token, Origin,
 * cookies, Accept), some with the fuzz user's valid session, token and own origin so that they reach
 * the endpoints' logic. Every response must stay below 500, be an RFC 9457 problem when it is an
 * error, leak nothing (see {@link ResponseChecks}), and a rejected request must change no state (see
 * {@link FuzzTarget#exercise}).
 * <p>
 * A small harness of its own on JUnit Jupiter instead of a property-testing library (jqwik 1.10's
 * maintainers ask that it not be used by AI coding agents, and one wrote this test): each property
 * runs a number of tries from a seeded {@link Random}, keeps the first failing request per
 * violation, status, method and path, shrinks it (drops headers, empties or halves the body,
 * restores the path and method) and fails with the seed and a reproduction. Secrets appear in a
 * reproduction as placeholders ({@code {SESSION}}, {@code {TOKEN}}, ...: see {@link FuzzTarget}).
 * Requests found by earlier runs are replayed first ({@link KnownCases}). Run again with
 * {@code -Dfuzz.seed=N} for the same requests; scale the tries with {@code -Dfuzz.scale=0.1} (quick)
 * or {@code 10} (long run); {@code -Dfuzz.verbose=true} prints HTTP/0.9 answers and responses
 * without {@code nosniff}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndpointFuzzIntegrationTests {

	private static final long SEED = Long.getLong("fuzz.seed", new SecureRandom().nextLong());

	private static final double SCALE = Double.parseDouble(System.getProperty("fuzz.scale", "1"));

	private static final int MAX_SHRINK_SENDS = 60;

	private static final int MAX_LISTED = 40;

	private static final int MAX_SHRUNK = 20;

	private static final boolean VERBOSE = Boolean.getBoolean("fuzz.verbose");

	private static final JsonMapper JSON = JsonMapper.shared();

	private FuzzTarget target;

	private final List<String> summaries = new ArrayList<>();

	private long totalTries;

	private long started;

	@BeforeAll
	void start() {
		this.started = System.nanoTime();
		this.target = startTarget();
	}

	/** Starts the application under test: H2 for everything; the store variants override this. */
	FuzzTarget startTarget() {
		return FuzzTarget.start();
	}

	/** How many of each property's tries this variant runs, as a share of {@code fuzz.scale}. */
	double share() {
		return 1;
	}

	@AfterAll
	void stop() {
		if (this.target != null) {
			this.target.close();
		}
		System.out.printf(Locale.ROOT, "[fuzz] " + getClass().getSimpleName() + ": %d requests in %.1f s (seed %d, scale %s)%n",
				this.totalTries, (System.nanoTime() - this.started) / 1e9, SEED, SCALE);
		this.summaries.forEach(System.out::println);
	}

	@Test
	@Order(0)
	void requestsThatFailedEarlierRunsAreAnsweredSafely() {
		StringBuilder report = new StringBuilder();
		List<KnownCases.Case> cases = KnownCases.all();
		int failing = 0;
		for (KnownCases.Case known : cases) {
			FuzzTarget.Outcome outcome = this.target.exercise(known.request());
			if (!outcome.violations().isEmpty()) {
				report.append(String.format(Locale.ROOT, "%n#%d  %s%n  violations: %s%n  request:%n%s%n  response:%n%s%n",
						++failing, known.finding(), outcome.violations(), known.request().describe(),
						outcome.response().describe()));
			}
		}
		this.totalTries += cases.size();
		String summary = String.format(Locale.ROOT, "[fuzz] known cases: %d replayed, %d failing", cases.size(), failing);
		this.summaries.add(summary);
		System.out.println(summary);
		if (failing > 0) {
			System.out.println(report);
			fail(failing + " request(s) found by earlier fuzz runs still break a property:" + report);
		}
	}

	@Test
	@Order(1)
	void randomRequestsToEveryEndpointAreAnsweredSafely() {
		property("random requests", 1, 2500, 25, Generators::anyRequest);
	}

	@Test
	@Order(2)
	void requestsPastTheOriginAndCsrfChecksAreAnsweredSafely() {
		property("requests past origin and CSRF", 2, 1500, 70, Generators::passingRequest);
	}

	@Test
	@Order(3)
	void malformedWireRequestsAreAnsweredSafely() {
		property("malformed wire requests", 3, 1000, 10, Generators::wireRequest);
	}

	private record Failure(int attempt, String signature, FuzzRequest request, FuzzTarget.Outcome outcome) {
	}

	private void property(String name, int index, int baseTries, int hashBudget,
			Function<Generators, FuzzRequest> generator) {
		long seed = SEED + index;
		Generators generators = new Generators(new Random(seed), FuzzTarget.USER, FuzzTarget.EMAIL,
				FuzzTarget.PASSWORD, FuzzTarget.OTHER_USER, "fz" + index + "n");
		int tries = Math.max(1, (int) (baseTries * SCALE * share()));
		int hashesLeft = Math.max(1, (int) (hashBudget * Math.min(1, SCALE * share() * 2)));
		Stats stats = new Stats();
		Map<String, Failure> failures = new LinkedHashMap<>();
		int relogins = this.target.relogins;
		long start = System.nanoTime();
		for (int attempt = 1; attempt <= tries; attempt++) {
			FuzzRequest request = generator.apply(generators);
			for (int redraw = 0; request.mayHash && hashesLeft <= 0 && redraw < 100; redraw++) {
				request = generator.apply(generators);
			}
			if (request.mayHash) {
				if (hashesLeft <= 0) {
					continue;
				}
				hashesLeft--;
				stats.mayHash++;
			}
			FuzzTarget.Outcome outcome = this.target.exercise(request);
			stats.record(request, outcome);
			if (!outcome.violations().isEmpty()) {
				failures.putIfAbsent(signature(request, outcome), new Failure(attempt, signature(request, outcome),
						request, outcome));
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		this.totalTries += stats.tries;
		String summary = String.format(Locale.ROOT,
				"[fuzz] property '%s': %d tries in %.1f s (seed %d); statuses %s; problem codes %s; raw-socket %d, "
						+ "HTTP/0.9 answers %d, no response %d; may hash a password %d, re-logins %d, slower than 50 ms %d; "
						+ "without nosniff %d, without no-store %d; failing requests %d",
				name, stats.tries, seconds, seed, stats.statuses, stats.codes, stats.raw, stats.http09, stats.noResponse,
				stats.mayHash,
				this.target.relogins - relogins, stats.slow, stats.withoutNosniff, stats.withoutNoStore, failures.size());
		this.summaries.add(summary);
		System.out.println(summary);
		if (VERBOSE) {
			System.out.println("[fuzz] without nosniff: " + stats.withoutNosniffSamples);
		}
		if (!failures.isEmpty()) {
			fail(report(name, seed, failures));
		}
	}

	/**
	 * Shrinks failing requests (one per kind of violation and status first, then others up to a
	 * limit), merges those that shrink to the same request, and lists every failing request in brief.
	 */
	private String report(String name, long seed, Map<String, Failure> failures) {
		List<Failure> chosen = new ArrayList<>();
		Map<String, Boolean> kindsSeen = new LinkedHashMap<>();
		failures.values().forEach((failure) -> {
			if (kindsSeen.putIfAbsent(kinds(failure.outcome()) + failure.outcome().response().status(), true) == null) {
				chosen.add(failure);
			}
		});
		failures.values().stream().filter((failure) -> !chosen.contains(failure)).limit(Math.max(0, MAX_SHRUNK
				- chosen.size())).forEach(chosen::add);
		Map<String, List<Failure>> byShrunkRequest = new LinkedHashMap<>();
		Map<String, Failure> shrunkExample = new LinkedHashMap<>();
		for (Failure failure : chosen) {
			Failure shrunk = shrink(failure);
			String key = shrunk.request().describe();
			byShrunkRequest.computeIfAbsent(key, (k) -> new ArrayList<>()).add(failure);
			shrunkExample.putIfAbsent(key, shrunk);
		}
		StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
				"%d failing request(s) in property '%s' (seed %d; rerun with -Dfuzz.seed=%d); %d shrunk to %d distinct request(s):%n",
				failures.size(), name, seed, SEED, chosen.size(), byShrunkRequest.size()));
		int number = 0;
		for (Map.Entry<String, List<Failure>> entry : byShrunkRequest.entrySet()) {
			Failure shrunk = shrunkExample.get(entry.getKey());
			report.append(String.format(Locale.ROOT, "%n#%d  %s%n  found by try %s%n  violations: %s%n  request (shrunk):%n%s%n  response%s:%n%s%n",
					++number, entry.getValue().get(0).signature(),
					entry.getValue().stream().map((failure) -> Integer.toString(failure.attempt())).toList(),
					shrunk.outcome().violations(), shrunk.request().describe(),
					(shrunk.request().transport != shrunk.outcome().response().transport())
							? " (HttpClient refuses to send this request, so it went over the raw socket)" : "",
					shrunk.outcome().response().describe()));
		}
		report.append(String.format(Locale.ROOT, "%nAll failing requests (violations | status | method and path):%n"));
		failures.keySet().stream().limit(MAX_LISTED).forEach((kind) -> report.append("  ").append(kind).append('\n'));
		if (failures.size() > MAX_LISTED) {
			report.append("  ... and ").append(failures.size() - MAX_LISTED).append(" more\n");
		}
		System.out.println(report);
		return report.toString();
	}

	/** What kind of failure this is: the properties broken, the status and the endpoint. */
	private static String signature(FuzzRequest request, FuzzTarget.Outcome outcome) {
		String path = request.path.split("[?#;]", 2)[0];
		return kinds(outcome) + " | HTTP " + outcome.response().status() + " | " + request.method + " "
				+ ((path.length() > 40) ? path.substring(0, 40) + "..." : path);
	}

	private static String kinds(FuzzTarget.Outcome outcome) {
		return outcome.violations().stream().map((violation) -> violation.split(":", 2)[0]).distinct().sorted().toList()
			.toString();
	}

	/** Simplifies the request while it still fails the same way (same kinds, same status). */
	private Failure shrink(Failure failure) {
		FuzzRequest current = failure.request();
		FuzzTarget.Outcome outcome = failure.outcome();
		String wanted = kinds(outcome) + outcome.response().status();
		int sends = 0;
		boolean progress = true;
		while (progress && sends < MAX_SHRINK_SENDS) {
			progress = false;
			for (FuzzRequest candidate : simplifications(current)) {
				if (sends++ >= MAX_SHRINK_SENDS) {
					break;
				}
				FuzzTarget.Outcome tried = this.target.exercise(candidate);
				if (!tried.violations().isEmpty() && (kinds(tried) + tried.response().status()).equals(wanted)) {
					current = candidate;
					outcome = tried;
					progress = true;
					break;
				}
			}
		}
		return new Failure(failure.attempt(), failure.signature(), current, outcome);
	}

	private static List<FuzzRequest> simplifications(FuzzRequest request) {
		List<FuzzRequest> candidates = new ArrayList<>();
		String[] endpoint = request.endpoint.split(" ", 2);
		if (!request.method.equals(endpoint[0])) {
			candidates.add(request.withMethod(endpoint[0]));
		}
		if (!request.path.equals(endpoint[1])) {
			candidates.add(request.withPath(endpoint[1]));
			int cut = request.path.indexOf('?');
			if (cut > 0) {
				candidates.add(request.withPath(request.path.substring(0, cut)));
			}
		}
		if (request.body.length > 0) {
			candidates.add(request.withBody(new byte[0], "empty"));
			if (request.body.length > 16) {
				candidates.add(request.withBody(java.util.Arrays.copyOf(request.body, request.body.length / 2),
						request.bodyKind + ", first half"));
			}
		}
		for (int i = 0; i < request.headers.size(); i++) {
			List<FuzzRequest.Header> fewer = new ArrayList<>(request.headers);
			fewer.remove(i);
			candidates.add(request.withHeaders(fewer));
		}
		if (request.transport == FuzzRequest.Transport.RAW_SOCKET && !request.rawFraming
				&& request.version.equals("HTTP/1.1")) {
			candidates.add(request.withTransport(FuzzRequest.Transport.HTTP_CLIENT));
		}
		return candidates;
	}

	private static final class Stats {

		int tries;

		int raw;

		int noResponse;

		int http09;

		final Map<String, Integer> withoutNosniffSamples = new TreeMap<>();

		int mayHash;

		int slow;

		int withoutNosniff;

		int withoutNoStore;

		final Map<Integer, Integer> statuses = new TreeMap<>();

		final Map<String, Integer> codes = new TreeMap<>();

		void record(FuzzRequest request, FuzzTarget.Outcome outcome) {
			this.tries++;
			Wire.Response response = outcome.response();
			if (response.transport() == FuzzRequest.Transport.RAW_SOCKET) {
				this.raw++;
			}
			if (response.http09()) {
				this.http09++;
				return;
			}
			if (!response.answered()) {
				this.noResponse++;
				if (VERBOSE) {
					System.out.println("[fuzz] no response (" + response.failure() + "):\n" + request.describe());
				}
				return;
			}
			this.statuses.merge(response.status(), 1, Integer::sum);
			if (response.millis() > 50) {
				this.slow++;
			}
			if (!"nosniff".equals(response.header("x-content-type-options"))) {
				this.withoutNosniff++;
				this.withoutNosniffSamples.merge(response.status() + " " + request.method + " " + request.endpoint, 1,
						Integer::sum);
			}
			if (response.header("cache-control") == null || !response.header("cache-control").contains("no-store")) {
				this.withoutNoStore++;
			}
			String contentType = response.header("content-type");
			if (response.status() >= 400 && contentType != null && contentType.startsWith("application/problem+json")
					&& !request.isHead()) {
				try {
					JsonNode code = JSON.readTree(response.text()).get("code");
					this.codes.merge((code != null) ? code.asString() : "none", 1, Integer::sum);
					if (code == null && VERBOSE) {
						System.out.println("[fuzz] problem without code:\n" + request.describe() + "\n" + response.describe());
					}
				}
				catch (RuntimeException ex) {
					this.codes.merge("unparseable", 1, Integer::sum);
				}
			}
		}

	}

}
