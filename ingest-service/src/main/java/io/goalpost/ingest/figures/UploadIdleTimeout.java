package io.goalpost.ingest.figures;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat reads a request body under a timeout of its own ({@code connectionUploadTimeout}) once told to: a read
 * that waits longer than {@link IngestProperties#uploadIdleTimeout()} fails, and the request ends with 408.
 */
@Configuration(proxyBeanMethods = false)
class UploadIdleTimeout {

	@Bean
	TomcatConnectorCustomizer uploadIdleTimeoutCustomizer(IngestProperties properties) {
		return (connector) -> {
			connector.setProperty("disableUploadTimeout", "false");
			connector.setProperty("connectionUploadTimeout", Long.toString(properties.uploadIdleTimeout().toMillis()));
		};
	}

}
