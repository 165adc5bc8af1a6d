package dev.spaauth.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * Every check, in the order they run and print. The ids are stable: scripts may match on them.
 * <table>
 * <caption>Check ids</caption>
 * <tr><td>tls</td><td>{@link TlsCheck}</td></tr>
 * <tr><td>hsts</td><td>{@link HstsCheck}</td></tr>
 * <tr><td>csrf-priming</td><td>{@link CsrfPrimingCheck}</td></tr>
 * <tr><td>cache-no-store</td><td>{@link CacheNoStoreCheck}</td></tr>
 * <tr><td>cookie-host-prefix</td><td>{@link CookieHostPrefixCheck}</td></tr>
 * <tr><td>cookie-secure</td><td>{@link CookieSecureCheck}</td></tr>
 * <tr><td>cookie-httponly</td><td>{@link CookieHttpOnlyCheck}</td></tr>
 * <tr><td>cookie-samesite</td><td>{@link CookieSameSiteCheck}</td></tr>
 * <tr><td>cookie-partitioned</td><td>{@link CookiePartitionedCheck}</td></tr>
 * <tr><td>cors-spa-origin</td><td>{@link CorsSpaOriginCheck}</td></tr>
 * <tr><td>cors-lookalike-origins</td><td>{@link CorsLookalikeOriginsCheck}</td></tr>
 * <tr><td>forwarded-headers</td><td>{@link ForwardedHeadersCheck}</td></tr>
 * <tr><td>csrf-required</td><td>{@link CsrfRequiredCheck}</td></tr>
 * <tr><td>login, session-round-trip, session-id-rotation, logout</td><td>{@link SignInChecks}</td></tr>
 * </table>
 */
final class Checks {

	private Checks() {
	}

	static List<Check> all() {
		List<Check> checks = new ArrayList<>(List.of(new TlsCheck(), new HstsCheck(), new CsrfPrimingCheck(),
				new CacheNoStoreCheck(), new CookieHostPrefixCheck(), new CookieSecureCheck(), new CookieHttpOnlyCheck(),
				new CookieSameSiteCheck(), new CookiePartitionedCheck(), new CorsSpaOriginCheck(),
				new CorsLookalikeOriginsCheck(), new ForwardedHeadersCheck(), new CsrfRequiredCheck()));
		checks.addAll(SignInChecks.all());
		return List.copyOf(checks);
	}

	/**
	 * Runs every check; one that throws (an answer the check did not expect) is a failure with the
	 * error as what it saw.
	 * @param probe the deployment
	 * @return the findings, in order
	 */
	static List<Finding> run(Probe probe) {
		List<Finding> findings = new ArrayList<>();
		for (Check check : all()) {
			try {
				findings.add(check.run(probe));
			}
			catch (RuntimeException ex) {
				findings.add(check.fail("The check could not run: " + ex.getMessage(), "See what the API answered."));
			}
		}
		return findings;
	}

}
