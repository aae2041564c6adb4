package io.goalpost.metrics.alerts;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.goalpost.contract.EventCodec;
import io.goalpost.metrics.TopicProperties;
import io.goalpost.support.CloudEventRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes queued alert changes to the alert topics in the order they were made, and marks them published
 * only once the broker acknowledged them. A pass starts as soon as a transaction that queued changes commits,
 * on the relay's own thread so that the consumer goes on; the scheduled pass picks up whatever is left. If
 * Kafka is down, the changes wait in the outbox and go out when it is back. A crash between the acknowledgement and the mark re-sends the same message with the same
 * {@code ce_id}, which a subscriber can drop; no change is ever lost.
 */
@Component
class AlertOutboxRelay {

	static final String SOURCE = "/goalpost/metrics-service";

	private static final Logger log = LoggerFactory.getLogger(AlertOutboxRelay.class);

	private static final String PENDING = """
			SELECT id, topic, event_id, event_type, message_key, payload, created_at FROM alert_outbox
			WHERE published_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
			""";

	private static final String MARK_PUBLISHED = "UPDATE alert_outbox SET published_at = now() WHERE id IN (:ids)";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, byte[]> kafka;

	private final TopicProperties topics;

	private final AlertProperties properties;

	private final Clock clock;

	/** One pass after another, never two at once, so changes leave in the order they were queued. */
	private final ExecutorService passes = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("alert-relay").daemon().factory());

	private final AtomicBoolean passQueued = new AtomicBoolean();

	AlertOutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, byte[]> kafka,
			TopicProperties topics, AlertProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.topics = topics;
		this.properties = properties;
		this.clock = clock;
	}

	@TransactionalEventListener
	void afterCommit(AlertsQueued queued) {
		if (properties.relayAfterCommit()) {
			queuePass();
		}
	}

	@Scheduled(fixedDelayString = "${goalpost.alerts.relay-interval:1s}")
	void queuePass() {
		// At most one pass waits: while a pass is stuck on an unreachable broker, wake-ups do not pile up.
		if (passQueued.compareAndSet(false, true)) {
			passes.execute(() -> {
				passQueued.set(false);
				relay();
			});
		}
	}

	@PreDestroy
	void stop() {
		passes.shutdown();
	}

	void relay() {
		try {
			Integer published;
			do {
				published = transactions.execute((status) -> publishBatch());
			}
			while (published != null && published == properties.relayBatch());
		}
		catch (RuntimeException ex) {
			log.warn("Alert changes stay queued until Kafka takes them: {}", ex.getMessage());
		}
	}

	private int publishBatch() {
		List<Pending> pending = jdbc.sql(PENDING).param("limit", properties.relayBatch()).query(Pending.class).list();
		if (pending.isEmpty()) {
			return 0;
		}
		CompletableFuture<?>[] sends = pending.stream().map((p) -> kafka.send(record(p))).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(sends).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not acknowledge " + pending.size() + " alert change(s)", ex);
		}
		jdbc.sql(MARK_PUBLISHED).param("ids", pending.stream().map(Pending::id).toList()).update();
		return pending.size();
	}

	private ProducerRecord<String, byte[]> record(Pending pending) {
		String topic = AlertRepository.Queued.CURRENT.equals(pending.topic()) ? topics.alertsCurrent() : topics.alerts();
		if (pending.payload() == null) {
			return new ProducerRecord<>(topic, pending.messageKey(), null);
		}
		return CloudEventRecords.record(topic, pending.messageKey(), pending.payload(),
				EventCodec.headers(pending.eventId(), pending.eventType(), SOURCE, pending.messageKey(), clock.instant()));
	}

	/** A queued message; a tombstone (for the compacted topic) has no payload and no type. */
	record Pending(long id, String topic, String eventId, String eventType, String messageKey, byte[] payload,
			java.time.OffsetDateTime createdAt) {
	}

}
