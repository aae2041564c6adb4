package io.goalpost.testsupport;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureTests {

	/**
	 * A produce refused because a new partition's leader is not ready yet shows as a retry. Waiting for a leader in
	 * the topic's description left one in 4 rounds of 150; a race this rare needs the rounds to show.
	 */
	@Test
	void aCreatedTopicTakesRecordsAtOnce() {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
				Infrastructure.kafka().bootstrapServers(), "acks", "all", "linger.ms", 0), new StringSerializer(),
				new ByteArraySerializer())) {
			for (int round = 0; round < 100; round++) {
				String topic = Infrastructure.uniqueName("created");
				Infrastructure.createTopics(6, topic);
				for (int partition = 0; partition < 6; partition++) {
					producer.send(new ProducerRecord<>(topic, partition, "key", new byte[100]));
				}
				producer.flush();
			}
			assertThat(retries(producer)).as("produce requests retried").isZero();
			assertThat(sent(producer)).isEqualTo(600);
		}
	}

	private static double retries(KafkaProducer<?, ?> producer) {
		return producerMetric(producer, "record-retry-total");
	}

	private static double sent(KafkaProducer<?, ?> producer) {
		return producerMetric(producer, "record-send-total");
	}

	private static double producerMetric(KafkaProducer<?, ?> producer, String name) {
		return producer.metrics()
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().name().equals(name) && e.getKey().group().equals("producer-metrics"))
			.mapToDouble((e) -> ((Number) e.getValue().metricValue()).doubleValue())
			.sum();
	}

}
