package dev.spaauth.openapi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.web.method.HandlerMethod;

import dev.spaauth.config.SpaAuthEndpoints;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponses;

/**
 * Puts spa-auth's problems into the application's OpenAPI document (springdoc): a {@code Problem}
 * schema (RFC 9457 section 3 members plus spa-auth's {@code code}, {@code errors} and
 * {@code missingCookies}), and on each of
 * spa-auth's operations one {@code application/problem+json} response per status it may answer, whose
 * {@code code} is narrowed to the codes possible there. The codes are those the handler method lists
 * in {@link ProblemResponses} plus those every endpoint of its kind may answer:
 * <ul>
 * <li>everywhere: {@code malformed_request} (400: the firewall, a malformed path or body),
 * {@code not_acceptable} (406: an {@code Accept} without JSON) and {@code service_unavailable} (503: a
 * store or the password hasher down or busy);</li>
 * <li>{@code csrf_failed} and {@code origin_forbidden} (403) on unsafe methods (RFC 9110 section 9.2.1);</li>
 * <li>{@code payload_too_large} (413) and {@code unsupported_media_type} (415) with a request body;</li>
 * <li>{@code unauthenticated} and {@code mfa_required} (401) where {@link SpaAuthEndpoints} needs a
 * session.</li>
 * </ul>
 * spa-auth's operations also get what they need of {@link CookieAuthentication} (the session cookie
 * where a session is needed, the CSRF header on unsafe methods), and ids that do not depend on the
 * order springdoc meets them in.
 * Operations outside {@code spa-auth.base-path} (the application's own) are left as they are.
 */
