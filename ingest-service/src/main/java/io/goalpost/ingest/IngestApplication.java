package io.goalpost.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Takes figures in and publishes one {@link io.goalpost.contract.FigureReported} event per figure. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

	/** The configuration file's name: {@code ingest.yml}, so both services can share one JVM (the local stack). */
	public static final String CONFIG_NAME = "ingest";

	public static void main(String[] args) {
		builder().run(args);
	}

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(IngestApplication.class).properties("spring.config.name=" + CONFIG_NAME);
	}

}
