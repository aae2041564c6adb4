package io.goalpost.testsupport;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

final class EmbeddedKafka implements Infrastructure.Kafka {

	private final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);

	EmbeddedKafka() {
		// One broker: internal topics must make do with one replica, as in the Kafka container.
		broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1",
				"auto.create.topics.enable", "true", "num.partitions", "3"));
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
	}

	@Override
	public String bootstrapServers() {
		return broker.getBrokersAsString();
	}

}
