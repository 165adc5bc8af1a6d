package dev.spaauth.deployment;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.problem.Problems;

/**
 * Refuses an unsafe request (any method but GET, HEAD, OPTIONS and TRACE) that a browser sent from a
 * page of an untrusted origin, before the CSRF token is looked at: 403 problem
 * {@code origin_forbidden}. The origin comes from the {@code Origin} header or, without it, from the
 * {@code Referer} (its scheme and authority), compared character for character with the trusted
 * origins' serializations, as browsers send them; {@code Origin: null}, a malformed value or a header
 * sent twice is refused, and so
 * is {@code Sec-Fetch-Site: cross-site} or {@code same-site} with neither (a page of another origin
 * sent it without saying which). A request with none of these headers (a
 * non-browser client) passes on to the CSRF check, which still needs the token. This also stops
 * pages on a sibling subdomain, which are same-site and so get {@code SameSite=Lax} cookies (OWASP
 * CSRF Prevention Cheat Sheet, "Verifying Origin With Standard Headers" and "Fetch Metadata"; ASVS
 * 3.5.1). A refusal is published to the audit trail with the origin as sent in its reason and, as its
 * {@linkplain SecurityEvent#code() code}, {@code untrusted_origin}, {@code malformed_origin},
 * {@code duplicate_header} or {@code cross_site_without_origin}.
 */
public final class OriginCheckFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final Deployment deployment;

	private final ProblemResponseWriter problems;

	private final SecurityEvents events;

	/**
	 * Creates the filter.
	 * @param deployment tells which origins may make unsafe requests
	 * @param problems writes the 403 problem
	 * @param events publishes rejections to the audit trail
	 */
	public OriginCheckFilter(Deployment deployment, ProblemResponseWriter problems, SecurityEvents events) {
		this.deployment = deployment;
		this.problems = problems;
		this.events = events;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Refusal refusal = SAFE_METHODS.contains(request.getMethod()) ? null : refusal(request);
		if (refusal == null) {
			chain.doFilter(request, response);
			return;
		}
		this.events.publishRefusal(SecurityEvent.Type.ORIGIN_REJECTED, request, refusal.reason(), refusal.code());
		this.problems.write(response, Problems.of(ProblemCode.ORIGIN_FORBIDDEN,
				"This request comes from a page whose origin may not change data here. Call the API from the "
						+ "app's own origin or from one listed in spa-auth.allowed-origins."));
	}

	private @Nullable Refusal refusal(HttpServletRequest request) {
		List<String> origins = Collections.list(request.getHeaders("Origin"));
		if (origins.size() > 1) {
			return new Refusal("several Origin headers", "duplicate_header");
		}
		if (origins.size() == 1) {
			return judge(origins.get(0), request, "Origin");
		}
		List<String> referers = Collections.list(request.getHeaders("Referer"));
		if (referers.size() > 1) {
			return new Refusal("several Referer headers", "duplicate_header");
		}
		if (referers.size() == 1) {
			return judge(Origin.serializedOriginOf(referers.get(0)).orElse(null), request, "Referer");
		}
		String site = request.getHeader("Sec-Fetch-Site");
		if ("cross-site".equals(site) || "same-site".equals(site)) {
			return new Refusal("Sec-Fetch-Site " + site + " without Origin or Referer", "cross_site_without_origin");
		}
		return null;
	}

	private @Nullable Refusal judge(@Nullable String origin, HttpServletRequest request, String header) {
		if (origin == null || Origin.fromOriginHeader(origin).isEmpty()) {
			return new Refusal(header + " malformed, opaque or not http(s)", "malformed_origin");
		}
		return this.deployment.isTrusted(origin, request) ? null
				: new Refusal(header + " " + printable(origin) + " is not a trusted origin", "untrusted_origin");
	}

	/**
	 * Why a request is refused: in words for the audit trail, and as a word from a fixed list to count by.
	 */
	private record Refusal(String reason, String code) {
	}

	/** The origin as sent, for the audit trail: no control characters, at most 100 characters. */
	private static String printable(String origin) {
		String cleaned = origin.replaceAll("\\p{Cntrl}", "");
		return (cleaned.length() > 100) ? cleaned.substring(0, 100) + "..." : cleaned;
	}

}
