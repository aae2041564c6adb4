package io.goalpost.support.security;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

/** The API key check, the request body limit and the security headers, the same in both services. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiKeyProperties.class)
public class ApiKeyAutoConfiguration {

	@Bean
	ApiKeyFilter apiKeyFilter(ApiKeyProperties properties, JsonMapper json) {
		return new ApiKeyFilter(properties, json);
	}

	@Bean
	SecurityHeadersFilter securityHeadersFilter() {
		return new SecurityHeadersFilter();
	}

	@Bean
	BodySizeLimitFilter bodySizeLimitFilter(@Value("${goalpost.http.max-body-size:1MB}") DataSize limit,
			@Value("${goalpost.http.max-csv-body-size:64MB}") DataSize csvLimit, JsonMapper json) {
		return new BodySizeLimitFilter(limit.toBytes(), csvLimit.toBytes(), json);
	}

}
