package dev.spaauth.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code cache-no-store}: every auth answer (CSRF priming, session and, with credentials, log-in and
 * log-out) carries {@code Cache-Control: no-store}, so that no browser or shared cache keeps a token or
 * a user's data (OWASP ASVS 5.0 V14.3.2; RFC 9111 section 5.2.2.5).
 */
final class CacheNoStoreCheck implements Check {

	@Override
	public String id() {
		return "cache-no-store";
	}

	@Override
	public Finding run(Probe probe) {
		List<Exchange> answers = new ArrayList<>(List.of(probe.priming(), probe.anonymousSession()));
		if (probe.signIn() != null) {
			answers.addAll(probe.signIn().exchanges());
		}
		List<String> missing = new ArrayList<>();
		for (Exchange answer : answers) {
			if (!answer.headerTokens("Cache-Control").contains("no-store")) {
				missing.add(answer.method() + " " + answer.path() + " (Cache-Control: " + answer.header("Cache-Control") + ")");
			}
		}
		if (!missing.isEmpty()) {
			return fail("Without no-store: " + String.join(", ", missing) + ".",
					"Send Cache-Control: no-store on every auth answer (Spring Security does by default; Django: "
							+ "@never_cache or a middleware).");
		}
		return pass(answers.size() + " auth answers carry Cache-Control: no-store.");
	}

}
