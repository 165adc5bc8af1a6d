package dev.spaauth.problem;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.throttle.RateLimitedException;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Unit tests of {@link ApiExceptionHandler} on a standalone MVC setup with a controller that fails on demand. */
class ApiExceptionHandlerTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
		.setControllerAdvice(new ApiExceptionHandler())
		.build();

	@Test
	void handleWhenRateLimitedThenTooManyRequestsWithRetryAfterInWholeSecondsRoundedUp() throws Exception {
		this.mvc.perform(get("/fail/rate-limited"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "2"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("rate_limited"))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.detail").value(containsString("Wait 2 seconds")));
	}

	@ParameterizedTest
	@CsvSource({ "problem, 404, not_found", "validation, 400, validation_failed",
			"bad-credentials, 400, invalid_credentials", "access-denied, 403, forbidden",
			"unauthenticated, 401, unauthenticated", "account-store, 500, internal_error", "bug, 500, internal_error",
			"store, 503, service_unavailable" })
	void handleWhenExceptionThenProblemWithItsStatusCodeAndNoStore(String failure, int status, String code) throws Exception {
		this.mvc.perform(get("/fail/" + failure))
			.andExpect(status().is(status))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.status").value(status));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void handleWhenClientDisconnectedThenNothingWrittenAndNoErrorLogged(CapturedOutput output) throws Exception {
		// A client that resets the connection while a page is written: an ERROR with a stack trace per
		// request before, so anyone could flood the log.
		this.mvc.perform(get("/fail/client-gone")).andExpect(content().string(""));

		assertThat(output.getAll()).doesNotContain("Unexpected error").doesNotContain("ClientAbortException");
	}

	@Test
	void handleWhenProblemExceptionThenItsOwnDetail() throws Exception {
		this.mvc.perform(get("/fail/problem")).andExpect(jsonPath("$.detail").value("No note with id 5."));
	}

	@Test
	void handleWhenValidationFailedThenEveryFieldError() throws Exception {
		this.mvc.perform(get("/fail/validation"))
			.andExpect(jsonPath("$.errors.email").value("Enter an email address."))
			.andExpect(jsonPath("$.errors.password").value("Use at least 8 characters."));
	}

	@Test
	void handleWhenStoreOutageThenRetryAfter() throws Exception {
		this.mvc.perform(get("/fail/store"))
			.andExpect(header().string("Retry-After", StoreFailures.RETRY_AFTER_SECONDS))
			.andExpect(content().string(not(containsString("Connection refused"))));
	}

	@Test
	void handleWhenUnexpectedExceptionThenDetailNamesNoClassOrMessage() throws Exception {
		this.mvc.perform(get("/fail/bug"))
			.andExpect(content().string(not(containsString("IllegalStateException"))))
			.andExpect(content().string(not(containsString("com.example.Secret"))));
	}

	@Test
	void handleWhenMalformedJsonThenMalformedRequestProblem() throws Exception {
		this.mvc.perform(post("/fail/json").contentType(MediaType.APPLICATION_JSON).content("{\"a\":"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.code").value("malformed_request"));
	}

	@Test
	void handleWhenWrongMediaTypeThenUnsupportedMediaTypeProblem() throws Exception {
		this.mvc.perform(post("/fail/json").contentType(MediaType.TEXT_PLAIN).content("{}"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("unsupported_media_type"))
			.andExpect(jsonPath("$.detail").value("Send the body as application/json."));
	}

	@Test
	void handleWhenWrongMethodThenMethodNotAllowedProblemNamingTheAllowedOnes() throws Exception {
		this.mvc.perform(get("/fail/json"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "POST"))
			.andExpect(jsonPath("$.code").value("method_not_allowed"))
			.andExpect(jsonPath("$.detail").value("This path does not support GET. Use POST."));
	}

	@Test
	void handleWhenPathVariableOfTheWrongTypeThenMalformedRequestProblemNamingIt() throws Exception {
		this.mvc.perform(get("/fail/notes/abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("malformed_request"))
			.andExpect(jsonPath("$.detail").value(containsString("'id'")));
	}

	@RestController
	static class FailingController {

		@GetMapping("/fail/rate-limited")
		void rateLimited() {
			throw new RateLimitedException(Duration.ofMillis(1001));
		}

		@GetMapping("/fail/problem")
		void problem() {
			throw new ProblemException(ProblemCode.NOT_FOUND, "No note with id 5.");
		}

		@GetMapping("/fail/validation")
		void validation() {
			new FieldErrors().add("email", "Enter an email address.")
				.add("password", "Use at least 8 characters.")
				.throwIfAny();
		}

		@GetMapping("/fail/bad-credentials")
		void badCredentials() {
			throw new BadCredentialsException("Bad credentials");
		}

		@GetMapping("/fail/access-denied")
		void accessDenied() {
			throw new AccessDeniedException("Access Denied");
		}

		@GetMapping("/fail/unauthenticated")
		void unauthenticated() {
			throw new InsufficientAuthenticationException("Full authentication is required");
		}

		@GetMapping("/fail/account-store")
		void accountStore() {
			throw new InternalAuthenticationServiceException("UserDetailsService failed");
		}

		@GetMapping("/fail/store")
		void store() {
			throw new DataAccessResourceFailureException("Connection refused");
		}

		@GetMapping("/fail/client-gone")
		void clientGone() throws java.io.IOException {
			throw new org.apache.catalina.connector.ClientAbortException(new java.io.IOException("Broken pipe"));
		}

		@GetMapping("/fail/bug")
		void bug() {
			throw new IllegalStateException("NullPointer in com.example.Secret");
		}

		@PostMapping(path = "/fail/json", consumes = "application/json")
		void json(@RequestBody Map<String, Object> body) {
		}

		@GetMapping("/fail/notes/{id}")
		void note(@PathVariable("id") long id) {
		}

	}

}
