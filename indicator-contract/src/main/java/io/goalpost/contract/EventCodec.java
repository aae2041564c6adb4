package io.goalpost.contract;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where events become bytes and back, so producer and consumer cannot disagree.
 * Reading is strict: an unknown field means a schema this consumer does not know.
 */
public final class EventCodec {

	// Package-private for the tests that hold the hand-written figures to what Jackson writes.
	static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		// A publication's own offset (+08:00) is part of what was published: keep it.
		.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
		.addModule(IsoTimestamps.module())
		.build();

	// A reader and a writer per type, resolved once: the services read and write thousands of events a second.
	private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {

		@Override
		protected ObjectReader computeValue(Class<?> type) {
			return MAPPER.readerFor(type);
		}

	};

	private static final ClassValue<ObjectWriter> WRITERS = new ClassValue<>() {

		@Override
		protected ObjectWriter computeValue(Class<?> type) {
			return MAPPER.writerFor(type);
		}

	};

	private EventCodec() {
	}

	public static byte[] write(Object event) {
		// Figures are the event written thousands of times a second, the others a few. Alert changes, up to a tenth as
		// often, stay with Jackson: written by hand, their Chinese summaries made them no faster (docs/benchmarks.md,
		// "Event codec").
		if (event instanceof FigureReported figure) {
			return FigureJson.write(figure);
		}
		return WRITERS.get(event.getClass()).writeValueAsBytes(event);
	}

	/** @throws MalformedEventException when the bytes are not a valid event of that type */
	public static <T> T read(byte[] data, Class<T> type) {
		if (type == FigureReported.class) {
			FigureReported figure = FigureJson.read(data);
			if (figure != null) {
				return type.cast(figure);
			}
		}
		try {
			return READERS.get(type).readValue(data);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("Not a valid " + type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/** The CloudEvents attributes of an event, as Kafka header names and values (binary content mode). */
	public static Map<String, String> headers(String id, String type, String source, String subject, Instant time) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(EventTypes.HEADER_SPEC_VERSION, EventTypes.SPEC_VERSION);
		headers.put(EventTypes.HEADER_ID, id);
		headers.put(EventTypes.HEADER_SOURCE, source);
		headers.put(EventTypes.HEADER_SUBJECT, subject);
		StringBuilder ceTime = new StringBuilder(30);
		IsoTimestamps.instant(ceTime, time);
		headers.put(EventTypes.HEADER_TIME, ceTime.toString());
		headers.put(EventTypes.HEADER_CONTENT_TYPE, EventTypes.JSON);
		// Last: a consumer reads the type first, and Kafka's lastHeader decodes every key from the end to it.
		headers.put(EventTypes.HEADER_TYPE, type);
		return headers;
	}

	/** Thrown for bytes that can never become the event: such a record belongs on a dead-letter topic. */
	public static final class MalformedEventException extends RuntimeException {

		MalformedEventException(String message, Throwable cause) {
			super(message, cause);
		}

	}


}
