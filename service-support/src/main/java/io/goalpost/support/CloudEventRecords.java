package io.goalpost.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** CloudEvents in the Kafka binding's binary mode: the data as the value, the attributes as UTF-8 headers. */
public final class CloudEventRecords {

	private CloudEventRecords() {
	}

	/** @param attributes header names and values, as {@link io.goalpost.contract.EventCodec#headers} makes them */
	public static ProducerRecord<String, byte[]> record(String topic, String key, byte[] data, Map<String, String> attributes) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, data);
		attributes.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	/** The last value of a header, or null where there is none or it has no value. */
	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
