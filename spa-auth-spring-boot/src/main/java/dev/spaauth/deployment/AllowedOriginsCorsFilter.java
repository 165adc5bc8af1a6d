package dev.spaauth.deployment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.problem.Problems;

/**
 * CORS for the allowed SPA origins only (Fetch standard, "CORS protocol"): an {@code Origin} equal,
 * character for character, to an allowed origin's serialization is echoed with
 * {@code Access-Control-Allow-Credentials: true}, never {@code *}; responses vary on {@code Origin};
 * preflights are answered here, before authentication and the CSRF check, since browsers send them
 * without cookies; a CORS request from any other origin gets no
 * {@code Access-Control-Allow-*} header and a 403 problem {@code origin_forbidden} (ASVS 3.4.2).
 */
public final class AllowedOriginsCorsFilter extends CorsFilter {

	/**
	 * Creates the filter.
	 * @param deployment the allowed origins (at least one) and the CORS settings
	 * @param csrfHeaderName the CSRF header, allowed on requests
	 * @param problems writes the 403 problem
	 */
	public AllowedOriginsCorsFilter(Deployment deployment, String csrfHeaderName, ProblemResponseWriter problems) {
		super(source(deployment, csrfHeaderName));
		setCorsProcessor(new ProblemCorsProcessor(problems));
	}

	private static UrlBasedCorsConfigurationSource source(Deployment deployment, String csrfHeaderName) {
		CorsConfiguration cors = new ExactOrigins(deployment);
		cors.setAllowedOrigins(deployment.allowedOrigins().stream().map(Origin::toString).toList());
		cors.setAllowCredentials(true);
		cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(), HttpMethod.POST.name(),
				HttpMethod.PUT.name(), HttpMethod.PATCH.name(), HttpMethod.DELETE.name()));
		List<String> headers = new ArrayList<>(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, csrfHeaderName));
		headers.addAll(deployment.cors().allowedHeaders());
		cors.setAllowedHeaders(headers);
		cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
		cors.setMaxAge(deployment.cors().preflightMaxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

	/**
	 * Spring's {@code CorsConfiguration} matches origins ignoring case and a trailing "/", and echoes the
	 * request's spelling. Browsers send the serialized origin (RFC 6454 section 6.2), so only that exact
	 * string of an allowed origin is granted, and the configured value is what is echoed; any other
	 * spelling is refused like an unknown origin.
	 */
	private static final class ExactOrigins extends CorsConfiguration {

		private final Deployment deployment;

		ExactOrigins(Deployment deployment) {
			this.deployment = deployment;
		}

		@Override
		public @Nullable String checkOrigin(@Nullable String origin) {
			return (origin != null && this.deployment.isAllowed(origin)) ? origin : null;
		}

	}

	private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

		private final ProblemResponseWriter problems;

		ProblemCorsProcessor(ProblemResponseWriter problems) {
			this.problems = problems;
		}

		@Override
		protected void rejectRequest(ServerHttpResponse response) throws IOException {
			// Write through the ServerHttpResponse so the Vary headers set before this are kept.
			response.setStatusCode(HttpStatus.FORBIDDEN);
			response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			response.getHeaders().setCacheControl("no-store");
			response.getBody()
				.write(this.problems.toJson(Problems.of(ProblemCode.ORIGIN_FORBIDDEN,
						"This origin may not call the API, or not with this method or these headers. Add the "
								+ "SPA's origin to spa-auth.allowed-origins.")));
			response.flush();
		}

	}

}
