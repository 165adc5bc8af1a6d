package dev.spaauth.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.problem.Problems;

/**
 * Gives {@code q=0} in {@code Accept} its meaning, "not acceptable" (RFC 9110 section 12.4.2), which
 * Spring MVC's content negotiation ignores: {@code application/json;q=0} would still select a JSON
 * endpoint, which ran (a note created, 201) for a client that had refused its answer. Media ranges
 * with {@code q=0} are dropped from the header the application sees; when the most specific range
 * that matches {@code application/json} has {@code q=0} (RFC 9110 section 12.5.1), every range that
 * would admit JSON is dropped too, so a JSON endpoint answers 406 before it runs; and when no range is
 * left, the request is answered 406 problem {@code not_acceptable} here. An {@code Accept} without
 * {@code q=0} is passed through untouched; one that is not a list of media ranges is left to Spring
 * MVC (406). On the error dispatch, an {@code Accept} that is not a list of media ranges is hidden
 * instead, so the error itself is answered as a problem with its headers (Spring MVC would fail on
 * the header and answer an empty 406 without them).
 */
public final class AcceptHeaderFilter extends OncePerRequestFilter {

	private final ProblemResponseWriter writer;

	/**
	 * Creates the filter.
	 * @param writer writes the refusal
	 */
	public AcceptHeaderFilter(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT);
		if (!values.hasMoreElements()) {
			chain.doFilter(request, response);
			return;
		}
		// One Accept header is the rule: join only when there are more.
		String accept = values.nextElement();
		if (values.hasMoreElements()) {
			accept = accept + ", " + String.join(", ", Collections.list(values));
		}
		if (request.getDispatcherType() == DispatcherType.ERROR && parse(accept) == null) {
			chain.doFilter(new WithAccept(request, MediaType.ALL_VALUE), response);
			return;
		}
		List<MediaType> ranges = mayHaveQualityZero(accept) ? parse(accept) : null;
		if (ranges == null || ranges.stream().noneMatch(AcceptHeaderFilter::refused)) {
			chain.doFilter(request, response);
			return;
		}
		boolean jsonRefused = refused(mostSpecificFor(ranges, MediaType.APPLICATION_JSON));
		List<MediaType> acceptable = ranges.stream()
			.filter((range) -> !refused(range))
			.filter((range) -> !(jsonRefused && range.includes(MediaType.APPLICATION_JSON)))
			.toList();
		if (acceptable.isEmpty()) {
			this.writer.writeOutsideSecurityChain(response, Problems.of(ProblemCode.NOT_ACCEPTABLE,
					"The Accept header refuses every media type this endpoint answers (q=0). Accept application/json."));
			return;
		}
		chain.doFilter(new WithAccept(request, MediaType.toString(acceptable)), response);
	}

	private static boolean mayHaveQualityZero(String accept) {
		return accept.indexOf(';') >= 0 && accept.toLowerCase(Locale.ROOT).contains("q=0");
	}

	private static @Nullable List<MediaType> parse(String accept) {
		try {
			return MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

	private static boolean refused(@Nullable MediaType range) {
		return range != null && range.getQualityValue() == 0.0;
	}

	/** The range that decides a type's quality: the most specific one that includes it. */
	private static @Nullable MediaType mostSpecificFor(List<MediaType> ranges, MediaType type) {
		return ranges.stream()
			.filter((range) -> range.includes(type))
			.max(Comparator.comparingInt((MediaType range) -> range.isWildcardType() ? 0
					: range.isWildcardSubtype() ? 1 : 2))
			.orElse(null);
	}

	private static final class WithAccept extends HttpServletRequestWrapper {

		private final String accept;

		WithAccept(HttpServletRequest request, String accept) {
			super(request);
			this.accept = accept;
		}

		@Override
		public @Nullable String getHeader(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? this.accept : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(this.accept))
					: super.getHeaders(name);
		}

	}

}
