package io.goalpost.system;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.goalpost.ingest.IngestApplication;
import io.goalpost.metrics.MetricsApplication;
import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;
import io.goalpost.testsupport.ServiceJar;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Starts the services as they run in production: in this JVM, or as a process of their own that a test can kill. */
final class Services {

	private Services() {
	}

	/** Topic names of one test's own. */
	record Topics(String figures, String alerts) {

		/** New topics, created with the services' partition count before anyone produces to them. */
		static Topics fresh() {
			String suffix = "sys" + System.nanoTime();
			Topics topics = new Topics("indicator-figures-" + suffix, "indicator-alerts-" + suffix);
			Infrastructure.createTopics(6, topics.figures(), topics.figures() + "-dlt", topics.alerts());
			return topics;
		}

	}

	static ConfigurableApplicationContext metrics(Topics topics, Infrastructure.Database database, String group) {
		List<String> arguments = metricsArguments(topics, database, group);
		arguments.add("--server.port=0");
		return run(MetricsApplication.builder(), arguments);
	}

	static ConfigurableApplicationContext ingest(Topics topics) {
		List<String> arguments = ingestArguments(topics);
		arguments.add("--server.port=0");
		return run(IngestApplication.builder(), arguments);
	}

	/** metrics-service from its executable jar in a JVM of its own, so that it can be killed outright. */
	static ServiceJar metricsProcess(Topics topics, Infrastructure.Database database, String group) throws IOException {
		return ServiceJar.start(module("metrics-service"), List.of("-Xmx512m"), metricsArguments(topics, database, group),
				Map.of());
	}

	/**
	 * ingest-service from its executable jar in a JVM of its own, as instance {@code instanceId} (given as operators
	 * give it, in {@code GOALPOST_INSTANCE_ID}). Its transactions time out after five minutes, longer than any test
	 * waits.
	 */
	static ServiceJar ingestProcess(Topics topics, String instanceId) throws IOException {
		List<String> arguments = ingestArguments(topics);
		arguments.add("--spring.kafka.producer.properties.transaction.timeout.ms=300000");
		return ServiceJar.start(module("ingest-service"), List.of("-Xmx512m"), arguments,
				Map.of("GOALPOST_INSTANCE_ID", instanceId));
	}

	private static Path module(String name) {
		return Path.of(System.getProperty("goalpost.root", ".."), name);
	}

	/** Every method and path under /api/ that a service's handler mapping serves, as {@code "POST /api/v1/figures"}. */
	static Set<String> apiOperations(ConfigurableApplicationContext context) {
		Set<String> operations = new TreeSet<>();
		context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
			.getHandlerMethods()
			.keySet()
			.forEach((info) -> info.getPatternValues()
				.stream()
				.filter((pattern) -> pattern.startsWith("/api/"))
				.forEach((pattern) -> info.getMethodsCondition()
					.getMethods()
					.forEach((method) -> operations.add(method.name() + " " + pattern))));
		return operations;
	}

	static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	private static List<String> ingestArguments(Topics topics) {
		List<String> arguments = common(topics);
		arguments.add("--goalpost.security.api-keys=" + ServiceClient.TEST_API_KEY);
		return arguments;
	}

	private static List<String> metricsArguments(Topics topics, Infrastructure.Database database, String group) {
		List<String> arguments = common(topics);
		arguments.addAll(List.of("--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--spring.kafka.consumer.group-id=" + group,
				"--goalpost.consumer.concurrency=2",
				// The broker's shortest session, so a killed member's partitions move on within seconds.
				"--spring.kafka.consumer.properties.session.timeout.ms=6000",
				"--spring.kafka.consumer.properties.heartbeat.interval.ms=1500"));
		return arguments;
	}

	private static List<String> common(Topics topics) {
		return new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + Infrastructure.kafka().bootstrapServers(),
				"--goalpost.topics.figures=" + topics.figures(), "--goalpost.topics.alerts=" + topics.alerts()));
	}

	private static ConfigurableApplicationContext run(SpringApplicationBuilder builder, List<String> arguments) {
		return builder.run(arguments.toArray(String[]::new));
	}

}
