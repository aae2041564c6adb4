package io.goalpost.metrics.alerts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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
 * Publishes queued alert changes to the alert topics in the order they were made, and removes them from the
 * outbox only once the broker acknowledged them: a pass takes a batch in a transaction that deletes it and
 * commits after the acknowledgements, so a failed send puts the batch back. A pass starts as soon as a
 * transaction that queued changes commits, on the relay's own thread so that the consumer goes on; the
 * scheduled pass picks up whatever is left. If Kafka is down, the changes wait in the outbox and go out when
 * it is back. A crash between the acknowledgement and the commit re-sends the same message with the same
 * {@code ce_id}, which a subscriber can drop; no change is ever lost.
 * <p>
 * A pass started by a commit reads the outbox from the lowest id that can still be waiting there, not from its
 * start. A deleted row stays in the index until vacuum removes it, and while any transaction older than the
 * delete is open (this relay's own, waiting for the broker; a consumer's; an {@code ANALYZE}), each scan from the
 * start walks every such row again: in the pipeline benchmark a take averaged 6–44 ms in five runs of eight,
 * against about 1 ms in the others. Ids are drawn when changes are queued, not when they commit, so a
 * transaction that commits late can queue below where the relay has got to: it says where its changes start
 * ({@link AlertsQueued}), and the next pass starts there. The scheduled pass reads from the start, for whatever
 * no commit announced here: another instance's changes left by a crash, or changes put back by its failed pass.
 */
@Component
class AlertOutboxRelay {

	static final String SOURCE = "/goalpost/metrics-service";

	private static final Logger log = LoggerFactory.getLogger(AlertOutboxRelay.class);

	// One statement a batch; rows another instance's relay holds are skipped. The ids go through an array, not
	// "id IN (SELECT …)": for that, the generic plan PostgreSQL settles on for a prepared statement can be a hash
	// join over a sequential scan of the whole outbox, dead rows and all, and did so in the pipeline benchmark
	// (takes of ~60 ms); = ANY(ARRAY(…)) can only be looked up in the index.
	private static final String TAKE = """
			DELETE FROM alert_outbox WHERE id = ANY(ARRAY(SELECT id FROM alert_outbox WHERE id >= :from ORDER BY id
			    LIMIT :limit FOR UPDATE SKIP LOCKED))
			RETURNING id, event_id, event_type, series_key, fingerprint, payload
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, byte[]> kafka;

	private final TopicProperties topics;

	private final AlertProperties properties;

	private final Clock clock;

	/** One pass after another, never two at once, so changes leave in the order they were queued. */
	private final ExecutorService passes = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("alert-relay").daemon().factory());

	private final AtomicBoolean passQueued = new AtomicBoolean();

	/** The lowest id announced since the last pass began: a commit's first change, or 0 (the start) by the schedule. */
	private final AtomicLong announced = new AtomicLong(Long.MAX_VALUE);

	/** Where the next pass reads from unless a lower id is announced, the start for the first; the relay's thread's. */
	private long next;

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
		announced.accumulateAndGet(queued.firstId(), Math::min);
		if (properties.relayAfterCommit()) {
			queuePass();
		}
	}

	@Scheduled(fixedDelayString = "${goalpost.alerts.relay-interval:1s}")
	void queuePassFromStart() {
		announced.set(0);
		queuePass();
	}

	private void queuePass() {
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

	/** One pass, on the calling thread: from the lowest id announced, or from where the last pass stopped. */
	void relay() {
		long from = Math.min(next, announced.getAndSet(Long.MAX_VALUE));
		try {
			List<Pending> published;
			do {
				long batchFrom = from;
				published = transactions.execute((status) -> publishBatch(batchFrom));
				if (!published.isEmpty()) {
					from = published.getLast().id() + 1;
				}
			}
			while (published.size() == properties.relayBatch());
			next = from;
		}
		catch (RuntimeException ex) {
			// What the failed batch took is back in the outbox, at or after its start.
			next = from;
			log.warn("Alert changes stay queued for a later pass: {}", ex.getMessage());
		}
	}

	/** @return what was published, in id order */
	private List<Pending> publishBatch(long from) {
		List<Pending> pending = new ArrayList<>(jdbc.sql(TAKE).param("from", from).param("limit", properties.relayBatch())
			.query((rs, row) -> new Pending(rs.getLong(1), new AlertRepository.Queued(rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getBytes(6))))
			.list());
		if (pending.isEmpty()) {
			return pending;
		}
		pending.sort(java.util.Comparator.comparingLong(Pending::id));
		List<CompletableFuture<?>> sends = new ArrayList<>(pending.size() * 2);
		for (Pending p : pending) {
			AlertRepository.Queued queued = p.queued();
			if (queued.seriesKey() != null) {
				sends.add(kafka.send(record(topics.alerts(), queued.seriesKey(), queued)));
			}
			sends.add(kafka.send(record(topics.alertsCurrent(), queued.fingerprint(), queued)));
		}
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not acknowledge " + pending.size() + " alert change(s)", ex);
		}
		return pending;
	}

	private ProducerRecord<String, byte[]> record(String topic, String key, AlertRepository.Queued queued) {
		if (queued.payload() == null) {
			return new ProducerRecord<>(topic, key, null);
		}
		return CloudEventRecords.record(topic, key, queued.payload(),
				EventCodec.headers(queued.eventId(), queued.eventType(), SOURCE, queued.seriesKey(), clock.instant()));
	}

	private record Pending(long id, AlertRepository.Queued queued) {
	}

}
