package dev.spaauth.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The spa-auth demo: a notes API per user and a plain-JS SPA at {@code /}, authenticated by
 * spa-auth's cookie session, on an embedded H2 database.
 */
@SpringBootApplication
public class DemoApplication {

	/**
	 * Starts the demo on http://localhost:8080; with the dev profile, the local OpenID Connect provider
	 * on http://localhost:9000 first.
	 * @param args command-line arguments, passed to Spring Boot
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(DemoApplication.class);
		application.addListeners(new LocalProviderLauncher());
		application.run(args);
	}

}
