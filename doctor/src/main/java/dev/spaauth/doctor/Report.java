package dev.spaauth.doctor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The findings of one run, printed as text (a line per check: result, id, what was seen, and how to
 * fix it) or as JSON.
 *
 * @param target the deployment
 * @param findings the findings, in check order
 */
record Report(Target target, List<Finding> findings) {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/** The worst result: fail, else warn, else pass (skips count as passes). */
	Result overall() {
		if (count(Result.FAIL) > 0) {
			return Result.FAIL;
		}
		return (count(Result.WARN) > 0) ? Result.WARN : Result.PASS;
	}

	long count(Result result) {
		return this.findings.stream().filter((finding) -> finding.result() == result).count();
	}

	/**
	 * The process exit code.
	 * @return {@link DoctorCommand#EXIT_FAILURE} when a check failed, else {@link DoctorCommand#EXIT_OK}
	 */
	int exitCode() {
		return (overall() == Result.FAIL) ? DoctorCommand.EXIT_FAILURE : DoctorCommand.EXIT_OK;
	}

	String text() {
		StringBuilder out = new StringBuilder();
		out.append("spa-auth doctor: API ").append(this.target.apiOrigin()).append(", SPA ").append(this.target.spaOrigin())
			.append(" (").append(this.target.relation().label()).append(")\n\n");
		for (Finding finding : this.findings) {
			out.append(String.format("%-4s  %-22s  %s%n", finding.result().label().toUpperCase(), finding.id(), finding.saw()));
			if (!finding.fix().isEmpty() && finding.result() != Result.PASS) {
				out.append(String.format("      %-22s  fix: %s%n", "", finding.fix()));
			}
		}
		out.append(String.format("%n%d pass, %d warn, %d fail, %d skip: %s%n", count(Result.PASS), count(Result.WARN),
				count(Result.FAIL), count(Result.SKIP), overall().label()));
		return out.toString();
	}

	String json() {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("api", this.target.apiOrigin());
		root.put("spa", this.target.spaOrigin());
		root.put("siteRelation", this.target.relation().label());
		root.put("result", overall().label());
		root.put("checks", this.findings.stream().map((finding) -> {
			Map<String, String> check = new LinkedHashMap<>();
			check.put("id", finding.id());
			check.put("result", finding.result().label());
			check.put("saw", finding.saw());
			check.put("fix", finding.fix());
			return check;
		}).toList());
		return JSON.writeValueAsString(root) + "\n";
	}

}
