package dev.spaauth.autoconfigure;

import org.apache.catalina.core.StandardHost;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.spaauth.problem.AllowedMethods;
import dev.spaauth.problem.ApiExceptionHandler;
import dev.spaauth.problem.ProblemErrorController;
import dev.spaauth.problem.ProblemRequestRejectedHandler;
import dev.spaauth.problem.ProblemResponseWriter;
import dev.spaauth.web.ProblemErrorReportValve;

/**
 * Problems everywhere: the writer used inside filters, the MVC exception handler, the {@code /error}
 * controller, the firewall's rejections and Tomcat's own error pages.
 */
@Configuration(proxyBeanMethods = false)
class SpaAuthProblemConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProblemResponseWriter spaAuthProblemResponseWriter(JsonMapper jsonMapper) {
		return new ProblemResponseWriter(jsonMapper);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestRejectedHandler spaAuthRequestRejectedHandler(ProblemResponseWriter problems) {
		return new ProblemRequestRejectedHandler(problems);
	}

	@Bean
	ApiExceptionHandler spaAuthApiExceptionHandler() {
		return new ApiExceptionHandler();
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController spaAuthErrorController(
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		return new ProblemErrorController(new AllowedMethods(mappings::getIfAvailable));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
	static class TomcatErrorPageConfiguration {

		@Bean
		TomcatContextCustomizer spaAuthProblemErrorReportValve() {
			return (context) -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			};
		}

	}

}
