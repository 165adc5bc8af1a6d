package dev.spaauth.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import dev.spaauth.problem.ErrorHeaders;
import dev.spaauth.problem.ProblemCode;

/**
 * Replaces Tomcat's HTML error page for errors Tomcat answers before any servlet runs (a request
 * header over the size limit, an encoded slash, a malformed request line) with a problem: JSON with
 * {@code type}, {@code title}, {@code status}, {@code detail} and {@code code}, the
 * {@link ErrorHeaders}, and never a stack
 * trace or the server's version (OWASP Error Handling Cheat Sheet; ASVS 16.5.1).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		// 501 and 505 are Tomcat's answers to an unknown method or HTTP version: the request's fault.
		boolean unsupported = status == 501 || status == 505;
		ProblemCode code = unsupported ? ProblemCode.MALFORMED_REQUEST : ProblemCode.forStatus(status);
		String detail = unsupported ? "This server does not support the request's method, transfer coding or HTTP "
				+ "version. Use GET, POST, PUT, PATCH or DELETE over HTTP/1.1."
				: (status < 500) ? "The server could not read this request (its size, encoding or syntax). "
						+ "Send a smaller, well-formed request." : "Something went wrong on the server. Try again later.";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			ErrorHeaders.addMissing(response);
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"" + code.type() + "\",\"title\":\"" + code.title() + "\",\"status\":" + status
						+ ",\"detail\":\"" + detail + "\",\"code\":\"" + code.code() + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is committed; there is nothing left to report to.
		}
	}

}
