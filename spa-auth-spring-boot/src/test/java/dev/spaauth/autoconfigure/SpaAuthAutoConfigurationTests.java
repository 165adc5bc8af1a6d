package dev.spaauth.autoconfigure;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.servlet.Filter;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.TestingAuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.UuidSessionIdGenerator;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.SessionRepository;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

import dev.spaauth.SpaAuthConfigurationException;
import dev.spaauth.config.SpaAuthConfigurer;
import dev.spaauth.config.SpaAuthEndpoints;
import dev.spaauth.csrf.CsrfTokenSigner;
import dev.spaauth.deployment.AllowedOriginsCorsFilter;
import dev.spaauth.deployment.Deployment;
import dev.spaauth.deployment.OriginCheckFilter;
import dev.spaauth.mail.DroppingMailOutbox;
import dev.spaauth.mail.MailOutbox;
import dev.spaauth.openapi.RecordSchemas;
import dev.spaauth.openapi.SpaAuthOpenApiCustomizer;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.session.CoarseLastAccessSessionRepository;
import dev.spaauth.session.SessionJson;
import dev.spaauth.signup.SignupController;
import dev.spaauth.testapp.PrivateRedis;
import dev.spaauth.throttle.LocalThrottleBuckets;
import dev.spaauth.throttle.RedisThrottleBuckets;
import dev.spaauth.throttle.ThrottleBuckets;
import dev.spaauth.user.UserAccounts;
import dev.spaauth.user.UserRoles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * spa-auth's auto-configuration as Boot's own are tested ({@code SessionAutoConfigurationTests}): what it
 * registers, where it backs off, each session store, each refusal, and spa-auth on every chain.
 */
class SpaAuthAutoConfigurationTests {

	private static final AutoConfigurations INFRASTRUCTURE = AutoConfigurations.of(DataSourceAutoConfiguration.class,
			DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
			JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
			DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
			ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
			SessionAutoConfiguration.class);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(INFRASTRUCTURE)
		.withConfiguration(AutoConfigurations.of(JdbcSessionAutoConfiguration.class, SpaAuthAutoConfiguration.class,
				SpaAuthSessionAutoConfiguration.class))
		// What SpaAuthEnvironmentPostProcessor adds at start-up, which a context runner does not run.
		.withPropertyValues("spring.session.jdbc.initialize-schema=never",
				"spring.session.jdbc.table-name=spa_auth.spring_session")
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:spa-auth-autoconfiguration;DB_CLOSE_DELAY=-1")
		// Sign-up mails a link to verify the address (the default), which needs the SPA's URL.
		.withPropertyValues("spa-auth.spa-url=https://app.example.test");

	@Test
	void applicationWithoutAChainGetsSpaAuthsDefaultChainWithEveryProtection() {
		this.runner.run((context) -> {
			assertThat(context).hasBean("spaAuthSecurityFilterChain");
			List<SecurityFilterChain> chains = context.getBean(FilterChainProxy.class).getFilterChains();
			assertThat(chains).hasSize(1);
			assertThat(filters(chains.get(0))).contains(OriginCheckFilter.class, CsrfFilter.class)
				.doesNotContain(AllowedOriginsCorsFilter.class);
		});
	}

	@Test
	void allowedOriginsPutCorsOnTheChain() {
		this.runner
			.withPropertyValues("spa-auth.allowed-origins=https://app.example.test",
					"spa-auth.public-origin=https://api.example.test")
			.run((context) -> assertThat(filters(context.getBean(FilterChainProxy.class).getFilterChains().get(0)))
				.contains(AllowedOriginsCorsFilter.class));
	}

	@Test
	void applicationChainReplacesTheDefaultChainAndHasSpaAuthApplied() {
		this.runner.withUserConfiguration(OwnChain.class).run((context) -> {
			assertThat(context).doesNotHaveBean("spaAuthSecurityFilterChain");
			List<SecurityFilterChain> chains = context.getBean(FilterChainProxy.class).getFilterChains();
			assertThat(chains).hasSize(1);
			assertThat(filters(chains.get(0))).contains(OriginCheckFilter.class);
		});
	}

	@Test
	void applicationChainForSomePathsIsFollowedByTheDefaultChainForTheOthers() {
		this.runner.withUserConfiguration(ScopedChain.class).run((context) -> {
			List<SecurityFilterChain> chains = context.getBean(FilterChainProxy.class).getFilterChains();
			assertThat(chains).hasSize(2);
			assertThat(chains).allSatisfy((chain) -> assertThat(filters(chain)).contains(OriginCheckFilter.class));
			assertThat(((org.springframework.security.web.DefaultSecurityFilterChain) chains.get(1)).getRequestMatcher())
				.isSameAs(AnyRequestMatcher.INSTANCE);
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("replaceableBeans")
	void applicationBeanReplacesSpaAuthsOwn(Class<?> type, Supplier<Object> applicationBean) {
		Object bean = applicationBean.get();
		this.runner.withBean("applicationBean", castTo(type), () -> bean).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(type)).isSameAs(bean);
		});
	}

