package io.goalpost.metrics;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Keeps the state of every series, evaluates actuals against targets and raises alerts. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MetricsApplication {

	/** The configuration file's name: {@code metrics.yml}, so both services can share one JVM (the local stack). */
	public static final String CONFIG_NAME = "metrics";

	public static void main(String[] args) {
		builder().run(args);
	}

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(MetricsApplication.class).properties("spring.config.name=" + CONFIG_NAME);
	}

}
