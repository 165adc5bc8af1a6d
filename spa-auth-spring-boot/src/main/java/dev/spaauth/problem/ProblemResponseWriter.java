package dev.spaauth.problem;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem as {@code application/problem+json} straight to the servlet response, for
 * errors raised where no MVC handler runs: the security filter chain and servlet filters.
 */
public final class ProblemResponseWriter {

	private final JsonMapper jsonMapper;

	/**
	 * Creates the writer.
	 * @param jsonMapper the application's JSON mapper
	 */
	public ProblemResponseWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Writes the problem with its status, {@code Cache-Control: no-store} and
	 * {@code X-Content-Type-Options: nosniff}, inside Spring Security's filter chain, whose header
	 * writer adds the other security headers; writes nothing if the response is already committed.
	 * @param response the response to write to
	 * @param problem the problem
	 * @throws IOException if the body cannot be written
	 */
	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.getOutputStream().write(toJson(problem));
	}

	/**
	 * Writes the problem like {@link #write}, with the {@link ErrorHeaders} too: for answers written
	 * outside Spring Security's filter chain (by a filter ahead of it, or by its firewall), whose
	 * header writer never sees them.
	 * @param response the response to write to
	 * @param problem the problem
	 * @throws IOException if the body cannot be written
	 */
	public void writeOutsideSecurityChain(HttpServletResponse response, ProblemDetail problem) throws IOException {
		if (!response.isCommitted()) {
			ErrorHeaders.addMissing(response);
		}
		write(response, problem);
	}

	/**
	 * Serialises a problem as the body of an {@code application/problem+json} response.
	 * @param problem the problem
	 * @return the JSON, UTF-8 encoded
	 */
	public byte[] toJson(ProblemDetail problem) {
		return this.jsonMapper.writeValueAsBytes(toMap(problem));
	}

	private static Map<String, Object> toMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
