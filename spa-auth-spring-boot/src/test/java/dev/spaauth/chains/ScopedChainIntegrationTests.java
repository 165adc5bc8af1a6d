package dev.spaauth.chains;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * An application whose only chain is scoped to {@code /api/admin/**}: that chain gets spa-auth too, and
 * spa-auth's default chain answers every other path, so no path is left without protection.
 */
@SpringBootTest(classes = ScopedChainApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:spa-auth-chains-scoped;DB_CLOSE_DELAY=-1",
				"spa-auth.public-paths=/api/public/**",
				"management.endpoints.web.exposure.include=health,info", "management.health.mail.enabled=false" })
class ScopedChainIntegrationTests extends ChainContractTests {

}
