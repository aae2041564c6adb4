package io.goalpost.ingest.publishing;

import java.util.List;
import java.util.function.Consumer;

import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.FigureReported;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.goalpost.support.CloudEventRecords;
import org.apache.kafka.common.KafkaException;

import org.springframework.core.NestedExceptionUtils;
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
		publishAll(figures::forEach);
	}

	/**
	 * Publishes what {@code figures} hands to its sink in one transaction, as it hands them over, so that a
	 * stream of any length is never held whole. An exception thrown by {@code figures} aborts the transaction
	 * (nothing of it is ever read) and is rethrown as it is.
	 * @throws PublishingFailedException when the broker did not take the figures within the producer's time bounds
	 */
	public void publishAll(Consumer<Consumer<FigureReported>> figures) {
		try {
			template.executeInTransaction((operations) -> {
				figures.accept((figure) -> operations.send(record(figure)));
				return null;
			});
		}
		catch (KafkaException | org.springframework.kafka.KafkaException ex) {
			throw new PublishingFailedException("Kafka did not accept the figures: " + NestedExceptionUtils.getMostSpecificCause(ex), ex);
		}
	}

	private ProducerRecord<String, byte[]> record(FigureReported figure) {
		return CloudEventRecords.record(topics.figures(), figure.key(), EventCodec.write(figure),
				EventCodec.headers(figure.eventId().toString(), EventTypes.FIGURE_REPORTED, SOURCE,
						figure.key() + ":" + figure.year(), figure.reportedAt()));
	}

}
