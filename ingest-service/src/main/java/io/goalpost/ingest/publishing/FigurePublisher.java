package io.goalpost.ingest.publishing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.FigureReported;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes figures as CloudEvents (binary mode) in one Kafka transaction per request: a consumer reading
 * committed records sees all of a request's figures or none.
 */
@Component
public class FigurePublisher {

	static final String SOURCE = "/goalpost/ingest-service";

	private final KafkaTemplate<String, byte[]> template;

	private final TopicProperties topics;

	FigurePublisher(KafkaTemplate<String, byte[]> template, TopicProperties topics) {
		this.template = template;
		this.topics = topics;
	}

	/** @throws PublishingFailedException when the broker did not take the whole batch within the producer's time bounds */
	public void publish(List<FigureReported> figures) {
		try {
			template.executeInTransaction((operations) -> {
				figures.forEach((figure) -> operations.send(record(figure)));
				return null;
			});
		}
		catch (KafkaException | org.springframework.kafka.KafkaException ex) {
			throw new PublishingFailedException("Kafka did not accept the figures: " + rootMessage(ex), ex);
		}
	}

	private ProducerRecord<String, byte[]> record(FigureReported figure) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.figures(), figure.key(), EventCodec.write(figure));
		EventCodec.headers(figure.eventId().toString(), EventTypes.FIGURE_REPORTED, SOURCE,
				figure.key() + ":" + figure.year(), figure.reportedAt())
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + root.getMessage() : "");
	}

}
