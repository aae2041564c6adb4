package io.goalpost.metrics.figures;

import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Topics;
import io.goalpost.metrics.series.SeriesUpdater;
import io.goalpost.support.CloudEventRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code FigureReported} events. A record that can never be applied (not the event, an unknown
 * type or version, an invalid value) is rejected as {@link UnusableFigureException} and goes to the
 * dead-letter topic; anything else that fails is retried in place, so a series keeps its order.
 */
@Component
class FigureListener {

	private final SeriesUpdater updater;

	private final FigureCheck check;

	FigureListener(SeriesUpdater updater, FigureCheck check) {
		this.updater = updater;
		this.check = check;
	}

	@KafkaListener(id = "figures", idIsGroup = false, topics = "${goalpost.topics.figures:" + Topics.FIGURES + "}",
			concurrency = "${goalpost.consumer.concurrency:3}")
	void on(ConsumerRecord<String, byte[]> record) {
		String type = CloudEventRecords.header(record, EventTypes.HEADER_TYPE);
		if (type != null && !EventTypes.FIGURE_REPORTED.equals(type)) {
			throw new UnusableFigureException("Unknown event type or version '" + type + "'");
		}
		if (record.value() == null) {
			throw new UnusableFigureException("The record has no value");
		}
		FigureReported figure;
		try {
			figure = EventCodec.read(record.value(), FigureReported.class);
		}
		catch (EventCodec.MalformedEventException ex) {
			throw new UnusableFigureException(ex.getMessage(), ex);
		}
		check.validate(figure);
		updater.apply(figure, record.partition(), record.offset());
	}

}
