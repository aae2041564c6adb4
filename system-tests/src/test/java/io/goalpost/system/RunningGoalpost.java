package io.goalpost.system;

import java.util.ArrayList;
import java.util.List;

import io.goalpost.ingest.IngestApplication;
import io.goalpost.metrics.MetricsApplication;
import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Both services started as they run in production, on random ports, against the test broker and a
 * database of their own, with topics of their own.
 */
final class RunningGoalpost implements AutoCloseable {

	private final String suffix = "sys" + System.nanoTime();

	private final ConfigurableApplicationContext metrics;

	private final ConfigurableApplicationContext ingest;

	RunningGoalpost() {
		Infrastructure.Database database = Infrastructure.postgres().newDatabase();
		List<String> common = List.of("--server.port=0", "--spring.kafka.bootstrap-servers=" + Infrastructure.kafka().bootstrapServers(),
				"--goalpost.topics.figures=" + figuresTopic(), "--goalpost.topics.alerts=" + alertsTopic());
		metrics = start(MetricsApplication.builder(), common, "--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--goalpost.consumer.concurrency=2");
		ingest = start(IngestApplication.builder(), common, "--goalpost.security.api-keys=" + ServiceClient.TEST_API_KEY);
	}

	private static ConfigurableApplicationContext start(SpringApplicationBuilder builder, List<String> common, String... args) {
		List<String> all = new ArrayList<>(common);
		all.addAll(List.of(args));
		return builder.run(all.toArray(String[]::new));
	}

	String figuresTopic() {
		return "indicator-figures-" + suffix;
	}

	String alertsTopic() {
		return "indicator-alerts-" + suffix;
	}

	ServiceClient ingest() {
		return ServiceClient.onPort(port(ingest));
	}

	ServiceClient metrics() {
		return ServiceClient.onPort(port(metrics));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	@Override
	public void close() {
		ingest.close();
		metrics.close();
	}

}
