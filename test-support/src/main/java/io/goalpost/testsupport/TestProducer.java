package io.goalpost.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A plain producer for putting exactly the bytes a test wants on a topic, good or bad. */
public final class TestProducer implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers(),
					ProducerConfig.ACKS_CONFIG, "all"),
			new StringSerializer(), new ByteArraySerializer());

	/** Sends and waits for the broker's acknowledgement. @param headers a null value sends a header without one */
	public void send(String topic, String key, byte[] value, Map<String, String> headers) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
		headers.forEach((name, text) -> record.headers().add(name, (text != null) ? text.getBytes(StandardCharsets.UTF_8) : null));
		try {
			producer.send(record).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("The broker did not take the record", ex.getCause());
		}
	}

	@Override
	public void close() {
		producer.close();
	}

}
