package io.goalpost.support.openapi;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Each service's OpenAPI document ({@code /v3/api-docs}, UI at {@code /swagger-ui.html}): its name and
 * purpose, the API key that writes need, and the conventions every operation shares, so that controllers
 * carry only what is their own.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

	static final String API_KEY = "apiKey";

	/** Query and path parameters as the seed corpus has them: Chongqing's high-tech enterprises in 2022. */
	static final Map<String, Object> EXAMPLES = Map.of("region", "chongqing", "indicator", "high_tech_enterprises",
			"year", 2022, "state", "firing", "kind", "TARGET_MISSED", "severity", "critical");

	@Bean
	OpenAPI goalpostOpenApi(@Value("${spring.application.name:goalpost}") String name,
			@Value("${goalpost.api.description:}") String description) {
		return new OpenAPI().info(new Info().title("Goalpost " + name).version("v1").description(description))
			.components(new Components().addSecuritySchemes(API_KEY,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key")
						.description("Writes need a key from GOALPOST_API_KEYS (local default: local-dev-key). "
								+ "Reads are open unless goalpost.security.open-reads is false.")));
	}

	/**
	 * Writes under {@code /api/} need the API key (as the API key filter has it) and may answer 401 or 403;
	 * parameters named as the corpus' fields get its values as examples.
	 */
	@Bean
	OpenApiCustomizer goalpostConventions() {
		return (openApi) -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (operation.getParameters() != null) {
				operation.getParameters().stream()
					.filter((parameter) -> parameter.getExample() == null && EXAMPLES.containsKey(parameter.getName()))
					.forEach((parameter) -> parameter.setExample(EXAMPLES.get(parameter.getName())));
			}
			boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
					&& method != PathItem.HttpMethod.OPTIONS;
			if (write && path.startsWith("/api/")) {
				operation.setSecurity(List.of(new SecurityRequirement().addList(API_KEY)));
				operation.getResponses().addApiResponse("401", new ApiResponse().description("no API key in X-Api-Key"));
				operation.getResponses().addApiResponse("403", new ApiResponse().description("the API key is not valid"));
			}
		}));
	}

}
