package io.goalpost.system;

import java.util.Map;
import java.util.Set;

import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Both services started as they run in production, on random ports, against the test broker and a
 * database of their own, with topics of their own.
 */
final class RunningGoalpost implements AutoCloseable {

	private final Services.Topics topics = Services.Topics.fresh();

	private final ConfigurableApplicationContext metrics;

	private final ConfigurableApplicationContext ingest;

	RunningGoalpost() {
		metrics = Services.metrics(topics, Infrastructure.postgres().newDatabase(), "goalpost-metrics");
		ingest = Services.ingest(topics);
	}

	String alertsTopic() {
		return topics.alerts();
	}

	ServiceClient ingest() {
		return ServiceClient.onPort(Services.port(ingest));
	}

	ServiceClient metrics() {
		return ServiceClient.onPort(Services.port(metrics));
	}

	/** What each service serves under /api/: method and path pattern, as its own handler mapping has them. */
	Map<String, Set<String>> apiOperations() {
		return Map.of("ingest", Services.apiOperations(ingest), "metrics", Services.apiOperations(metrics));
	}

	@Override
	public void close() {
		ingest.close();
		metrics.close();
	}

}
