package io.goalpost.testsupport;

import org.testcontainers.kafka.KafkaContainer;

final class ContainerKafka implements Infrastructure.Kafka {

	private final KafkaContainer container = new KafkaContainer(Infrastructure.KAFKA_IMAGE);

	ContainerKafka() {
		container.start();
	}

	@Override
	public String bootstrapServers() {
		return container.getBootstrapServers();
	}

}
