package dev.spaauth.autoconfigure;

import java.util.Set;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.spaauth.config.SpaAuthEndpoints;
import dev.spaauth.openapi.CookieAuthentication;
import dev.spaauth.openapi.RecordSchemas;
import dev.spaauth.openapi.SpaAuthOpenApiCustomizer;
import dev.spaauth.problem.ProblemErrorController;

/**
 * spa-auth in the application's OpenAPI document, only when the application has springdoc on its
 * class path (spa-auth does not bring it): the problems of spa-auth's endpoints
 * and the session cookie and CSRF header they need, by their configured names
 * ({@link SpaAuthOpenApiCustomizer}); which members of records are required or nullable
 * ({@link RecordSchemas}); the {@code /error} controller hidden (it answers errors, it is
 * no endpoint); a {@link JsonNode} (WebAuthn options and credentials) as a JSON object, not as the
 * getters of Jackson's node class. springdoc's own
 * {@code springdoc.*} settings decide whether and where the document is served.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
class SpaAuthOpenApiConfiguration {

	@Bean
	RecordSchemas spaAuthRecordSchemas() {
		return new RecordSchemas();
	}

	@Bean
	@ConditionalOnMissingBean
	SpaAuthOpenApiCustomizer spaAuthOpenApiCustomizer(SpaAuthEndpoints endpoints, RecordSchemas records,
			SpaAuthProperties properties) {
		SpringDocUtils.getConfig()
			.addHiddenRestControllers(ProblemErrorController.class)
			.replaceWithSchema(JsonNode.class, new Schema<>().type("object")
				.types(Set.of("object"))
				.description("A JSON object passed through as it is, such as WebAuthn options or a credential."));
		CookieAuthentication authentication = new CookieAuthentication(
				properties.session().effectiveCookieName(properties.cookies().secure()), properties.csrf().headerName());
		return new SpaAuthOpenApiCustomizer(endpoints, records, authentication);
	}

}
