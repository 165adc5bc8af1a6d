package dev.spaauth.devprovider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A local OpenID Connect provider on {@code http://localhost:PORT} (Spring Authorization Server),
 * for the demo's dev profile and the tests: discovery, authorization code with PKCE (required), ID
 * tokens with {@code email}, {@code email_verified} and {@code name}, the UserInfo endpoint, and a
 * GitHub-shaped API for a plain OAuth 2.0 registration. Its one client is {@value #CLIENT_ID} /
 * {@value #CLIENT_SECRET}; redirect URIs must be registered exactly (with {@code 127.0.0.1} the port is
 * not compared, RFC 8252 section 7.3). Not for production: users and keys live in memory.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
		WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class })
@EnableWebSecurity
@Import(DevProviderPages.class)
public class DevProvider {

	/** The client id the provider knows. */
	public static final String CLIENT_ID = "spa-auth-dev";

	/** The client's secret (client_secret_basic). */
	public static final String CLIENT_SECRET = "dev-secret";

	private static final Set<String> redirectUris = ConcurrentHashMap.newKeySet();

	/**
	 * Starts a provider in its own application context, reading no configuration file of the
	 * application around it.
	 * @param port the port on 127.0.0.1, or 0 for a free one
	 * @param redirectUris the client's redirect URIs, such as
	 * {@code https://api.example.com/api/auth/oauth2/callback/local}
	 * @return the running provider
	 */
	public static Running start(int port, List<String> redirectUris) {
		int actual = (port != 0) ? port : freePort();
		DevProvider.redirectUris.addAll(redirectUris);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DevProvider.class)
			.properties("spring.config.name=spa-auth-dev-provider", "spring.main.banner-mode=off",
					"spring.jmx.enabled=false", "server.address=127.0.0.1", "server.port=" + actual,
					"dev-provider.issuer=http://localhost:" + actual, "logging.level.org.springframework=WARN")
			.run();
		return new Running(context, "http://localhost:" + actual);
	}

	/**
	 * Adds a redirect URI to the client, in every provider of this JVM.
	 * @param uri the exact URI
	 */
	public static void allowRedirectUri(String uri) {
		redirectUris.add(uri);
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests((rules) -> rules.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain signInChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((rules) -> rules.requestMatchers("/login", "/github/**", "/error").permitAll()
			.anyRequest().authenticated())
			.formLogin((form) -> form.loginPage("/login"));
		return http.build();
	}

	@Bean
	DevUsers devUsers() {
		return new DevUsers();
	}

	@Bean
	RegisteredClientRepository registeredClients() {
		return new RegisteredClientRepository() {

			@Override
			public void save(RegisteredClient registeredClient) {
				// The one client is made from the redirect URIs each time; a re-encoded secret is not kept.
			}

			@Override
			public RegisteredClient findById(String id) {
				return client();
			}

			@Override
			public RegisteredClient findByClientId(String clientId) {
				return CLIENT_ID.equals(clientId) ? client() : null;
			}

		};
	}

	private static RegisteredClient client() {
		return RegisteredClient.withId("dev-client")
			.clientId(CLIENT_ID)
			.clientSecret("{noop}" + CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris((uris) -> uris.addAll(redirectUris))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scope(OidcScopes.EMAIL)
			.scope("read:user")
			.scope("user:email")
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.build();
	}

	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new InMemoryOAuth2AuthorizationService();
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(DevUsers users) {
		return (context) -> {
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				users.find(context.getPrincipal().getName())
					.ifPresent((user) -> context.getClaims()
						.claim("email", user.email())
						.claim("email_verified", user.emailVerified())
						.claim("name", user.name())
						.claim("preferred_username", user.username()));
			}
		};
	}

	@Bean
	JWKSource<SecurityContext> jwkSource() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keys = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
		return NimbusJwtDecoder.withJwkSource(jwkSource).build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(Environment environment) {
		return AuthorizationServerSettings.builder().issuer(environment.getRequiredProperty("dev-provider.issuer")).build();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A running provider.
	 *
	 * @param context its application context, to close
	 * @param issuer its issuer URI, such as {@code http://localhost:9000}
	 */
	public record Running(ConfigurableApplicationContext context, String issuer) implements AutoCloseable {

		/**
		 * Returns the provider's users, to add some.
		 * @return the users
		 */
		public DevUsers users() {
			return this.context.getBean(DevUsers.class);
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

}
