package dev.spaauth.testapp;

import java.io.UnsupportedEncodingException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletResponse;

import dev.spaauth.problem.ProblemResponseWriter;

/** Writes and reads RFC 9457 problems in unit tests on mock responses. */
public final class TestProblems {

	private static final JsonMapper JSON = JsonMapper.shared();

	private TestProblems() {
	}

	/**
	 * Returns a problem writer with a plain JSON mapper.
	 * @return the writer
	 */
	public static ProblemResponseWriter writer() {
		return new ProblemResponseWriter(JSON);
	}

	/**
	 * Reads the problem a mock response holds.
	 * @param response the response
	 * @return its body as JSON
	 */
	public static JsonNode problem(MockHttpServletResponse response) {
		try {
			return JSON.readTree(response.getContentAsString());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads the {@code code} member of the problem a mock response holds.
	 * @param response the response
	 * @return the code, such as {@code csrf_failed}
	 */
	public static String code(MockHttpServletResponse response) {
		return problem(response).get("code").asString();
	}

}
