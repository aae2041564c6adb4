package io.goalpost.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain Kafka consumer, as any subscriber would use, reading a topic from its beginning with
 * {@code read_committed}. Call {@link #records()} inside Awaitility to see what has arrived so far.
 */
public final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

	private TopicReader(String bootstrapServers, String topic) {
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
				new StringDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(List.of(topic));
	}

	public static TopicReader of(String topic) {
		return new TopicReader(Infrastructure.kafka().bootstrapServers(), topic);
	}

	/** Everything received so far, after polling for more until a short poll brings nothing. */
	public synchronized List<ConsumerRecord<String, byte[]>> records() {
		ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
		while (!batch.isEmpty()) {
			batch.forEach(received::add);
			batch = consumer.poll(Duration.ofMillis(20));
		}
		return List.copyOf(received);
	}

	@Override
	public synchronized void close() {
		consumer.close(Duration.ofSeconds(2));
	}

}
