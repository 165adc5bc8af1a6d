package dev.spaauth.doctor;

/**
 * One check of a deployment, with a stable id (the ids are listed in {@link Checks} and in the
 * README). A check reads what it needs from the shared {@link Probe}, which sends each request once.
 */
interface Check {

	/**
	 * Returns the check's id.
	 * @return a stable kebab-case id
	 */
	String id();

	/**
	 * Runs the check.
	 * @param probe the deployment and the answers seen so far
	 * @return the finding
	 * @throws java.io.UncheckedIOException when the API does not answer
	 */
	Finding run(Probe probe);

	default Finding pass(String saw) {
		return new Finding(id(), Result.PASS, saw, "");
	}

	default Finding warn(String saw, String fix) {
		return new Finding(id(), Result.WARN, saw, fix);
	}

	default Finding fail(String saw, String fix) {
		return new Finding(id(), Result.FAIL, saw, fix);
	}

	default Finding skip(String saw, String fix) {
		return new Finding(id(), Result.SKIP, saw, fix);
	}

}
