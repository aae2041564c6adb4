package io.goalpost.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.utils.Exit;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

final class EmbeddedKafka implements Infrastructure.Kafka {

	private final EmbeddedKafkaKraftBroker broker;

	EmbeddedKafka() {
		// Kafka's test kit deletes its directories in shutdown hooks of its own, which the JVM runs alongside the
		// one stopping the broker: the broker then fails to write into directories being deleted, and logs pages
		// of stack traces. Those deletions run after the broker has stopped instead.
		List<Runnable> deletions = new CopyOnWriteArrayList<>();
		Exit.setShutdownHookAdder((name, hook) -> deletions.add(hook));
		try {
			broker = new EmbeddedKafkaKraftBroker(1, 3);
			// One broker: internal topics must make do with one replica, as in the Kafka container.
			broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
					"transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1",
					"auto.create.topics.enable", "true", "num.partitions", "3"));
			broker.afterPropertiesSet();
		}
		finally {
			Exit.resetShutdownHookAdder();
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			broker.destroy();
			deletions.forEach(Runnable::run);
		}, "embedded-kafka-stop"));
	}

	@Override
	public String bootstrapServers() {
		return broker.getBrokersAsString();
	}

}
