package dev.spaauth.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

import org.springframework.web.method.HandlerMethod;

import dev.spaauth.config.SpaAuthEndpoints;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemResponses;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link SpaAuthOpenApiCustomizer} on documents built by hand, as springdoc would. */
class SpaAuthOpenApiCustomizerTests {

	private final SpaAuthOpenApiCustomizer customizer = new SpaAuthOpenApiCustomizer(
			new SpaAuthEndpoints("/api/auth", List.of(), List.of()), new RecordSchemas(),
			new CookieAuthentication("__Host-SESSION", "X-XSRF-TOKEN"));

	@Test
	void customiseWhenOperationUnderBasePathThenOneProblemAnswerPerStatusWithItsCodes() throws Exception {
		Operation login = operation("login", true);
		OpenAPI document = document("/api/auth/login", new PathItem().post(login));

		this.customizer.customise(document);

		assertThat(login.getResponses()).containsOnlyKeys("200", "400", "403", "406", "413", "415", "429", "503");
		assertThat(codes(login, "400")).containsExactly("validation_failed", "invalid_credentials", "malformed_request");
		assertThat(codes(login, "403")).containsExactly("csrf_failed", "origin_forbidden");
		assertThat(problemSchema(login, "400").get(0).get$ref()).isEqualTo("#/components/schemas/" + SpaAuthOpenApiCustomizer.PROBLEM_SCHEMA);
		assertThat(login.getOperationId()).isEqualTo("controllerLogin");
		assertThat(login.getSecurity()).containsExactly(new SecurityRequirement().addList(CookieAuthentication.CSRF));
		assertThat(document.getComponents().getSecuritySchemes().get(CookieAuthentication.SESSION).getName()).isEqualTo("__Host-SESSION");
		assertThat(document.getComponents().getSecuritySchemes().get(CookieAuthentication.CSRF).getName()).isEqualTo("X-XSRF-TOKEN");
		assertThat(login.getExtensions()).isNull();
		Schema<?> problem = document.getComponents().getSchemas().get(SpaAuthOpenApiCustomizer.PROBLEM_SCHEMA);
		Schema<?> code = (Schema<?>) problem.getProperties().get("code");
		assertThat(code.getEnum()).hasSize(ProblemCode.values().length);
	}

	@Test
	void customiseWhenSafeMethodOnPathNeedingSessionThenUnauthenticatedAndNoCsrfProblem() throws Exception {
		Operation list = operation("list", false);
		OpenAPI document = document("/api/auth/sessions", new PathItem().get(list));

		this.customizer.customise(document);

		assertThat(codes(list, "401")).containsExactly("unauthenticated", "mfa_required");
		assertThat(list.getResponses()).doesNotContainKeys("403", "413", "415");
		assertThat(list.getSecurity()).containsExactly(new SecurityRequirement().addList(CookieAuthentication.SESSION));
	}

	@Test
	void customiseWhenApplicationsOwnOperationThenOnlyTheMarkIsRemoved() throws Exception {
		Operation notes = operation("list", false);
		OpenAPI document = document("/api/notes", new PathItem().get(notes));

		this.customizer.customise(document);

		assertThat(notes.getResponses()).containsOnlyKeys("200");
		assertThat(notes.getExtensions()).isNull();
		assertThat(notes.getOperationId()).isEqualTo("springdocsOwnId");
		assertThat(notes.getSecurity()).isNull();
	}

	private Operation operation(String method, boolean body) throws NoSuchMethodException {
		Operation operation = new Operation().operationId("springdocsOwnId")
			.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
		if (body) {
			operation.requestBody(new RequestBody()
				.content(new Content().addMediaType("application/json", new MediaType().schema(new Schema<>()))));
		}
		return this.customizer.customize(operation,
				new HandlerMethod(new Controller(), Controller.class.getDeclaredMethod(method)));
	}

	private static OpenAPI document(String path, PathItem item) {
		return new OpenAPI().components(new Components()).paths(new Paths().addPathItem(path, item));
	}

	private static List<Object> codes(Operation operation, String status) {
		Schema<?> narrowed = problemSchema(operation, status).get(1);
		Schema<?> code = (Schema<?>) narrowed.getProperties().get("code");
		return List.copyOf(code.getEnum());
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static List<Schema<?>> problemSchema(Operation operation, String status) {
		Schema<?> schema = operation.getResponses().get(status).getContent().get("application/problem+json").getSchema();
		return (List) schema.getAllOf();
	}

	static class Controller {

		@ProblemResponses({ ProblemCode.VALIDATION_FAILED, ProblemCode.INVALID_CREDENTIALS, ProblemCode.RATE_LIMITED })
		void login() {
		}

		void list() {
		}

	}

}
