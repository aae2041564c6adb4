package io.goalpost.ingest.publishing;

import java.util.List;
import java.util.function.Consumer;

import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.FigureReported;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.goalpost.support.CloudEventRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger log = LoggerFactory.getLogger(FigurePublisher.class);

	private final KafkaTemplate<String, byte[]> template;

	private final TopicProperties topics;

	FigurePublisher(KafkaTemplate<String, byte[]> template, TopicProperties topics) {
		this.template = template;
		this.topics = topics;
	}

	/** @throws PublishingFailedException when the broker did not take the whole batch */
	public void publish(List<FigureReported> figures) {
		publishAll(figures::forEach);
	}

	/**
	 * Publishes what {@code figures} hands to its sink in one transaction, as it hands them over, so that a
	 * stream of any length is never held whole. An exception thrown by {@code figures} aborts the transaction
	 * (nothing of it is ever read) and is rethrown as it is.
	 * @throws PublishingFailedException when the broker did not take the figures: not reachable within the producer's
	 * time bounds, or it refused the producer
	 */
	public void publishAll(Consumer<Consumer<FigureReported>> figures) {
		try {
			template.executeInTransaction((operations) -> {
				figures.accept((figure) -> operations.send(record(figure)));
				return null;
			});
		}
		catch (KafkaException | org.springframework.kafka.KafkaException ex) {
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
				// Kafka's own words ("Producer attempted to produce with an old epoch") do not say what to look at.
				log.error("Kafka refused a producer of this instance: another producer started with one of its "
						+ "transactional ids ({}<n>), or a transaction outlived transaction.timeout.ms. A second running "
						+ "instance with the same GOALPOST_INSTANCE_ID makes this happen again and again: give each its own",
						template.getProducerFactory().getTransactionIdPrefix());
			}
			throw new PublishingFailedException("Kafka did not accept the figures: " + cause, ex);
		}
	}

	private ProducerRecord<String, byte[]> record(FigureReported figure) {
		return CloudEventRecords.record(topics.figures(), figure.key(), EventCodec.write(figure),
				EventCodec.headers(figure.eventId().toString(), EventTypes.FIGURE_REPORTED, SOURCE,
						figure.key() + ":" + figure.year(), figure.reportedAt()));
	}

}
