package io.goalpost.support.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Both services read request JSON strictly: a key given twice (which value was meant?) or a fraction where a
 * whole number goes (Jackson would drop it: year 2020.5 read as 2020) is a 400, not a guess.
 */
@AutoConfiguration
public class StrictJsonAutoConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
	}

}