public final class SpaAuthOpenApiCustomizer implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

	/** Name of the problem schema under {@code components.schemas}: prefixed, so an application's own {@code Problem} stays its own. */
	public static final String PROBLEM_SCHEMA = "SpaAuthProblem";

	/** Carries what the handler method tells ({@link Mark}) from the first pass to the second. */
	private static final String MARK = "x-spa-auth-mark";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private final SpaAuthEndpoints endpoints;

	private final RecordSchemas records;

	private final CookieAuthentication authentication;

	/**
	 * Creates the customizer.
	 * @param endpoints tells which endpoints need a session
	 * @param records the records springdoc resolved, whose required and nullable members it completes
	 * @param authentication the session cookie and CSRF header, as security schemes
	 */
	public SpaAuthOpenApiCustomizer(SpaAuthEndpoints endpoints, RecordSchemas records,
			CookieAuthentication authentication) {
		this.endpoints = endpoints;
		this.records = records;
		this.authentication = authentication;
	}

	/**
	 * Marks the operation with the codes its method lists, for {@link #customise(OpenAPI)}, which
	 * knows its path.
	 * @param operation the operation springdoc built
	 * @param handlerMethod its controller method
	 * @return the operation
	 */
	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		ProblemResponses own = handlerMethod.getMethodAnnotation(ProblemResponses.class);
		String controller = handlerMethod.getBeanType().getSimpleName().replaceFirst("(.)Controller$", "$1");
		String operationId = Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
				+ Character.toUpperCase(handlerMethod.getMethod().getName().charAt(0))
				+ handlerMethod.getMethod().getName().substring(1);
		operation.addExtension(MARK, new Mark((own != null) ? List.of(own.value()) : List.of(), operationId));
		return operation;
	}

	/**
	 * Completes the record schemas ({@link RecordSchemas}), adds the problem schema and the problem
	 * responses of every operation under the base path.
	 * @param openApi the document
	 */
	@Override
	public void customise(OpenAPI openApi) {
		this.records.complete(openApi);
		openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
		this.authentication.addSchemes(openApi);
		if (openApi.getPaths() == null) {
			return;
		}
		String basePath = this.endpoints.path("");
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (operation.getExtensions() != null && operation.getExtensions().remove(MARK) instanceof Mark mark) {
				if (operation.getExtensions().isEmpty()) {
					operation.setExtensions(null);
				}
				if (path.equals(basePath) || path.startsWith(basePath + "/")) {
					operation.setOperationId(mark.operationId());
					boolean unsafe = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
					boolean session = this.endpoints.needsSession(path);
					List<SecurityRequirement> requirements = this.authentication.requirements(session, unsafe);
					operation.setSecurity(requirements.isEmpty() ? null : requirements);
					addProblems(operation, codes(unsafe, session, operation, mark.own()));
				}
			}
		}));
	}

	private static Set<ProblemCode> codes(boolean unsafe, boolean session, Operation operation, List<ProblemCode> own) {
		Set<ProblemCode> codes = EnumSet.of(ProblemCode.MALFORMED_REQUEST, ProblemCode.NOT_ACCEPTABLE,
				ProblemCode.SERVICE_UNAVAILABLE);
		codes.addAll(own);
		if (unsafe) {
			codes.add(ProblemCode.CSRF_FAILED);
			codes.add(ProblemCode.ORIGIN_FORBIDDEN);
		}
		if (operation.getRequestBody() != null) {
			codes.add(ProblemCode.PAYLOAD_TOO_LARGE);
			codes.add(ProblemCode.UNSUPPORTED_MEDIA_TYPE);
		}
		if (session) {
			codes.add(ProblemCode.UNAUTHENTICATED);
			codes.add(ProblemCode.MFA_REQUIRED);
		}
		return codes;
	}

	private static void addProblems(Operation operation, Set<ProblemCode> codes) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		Map<Integer, List<ProblemCode>> byStatus = codes.stream()
			.collect(Collectors.groupingBy((code) -> code.status().value(), TreeMap::new, Collectors.toList()));
		byStatus.forEach((status, sameStatus) -> {
			Schema<?> narrowed = new Schema<>().addProperty("code",
					string().description("One of the codes this operation answers with this status.")
						._enum(new ArrayList<>(sameStatus.stream().map(ProblemCode::code).toList())));
			Schema<?> schema = new Schema<>().allOf(List.of(problemRef(), narrowed));
			operation.getResponses()
				.addApiResponse(String.valueOf(status), new ApiResponse()
					.description(sameStatus.stream().map(ProblemCode::title).collect(Collectors.joining("; ")))
					.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema))));
		});
	}

	private static Schema<?> problemRef() {
		return new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA);
	}

	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", string().format("uri")
			.description("Identifies the problem type: urn:spa-auth:problem: followed by the code."));
		properties.put("title", string().description("Short summary of the problem type, for people."));
		properties.put("status", typed("integer").format("int32").description("The HTTP status code."));
		properties.put("detail", string()
			.description("What happened and what the client can do next, for people; never a secret."));
		properties.put("instance", string().format("uri-reference").description("The request path."));
		properties.put("code", string().description("Stable machine code; clients branch on it, not on title.")
			._enum(new ArrayList<>(List.of(ProblemCode.values()).stream().map(ProblemCode::code).toList())));
		properties.put("errors", typed("object").additionalProperties(string())
			.description("With validation_failed only: field name to a message a person can act on."));
		properties.put("missingCookies", string()._enum(new ArrayList<>(List.of("none", "flow")))
			.description("none: with csrf_failed, the request carried none of the API's cookies (the browser "
					+ "keeps none of them; a fresh token cannot help); flow: with invalid_sign_in_code, the request "
					+ "lacked the provider flow's cookie (third-party cookies blocked, with the SPA on another site)."));
		Schema<?> problem = typed("object").properties(properties)
			.required(List.of("type", "title", "status", "code"))
			.description("An RFC 9457 problem detail, served as application/problem+json.");
		return problem;
	}

	/**
	 * What the first pass learns from the handler method.
	 *
	 * @param own the codes the method lists in {@link ProblemResponses}
	 * @param operationId the controller's name without "Controller" and the method's, such as
	 * {@code authLogin}: unique, and stable whatever order springdoc meets the methods in (its own
	 * ids get {@code _1} suffixes in that order)
	 */
	private record Mark(List<ProblemCode> own, String operationId) {
	}

	private static Schema<String> string() {
		return typed("string");
	}

	private static <T> Schema<T> typed(String type) {
		Schema<T> schema = new Schema<>();
		schema.type(type).types(Set.of(type));
		return schema;
	}

}
