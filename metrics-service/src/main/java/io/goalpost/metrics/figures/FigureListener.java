package io.goalpost.metrics.figures;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Topics;
import io.goalpost.metrics.ConsumerProperties;
import io.goalpost.metrics.series.Received;
import io.goalpost.metrics.series.SeriesUpdater;
import io.goalpost.metrics.series.StaleSeriesException;
import io.goalpost.support.CloudEventRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code FigureReported} events a poll at a time, applying each batch in one transaction. A record
 * that can never be applied (not the event, an unknown type or version, an invalid value) is reported by its
 * index: the records before it are applied and committed, it goes to the dead-letter topic, and the ones
 * after it come again. Anything else that fails retries the whole batch in place, so a series keeps its order.
 */
@Component
class FigureListener {

	private static final int STALE_ATTEMPTS = 3;

	// Every record's type is checked: as bytes, not decoded into a string a record.
	private static final byte[] FIGURE_REPORTED = EventTypes.FIGURE_REPORTED.getBytes(StandardCharsets.UTF_8);

	private final SeriesUpdater updater;

	private final FigureCheck check;

	FigureListener(SeriesUpdater updater, FigureCheck check) {
		this.updater = updater;
		this.check = check;
	}

	@KafkaListener(id = "figures", idIsGroup = false, topics = "${goalpost.topics.figures:" + Topics.FIGURES + "}",
			concurrency = "${goalpost.consumer.concurrency:" + ConsumerProperties.CONCURRENCY + "}", batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		List<Received> usable = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			ConsumerRecord<String, byte[]> record = records.get(i);
			try {
				usable.add(new Received(read(record), record.partition(), record.offset()));
			}
			catch (UnusableFigureException ex) {
				apply(usable, records);
				throw new BatchListenerFailedException(ex.getMessage(), ex, i);
			}
		}
		apply(usable, records);
	}

	/** Applies the batch; if the database refuses a row for good, finds which record it was. */
	private void apply(List<Received> usable, List<ConsumerRecord<String, byte[]>> records) {
		try {
			applyCurrent(usable);
		}
		catch (DataIntegrityViolationException batchRefused) {
			for (Received one : usable) {
				try {
					applyCurrent(List.of(one));
				}
				catch (DataIntegrityViolationException ex) {
					throw new BatchListenerFailedException(ex.getMessage(), ex, indexOf(one, records));
				}
			}
		}
	}

	/**
	 * Applies figures, again at once if a series held in memory turned out to have changed meanwhile: the next
	 * attempt reads it as stored. Only a writer that keeps getting in between reaches the error handler.
	 */
	private void applyCurrent(List<Received> figures) {
		for (int attempt = 1;; attempt++) {
			try {
				updater.applyAll(figures);
				return;
			}
			catch (StaleSeriesException ex) {
				if (attempt == STALE_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private static int indexOf(Received received, List<ConsumerRecord<String, byte[]>> records) {
		for (int i = 0; i < records.size(); i++) {
			if (records.get(i).partition() == received.partition() && records.get(i).offset() == received.offset()) {
				return i;
			}
		}
		throw new IllegalStateException("Record " + received.partition() + "@" + received.offset() + " is not in the batch");
	}

	private FigureReported read(ConsumerRecord<String, byte[]> record) {
		Header type = record.headers().lastHeader(EventTypes.HEADER_TYPE);
		if (type != null && !Arrays.equals(type.value(), FIGURE_REPORTED)) {
			String named = CloudEventRecords.header(record, EventTypes.HEADER_TYPE);
			throw new UnusableFigureException((named != null) ? "Unknown event type or version '" + named + "'"
					: "The event type header (" + EventTypes.HEADER_TYPE + ") has no value");
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
		return figure;
	}

}