	static Stream<Arguments> replaceableBeans() {
		return Stream.of(
				Arguments.of(PasswordEncoder.class, (Supplier<Object>) NoOpPasswordEncoder::getInstance),
				Arguments.of(AuthenticationManager.class,
						(Supplier<Object>) () -> new ProviderManager(new TestingAuthenticationProvider())),
				Arguments.of(MailOutbox.class, (Supplier<Object>) DroppingMailOutbox::new),
				Arguments.of(ThrottleBuckets.class,
						(Supplier<Object>) () -> new LocalThrottleBuckets(java.time.Duration.ofMinutes(1))),
				Arguments.of(SessionIdGenerator.class, (Supplier<Object>) UuidSessionIdGenerator::getInstance),
				Arguments.of(SecurityContextRepository.class,
						(Supplier<Object>) HttpSessionSecurityContextRepository::new),
				Arguments.of(CsrfTokenSigner.class, (Supplier<Object>) CsrfTokenSigner::withRandomSecret),
				Arguments.of(RequestRejectedHandler.class, (Supplier<Object>) HttpStatusRequestRejectedHandler::new),
				Arguments.of(ProblemResponseWriter.class,
						(Supplier<Object>) () -> new ProblemResponseWriter(JsonMapper.shared())),
				Arguments.of(SessionJson.class,
						(Supplier<Object>) () -> new SessionJson(SessionJson.class.getClassLoader(),
								BasicPolymorphicTypeValidator.builder())),
				Arguments.of(SpaAuthEndpoints.class,
						(Supplier<Object>) () -> new SpaAuthEndpoints("/auth", List.of(), List.of("/api/**"))),
				Arguments.of(UserAccounts.class, (Supplier<Object>) () -> new UserAccounts(
						JdbcClient.create(new org.springframework.jdbc.datasource.SimpleDriverDataSource()),
						Clock.systemUTC())),
				Arguments.of(UserRoles.class, (Supplier<Object>) () -> {
					JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.SimpleDriverDataSource());
					return new UserRoles(jdbc, new UserAccounts(jdbc, Clock.systemUTC()), (event) -> {
					}, Clock.systemUTC());
				}),
				Arguments.of(Deployment.class, (Supplier<Object>) () -> Deployment.resolve(null, List.of(), false, null, null,
						new Deployment.Cors(java.time.Duration.ofMinutes(10), List.of()))));
	}

	@Test
	void signupCanBeTurnedOffAndItsPathThenAnswersNotFound() {
		this.runner.withPropertyValues("spa-auth.signup.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SignupController.class);
			MockMvc mvc = mvc(context);
			jakarta.servlet.http.Cookie csrf = mvc.perform(get("/api/auth/csrf"))
				.andReturn()
				.getResponse()
				.getCookie("XSRF-TOKEN");
			mvc.perform(post("/api/auth/signup").cookie(csrf)
				.header("X-XSRF-TOKEN", csrf.getValue())
				.contentType("application/json")
				.content("{}")).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"));
		});
		this.runner.run((context) -> assertThat(context).hasSingleBean(SignupController.class));
	}

	@Test
	void openApiCustomizerOnlyWhenTheApplicationHasSpringdoc() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(SpaAuthOpenApiCustomizer.class)
			.hasSingleBean(RecordSchemas.class));
		this.runner.withClassLoader(new FilteredClassLoader("org.springdoc."))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SpaAuthOpenApiCustomizer.class)
				.doesNotHaveBean(RecordSchemas.class)
				.hasSingleBean(SignupController.class));
	}

	@Test
	void jdbcStoreIsTheDefaultWithCoarseLastAccessInFrontAndThrottleCountsInMemoryOnH2() {
		this.runner.run((context) -> {
			assertThat(context.getBean(FindByIndexNameSessionRepository.class))
				.isInstanceOf(JdbcIndexedSessionRepository.class);
			assertThat(context.getBean(SessionRepository.class)).isInstanceOf(CoarseLastAccessSessionRepository.class);
			assertThat(context.getBean(ThrottleBuckets.class)).isInstanceOf(LocalThrottleBuckets.class);
		});
	}

	@Test
	void redisStoreKeepsSessionsAndThrottleCountsInRedis() throws Exception {
		try (PrivateRedis redis = PrivateRedis.start()) {
			new WebApplicationContextRunner().withConfiguration(INFRASTRUCTURE)
				.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
						SessionDataRedisAutoConfiguration.class, SpaAuthAutoConfiguration.class,
						SpaAuthSessionAutoConfiguration.class))
				.withPropertyValues("spa-auth.session.store=redis", "spring.session.data.redis.repository-type=indexed",
						"spring.data.redis.port=" + redis.port(),
						"spring.datasource.url=jdbc:h2:mem:spa-auth-autoconfiguration-redis;DB_CLOSE_DELAY=-1",
						"spa-auth.spa-url=https://app.example.test")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(FindByIndexNameSessionRepository.class))
						.isInstanceOf(RedisIndexedSessionRepository.class);
					assertThat(context.getBean(SessionRepository.class))
						.isInstanceOf(CoarseLastAccessSessionRepository.class);
					assertThat(context.getBean(ThrottleBuckets.class)).isInstanceOf(RedisThrottleBuckets.class);
				});
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeSettings")
	void unsafeSettingsStopStartUpWithWhatToChange(String settings, String description) {
		this.runner.withPropertyValues(settings.split(" ")).run((context) -> {
			assertThat(failure(context)).isInstanceOf(SpaAuthConfigurationException.class)
				.hasMessageContaining(description);
		});
	}

	static Stream<Arguments> unsafeSettings() {
		return Stream.of(Arguments.of("spa-auth.cookies.same-site=none spa-auth.cookies.secure=false",
				"SameSite=None cookies without Secure"),
				Arguments.of("spa-auth.allowed-origins=*", "a wildcard is not an origin"),
				Arguments.of("spa-auth.allowed-origins=https://app.example.test", "spa-auth.public-origin is not"),
				Arguments.of("spa-auth.allowed-origins=https://app.example.net spa-auth.public-origin=http://api.example.com "
						+ "spa-auth.cookies.secure=false", "browsers refuse SameSite=None cookies without Secure"),
				Arguments.of("spa-auth.csrf.signing-secret=short", "signing-secret has 5 characters"),
				Arguments.of("spa-auth.base-path=/api/auth/", "spa-auth.base-path is '/api/auth/'"),
				Arguments.of("spa-auth.password.min-length=4", "min-length is 4"),
				Arguments.of("spa-auth.session.idle-timeout=2h spa-auth.session.absolute-timeout=1h",
						"shorter than spa-auth.session.idle-timeout"));
	}

	@Test
	void chainThatTurnsCsrfOffDoesNotStart() {
		this.runner.withUserConfiguration(CsrfOff.class)
			.run((context) -> assertThat(failure(context))
				.isInstanceOf(SpaAuthConfigurationException.class)
				.hasMessageContaining("turns CSRF protection off"));
	}

	@Test
	void chainThatCoversSpaAuthsEndpointsWithoutSpaAuthDoesNotStart() {
		this.runner.withUserConfiguration(SpaAuthTakenOff.class)
			.run((context) -> assertThat(failure(context))
				.isInstanceOf(SpaAuthConfigurationException.class)
				.hasMessageContaining("covers spa-auth's endpoint GET /api/auth/csrf but does not apply spa-auth"));
	}

	@Test
	void ignoringSpaAuthsEndpointsDoesNotStart() {
		this.runner.withUserConfiguration(IgnoredEndpoints.class)
			.run((context) -> assertThat(failure(context))
				.isInstanceOf(SpaAuthConfigurationException.class)
				.hasMessageContaining("does not apply spa-auth"));
	}

	@Test
	void spaAuthMayBeTakenOffAChainThatDoesNotCoverItsEndpoints() {
		this.runner.withUserConfiguration(ActuatorWithoutSpaAuth.class).run((context) -> {
			assertThat(context).hasNotFailed();
			List<SecurityFilterChain> chains = context.getBean(FilterChainProxy.class).getFilterChains();
			assertThat(filters(chains.get(0))).doesNotContain(OriginCheckFilter.class);
			assertThat(filters(chains.get(1))).contains(OriginCheckFilter.class);
		});
	}

	@Test
	void customizerBeanEndingWithAnyRequestStopsStartUpWithWhatToChange() {
		this.runner.withUserConfiguration(AnyRequestCustomizer.class)
			.run((context) -> assertThat(failure(context))
				.isInstanceOf(SpaAuthConfigurationException.class)
				.hasMessageContaining("ends its authorization rules with anyRequest()"));
	}

	@Test
	void configurerCustomizerBeanAdjustsSpaAuthOnEveryChain() {
		this.runner.withUserConfiguration(ScopedChain.class, ContentSecurityPolicyCustomizer.class).run((context) -> {
			MockMvc mvc = mvc(context);
			mvc.perform(get("/api/admin/x"))
				.andExpect(header().string("Content-Security-Policy", "default-src 'self'; img-src 'self' data:"));
			mvc.perform(get("/index.html"))
				.andExpect(header().string("Content-Security-Policy", "default-src 'self'; img-src 'self' data:"));
		});
	}

	@Test
	void csrfSettingsThatIgnoreSpaAuthsEndpointsOrSessionRequestsStillLeaveThemChecked() {
		this.runner.withUserConfiguration(CsrfIgnoringEverything.class).run((context) -> {
			MockMvc mvc = mvc(context);
			mvc.perform(post("/api/auth/login").contentType("application/json").content("{}"))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.code").value("csrf_failed"));
			jakarta.servlet.http.Cookie csrf = mvc.perform(get("/api/auth/csrf"))
				.andReturn()
				.getResponse()
				.getCookie("XSRF-TOKEN");
			mvc.perform(post("/api/auth/login").cookie(csrf)
				.header("X-XSRF-TOKEN", csrf.getValue())
				.contentType("application/json")
				.content("{}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("validation_failed"));
			mvc.perform(post("/api/other").session(new MockHttpSession())
				.contentType("application/json")
				.content("{}")).andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("csrf_failed"));
			mvc.perform(post("/api/other").contentType("application/json").content("{}"))
				.andExpect(status().isNotFound());
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("otherLogIns")
	void chainWithAnotherWayToLogInDoesNotStart(String name, Class<?> configuration) {
		this.runner.withUserConfiguration(configuration)
			.run((context) -> assertThat(failure(context)).isInstanceOf(SpaAuthConfigurationException.class)
				.hasMessageContaining("also has " + name + ", another way to log in"));
	}

	static Stream<Arguments> otherLogIns() {
		return Stream.of(Arguments.of("formLogin()", FormLogin.class), Arguments.of("httpBasic()", HttpBasic.class),
				Arguments.of("rememberMe()", RememberMe.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class FormLogin {

		@Bean
		SecurityFilterChain api(HttpSecurity http) {
			return http.formLogin(Customizer.withDefaults()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HttpBasic {

		@Bean
		SecurityFilterChain api(HttpSecurity http) {
			return http.httpBasic(Customizer.withDefaults()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RememberMe {

		@Bean
		SecurityFilterChain api(HttpSecurity http) {
			return http.rememberMe((rememberMe) -> rememberMe.key("k")).build();
		}

	}

	/** The most specific cause of a failed start-up: what its failure analysis reports. */
	private static Throwable failure(AssertableWebApplicationContext context) {
		assertThat(context).hasFailed();
		return NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
	}

	private static MockMvc mvc(AssertableWebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	private static List<Class<?>> filters(SecurityFilterChain chain) {
		return chain.getFilters().stream().<Class<?>>map(Object::getClass).toList();
	}

	@SuppressWarnings("unchecked")
	private static <T> Class<T> castTo(Class<?> type) {
		return (Class<T>) type;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityFilterChain api(HttpSecurity http) {
			return http.authorizeHttpRequests((rules) -> rules.anyRequest().authenticated()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ScopedChain {

		@Bean
		SecurityFilterChain admin(HttpSecurity http) {
			return http.securityMatcher("/api/admin/**")
				.authorizeHttpRequests((rules) -> rules.anyRequest().hasRole("ADMIN"))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CsrfOff {

		@Bean
		SecurityFilterChain api(HttpSecurity http) {
			return http.csrf((csrf) -> csrf.disable()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SpaAuthTakenOff {

		@Bean
		SecurityFilterChain api(HttpSecurity http) {
			return http.with(SpaAuthConfigurer.spaAuth(), SpaAuthConfigurer::disable)
				.authorizeHttpRequests((rules) -> rules.anyRequest().permitAll())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class IgnoredEndpoints {

		@Bean
		WebSecurityCustomizer ignoreTheApi() {
			return (web) -> web.ignoring().requestMatchers("/api/**");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ActuatorWithoutSpaAuth {

		@Bean
		@org.springframework.core.annotation.Order(1)
		SecurityFilterChain actuator(HttpSecurity http) {
			return http.securityMatcher("/actuator/**")
				.with(SpaAuthConfigurer.spaAuth(), SpaAuthConfigurer::disable)
				.authorizeHttpRequests((rules) -> rules.anyRequest().permitAll())
				.build();
		}

		@Bean
		@org.springframework.core.annotation.Order(2)
		SecurityFilterChain api(HttpSecurity http) {
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AnyRequestCustomizer {

		@Bean
		Customizer<HttpSecurity> rules() {
			return (http) -> http.authorizeHttpRequests((rules) -> rules.anyRequest().authenticated());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ContentSecurityPolicyCustomizer {

		@Bean
		Customizer<SpaAuthConfigurer> contentSecurityPolicy() {
			return (spaAuth) -> spaAuth.contentSecurityPolicy("default-src 'self'; img-src 'self' data:");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CsrfIgnoringEverything {

		@Bean
		SecurityFilterChain api(HttpSecurity http) {
			return http.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"))
				.authorizeHttpRequests((rules) -> rules.anyRequest().permitAll())
				.build();
		}

	}

}
