package dev.spaauth.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The API at {@code https://api.example.test} behind a TLS proxy, with its SPA on the sibling
 * subdomain {@code https://app.example.test}. Every test class that carries it shares one Spring
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = { "spa-auth.allowed-origins=https://app.example.test",
		"spa-auth.public-origin=https://api.example.test", "server.forward-headers-strategy=native",
		"spring.datasource.url=jdbc:h2:mem:spa-auth-sibling;DB_CLOSE_DELAY=-1" })
public @interface SiblingOriginDeployment {

}
