package dev.spaauth.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

import org.springframework.web.method.HandlerMethod;

import dev.spaauth.config.SpaAuthEndpoints;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customizer runs on the application's whole document: an application's own schema named
 * {@code Problem} (its own problem class, or Zalando's {@code org.zalando.problem.Problem}) and its
 * security schemes named {@code session} or {@code csrf} stay its own, since spa-auth's components
 * have names of their own ({@code SpaAuthProblem}, {@code spaAuthSession}, {@code spaAuthCsrf}).
 * (Found by a review: both were replaced before.)
 */
class ApplicationComponentsTests {

	private final SpaAuthOpenApiCustomizer customizer = new SpaAuthOpenApiCustomizer(
			new SpaAuthEndpoints("/api/auth", List.of(), List.of()), new RecordSchemas(),
			new CookieAuthentication("__Host-SESSION", "X-XSRF-TOKEN"));

	@Test
	void customiseWhenTheApplicationHasAProblemSchemaThenItIsKept() throws Exception {
		Schema<?> applications = new Schema<>().type("object").description("The application's own problem");
		OpenAPI document = document();
		document.getComponents().addSchemas("Problem", applications);

		this.customizer.customise(document);

		assertThat(document.getComponents().getSchemas().get("Problem")).isSameAs(applications);
	}

	@Test
	void customiseWhenTheApplicationHasASessionSecuritySchemeThenItIsKept() throws Exception {
		SecurityScheme applications = new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer");
		OpenAPI document = document();
		document.getComponents().addSecuritySchemes("session", applications);

		this.customizer.customise(document);

		assertThat(document.getComponents().getSecuritySchemes().get("session")).isSameAs(applications);
	}

	private OpenAPI document() throws NoSuchMethodException {
		Operation notes = new Operation().operationId("notes")
			.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
		this.customizer.customize(notes, new HandlerMethod(new Notes(), Notes.class.getDeclaredMethod("list")));
		return new OpenAPI().components(new Components())
			.paths(new Paths().addPathItem("/api/notes", new PathItem().get(notes)));
	}

	static class Notes {

		void list() {
		}

	}

}
