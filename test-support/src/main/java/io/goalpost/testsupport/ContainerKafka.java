package io.goalpost.testsupport;

import org.testcontainers.kafka.KafkaContainer;

final class ContainerKafka implements Infrastructure.Kafka {

	static final String IMAGE = "apache/kafka:4.2.0";

	private final KafkaContainer container = new KafkaContainer(IMAGE);

	ContainerKafka() {
		container.start();
	}

	@Override
	public String bootstrapServers() {
		return container.getBootstrapServers();
	}

}
