package dev.spaauth.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's {@code /error} JSON with a problem for errors that happen outside Spring MVC (a
 * servlet filter's {@code sendError}, an exception in a filter), so no response is ever Boot's
 * default error body or a stack trace.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
public class ProblemErrorController implements ErrorController {

	private final AllowedMethods allowedMethods;

	/**
	 * Creates the controller.
	 * @param allowedMethods the methods of a path, for the {@code Allow} of a {@code TRACE} Tomcat refused
	 */
	public ProblemErrorController(AllowedMethods allowedMethods) {
		this.allowedMethods = allowedMethods;
	}

	/**
	 * Answers the error dispatch.
	 * @param request the error dispatch, carrying {@link RequestDispatcher#ERROR_STATUS_CODE}
	 * @param response gets the {@link ErrorHeaders}
	 * @return a problem with the original status; 404 when the path was requested directly
	 */
	@RequestMapping(produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE,
			MediaType.ALL_VALUE })
	public ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Without an error status this is a plain request for the error path: there is nothing here.
		int code = (status instanceof Integer value) ? ((value >= 400) ? value : 500) : 404;
		ProblemCode problemCode = ProblemCode.forStatus(code);
		ProblemDetail problem = Problems.of(problemCode, problemCode == ProblemCode.INTERNAL_ERROR
				? "Something went wrong on the server. Try again later." : "The request could not be handled here.");
		problem.setStatus(code);
		ErrorHeaders.addMissing(response);
		if (code == 405 && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
			// Only Tomcat's own 405 comes here (a TRACE it refused: the error dispatch shows it as GET),
			// listing the servlet's methods; Allow names the path's (RFC 9110 section 15.5.6).
			String allowed = this.allowedMethods.forPath(uri.substring(request.getContextPath().length()));
			if (allowed != null) {
				response.setHeader(HttpHeaders.ALLOW, allowed);
			}
		}
		return ResponseEntity.status(code)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
