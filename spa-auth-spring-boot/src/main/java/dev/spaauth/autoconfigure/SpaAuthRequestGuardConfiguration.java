package dev.spaauth.autoconfigure;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.web.AcceptCharsetFilter;
import dev.spaauth.web.AcceptHeaderFilter;
import dev.spaauth.web.ContentTypeFilter;
import dev.spaauth.web.PathParameterFilter;
import dev.spaauth.web.RequestBodyLimitFilter;
import dev.spaauth.web.StoreUnavailableFilter;
import dev.spaauth.web.WellFormedStringDeserializer;

/**
 * Servlet filters that guard request input before anything reads it (on every path, ahead of the
 * security filter chain), the bounds on the database's time and the 503 answer to a store outage, and JSON strings that must be well-formed
 * Unicode.
 */
@Configuration(proxyBeanMethods = false)
class SpaAuthRequestGuardConfiguration {

	@Bean
	static FailFastDataSourcePostProcessor spaAuthFailFastDataSource(Environment environment) {
		return new FailFastDataSourcePostProcessor(environment);
	}

	@Bean
	JsonMapperBuilderCustomizer spaAuthWellFormedStrings() {
		return (builder) -> builder.addModule(new SimpleModule("spa-auth-well-formed-strings")
			.addDeserializer(String.class, new WellFormedStringDeserializer()));
	}

	@Bean
	FilterRegistrationBean<ContentTypeFilter> spaAuthContentTypeFilter(ProblemResponseWriter problems) {
		return first(new ContentTypeFilter(problems), 0);
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> spaAuthRequestBodyLimitFilter(SpaAuthProperties properties,
			ProblemResponseWriter problems) {
		return first(new RequestBodyLimitFilter(properties.maxRequestBodySize().toBytes(), problems), 1);
	}

	@Bean
	FilterRegistrationBean<AcceptCharsetFilter> spaAuthAcceptCharsetFilter() {
		return first(new AcceptCharsetFilter(), 2);
	}

	@Bean
	FilterRegistrationBean<AcceptHeaderFilter> spaAuthAcceptHeaderFilter(ProblemResponseWriter problems) {
		return first(new AcceptHeaderFilter(problems), 3);
	}

	@Bean
	FilterRegistrationBean<PathParameterFilter> spaAuthPathParameterFilter(ProblemResponseWriter problems) {
		return first(new PathParameterFilter(problems), 4);
	}

	@Bean
	FilterRegistrationBean<StoreUnavailableFilter> spaAuthStoreUnavailableFilter(ProblemResponseWriter problems) {
		FilterRegistrationBean<StoreUnavailableFilter> registration = new FilterRegistrationBean<>(
				new StoreUnavailableFilter(problems));
		// Outside Spring Session's filter, which reads and writes the session.
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	/** Registers a filter among the first of all, for requests, async and error dispatches. */
	private static <F extends OncePerRequestFilter> FilterRegistrationBean<F> first(F filter, int position) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + position);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
