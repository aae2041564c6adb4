package io.goalpost.support.security;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The API key check, the same in both services. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiKeyProperties.class)
public class ApiKeyAutoConfiguration {

	@Bean
	ApiKeyFilter apiKeyFilter(ApiKeyProperties properties, JsonMapper json) {
		return new ApiKeyFilter(properties, json);
	}

}
