package dev.spaauth.problem;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The methods a path supports, from Spring MVC's request mappings, for the {@code Allow} header of a
 * 405 that Tomcat answered itself (a {@code TRACE}, which Tomcat refuses before any servlet runs and
 * answers with the servlet's methods, not the path's; RFC 9110 section 10.2.1). A path no mapping
 * matches is a static resource: {@code GET, HEAD, OPTIONS}.
 */
public final class AllowedMethods {

	private final Supplier<@Nullable RequestMappingHandlerMapping> mappings;

	/**
	 * Creates the look-up.
	 * @param mappings Spring MVC's request mappings, looked up when first needed (the error
	 * controller that uses this is itself one of them); null when there is no single one
	 */
	public AllowedMethods(Supplier<@Nullable RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	/**
	 * Returns the {@code Allow} value for a path.
	 * @param path the path within the application, such as {@code /api/notes}
	 * @return the methods, comma-separated, in a fixed order; {@code HEAD} with {@code GET}, and
	 * {@code OPTIONS} always; null without request mappings to ask
	 */
	public @Nullable String forPath(String path) {
		RequestMappingHandlerMapping handlerMapping = this.mappings.get();
		if (handlerMapping == null) {
			return null;
		}
		PathContainer container = PathContainer.parsePath(path);
		Set<RequestMethod> methods = EnumSet.noneOf(RequestMethod.class);
		boolean matched = false;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : handlerMapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			if (info.getPatternValues().stream().anyMatch((pattern) -> matches(pattern, container))) {
				matched = true;
				Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
				methods.addAll(declared.isEmpty() ? EnumSet.complementOf(EnumSet.of(RequestMethod.TRACE)) : declared);
			}
		}
		if (!matched) {
			methods.add(RequestMethod.GET);
		}
		if (methods.contains(RequestMethod.GET)) {
			methods.add(RequestMethod.HEAD);
		}
		methods.add(RequestMethod.OPTIONS);
		return methods.stream().map(RequestMethod::name).collect(Collectors.joining(", "));
	}

	private static boolean matches(String pattern, PathContainer path) {
		try {
			return PathPatternParser.defaultInstance.parse(pattern).matches(path);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
