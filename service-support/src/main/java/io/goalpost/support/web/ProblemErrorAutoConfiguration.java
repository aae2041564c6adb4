package io.goalpost.support.web;

import org.apache.catalina.startup.Tomcat;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors as problem+json in both services: {@link ProblemErrorController} in the place of Boot's error controller,
 * {@link ProblemReportValve} for what Tomcat refuses itself, and {@link InvalidParameterProblems} for parameters it
 * cannot read.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemErrorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController(ErrorAttributes errorAttributes) {
		return new ProblemErrorController(errorAttributes);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tomcat.class)
	static class TomcatReports {

		@Bean
		InvalidParameterProblems invalidParameterProblems() {
			return new InvalidParameterProblems();
		}

		// Unordered, so after Boot's customizer, which adds a plain ErrorReportValve: this one, added to the host
		// after it, sits nearer the request and reports first.
		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
			return (factory) -> factory
				.addContextCustomizers((context) -> context.getParent().getPipeline().addValve(new ProblemReportValve()));
		}

	}

}
