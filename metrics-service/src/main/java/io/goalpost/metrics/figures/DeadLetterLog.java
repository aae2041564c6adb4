package io.goalpost.metrics.figures;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import io.goalpost.contract.EventTypes;
import io.goalpost.support.CloudEventRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps what went to the dead-letter topic, counts it, and counts the retries of records that failed for
 * a passing reason, so both show on {@code /actuator/prometheus} and {@code GET /api/v1/dead-letters}.
 */
@Component
class DeadLetterLog {

	private static final String INSERT = """
			INSERT INTO dead_letter (source_topic, source_partition, source_offset, message_key, event_id, reason,
			    exception, payload)
			VALUES (:topic, :partition, :offset, :key, :eventId, :reason, :exception, :payload)
			ON CONFLICT (source_topic, source_partition, source_offset) DO NOTHING
			""";

	private static final String RECENT = """
			SELECT id, source_topic, source_partition, source_offset, message_key, event_id, reason, exception,
			    substring(payload FROM 1 FOR 4096) AS payload, received_at
			FROM dead_letter ORDER BY id DESC LIMIT :limit OFFSET :offset
			""";

	private final JdbcClient jdbc;

	private final Counter deadLettered;

	private final Counter retries;

	DeadLetterLog(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.deadLettered = Counter.builder("goalpost.figures.dead.lettered")
			.description("Figure records sent to the dead-letter topic, each once")
			.register(meters);
		this.retries = Counter.builder("goalpost.figures.failed.attempts")
			.description("Failed attempts at applying a figure record, retried or dead-lettered")
			.register(meters);
	}

	/**
	 * Idempotent: a record dead-lettered twice (the publish was retried, or its partition moved to another consumer
	 * before the offset past it was committed) is kept and counted once.
	 */
	void record(ConsumerRecord<?, byte[]> record, Exception ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		int kept = jdbc.sql(INSERT)
			.param("topic", record.topic())
			.param("partition", record.partition())
			.param("offset", record.offset())
			.param("key", (record.key() != null) ? record.key().toString() : null)
			.param("eventId", CloudEventRecords.header(record, EventTypes.HEADER_ID))
			.param("reason", String.valueOf(cause.getMessage()))
			.param("exception", cause.getClass().getName())
			.param("payload", record.value())
			.update();
		if (kept > 0) {
			deadLettered.increment();
		}
	}

	void retried() {
		retries.increment();
	}

	List<DeadLetter> recent(int offset, int limit) {
		return jdbc.sql(RECENT)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new DeadLetter(rs.getLong("id"), rs.getString("source_topic"),
					rs.getInt("source_partition"), rs.getLong("source_offset"), rs.getString("message_key"),
					rs.getString("event_id"), rs.getString("reason"), rs.getString("exception"),
					(rs.getBytes("payload") != null) ? new String(rs.getBytes("payload"), StandardCharsets.UTF_8) : null,
					rs.getObject("received_at", OffsetDateTime.class)))
			.list();
	}

	/** A record that went to the dead-letter topic; the payload is its first 4 KiB read as UTF-8. */
	record DeadLetter(long id, String sourceTopic, int sourcePartition, long sourceOffset, String messageKey,
			String eventId, String reason, String exception, String payload, OffsetDateTime receivedAt) {
	}

}
