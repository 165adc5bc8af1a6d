package dev.spaauth.chains;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * An application with only a {@code Customizer<HttpSecurity>} bean of rules: spa-auth's default chain
 * puts them first and keeps every protection.
 */
@SpringBootTest(classes = CustomizerBeanApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:spa-auth-chains-customizer;DB_CLOSE_DELAY=-1",
				"management.endpoints.web.exposure.include=health,info", "management.health.mail.enabled=false" })
class CustomizerBeanIntegrationTests extends ChainContractTests {

}
