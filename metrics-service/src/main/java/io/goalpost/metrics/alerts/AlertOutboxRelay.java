package io.goalpost.metrics.alerts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
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

import org.springframework.core.NestedExceptionUtils;
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
 * The order holds with any number of instances. Passes take turns across all of them ({@link #RELAYING}, held
 * until the pass commits), and read from one cursor, {@code alert_relay.next_id}, moved in the pass's own
 * transaction, so a failed pass leaves it where it was. A pass reads only up to a horizon below which no
 * transaction can still be queueing: ids are drawn when changes are queued, not when they commit, so a
 * transaction that commits late would otherwise leave its changes behind a cursor already past them, to go out
 * after a later change of the same series. Queueing holds {@link #QUEUEING} shared until the transaction ends;
 * the horizon is read while holding it exclusively, which waits for those transactions to commit (queueing is
 * the last thing each does) and holds new ones back for that moment only. The cursor also keeps a pass from
 * walking the deleted rows at the start of the table that vacuum has not removed yet: in the pipeline benchmark
 * such scans made takes of 6–44 ms.
 */
@Component
class AlertOutboxRelay {

	static final String SOURCE = "/goalpost/metrics-service";

	/** The advisory lock that queueing holds shared and the horizon exclusive (PostgreSQL's, one key space a database). */
	private static final long QUEUEING = 0x676f616c_706f7374L;

	/** The advisory lock that a pass holds, so that passes take turns across instances. */
	private static final long RELAYING = QUEUEING + 1;

	private static final Logger log = LoggerFactory.getLogger(AlertOutboxRelay.class);

	// Every id drawn so far; queueing holds QUEUEING shared while it draws and until it commits, and the sequence
	// hands out no ids drawn ahead into a session's cache (V8).
	private static final String HORIZON = """
			SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM alert_outbox_id_seq
			""";

	// One statement a batch. The ids go through an array, not "id IN (SELECT …)": for that, the generic plan
	// PostgreSQL settles on for a prepared statement can be a hash join over a sequential scan of the whole
	// outbox, dead rows and all, and did so in the pipeline benchmark (takes of ~60 ms). Either form scans the
	// table whole under a plan made while it was nearly empty, hence PLANNED_AS_IT_IS.
	private static final String TAKE = """
			DELETE FROM alert_outbox WHERE id = ANY(ARRAY(SELECT id FROM alert_outbox WHERE id BETWEEN :from AND :to
			    ORDER BY id LIMIT :limit))
			RETURNING id, event_id, event_type, series_key, fingerprint, payload
			""";

	// The outbox swings between empty and thousands of pages of deleted rows between two vacuums. A prepared
	// statement's generic plan, made while it was nearly empty, scans it whole for as long as the connection
	// keeps the plan: takes of 3.7 and 4.8 ms on average instead of 0.3 (pipeline benchmark, runs 341 and 342).
	// Planned afresh at each take, for the table as it is, the take looks its rows up in the index.
	private static final String PLANNED_AS_IT_IS = "SET LOCAL plan_cache_mode = force_custom_plan";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, byte[]> kafka;

	private final TopicProperties topics;

	private final AlertProperties properties;

	private final Clock clock;

	/** One pass after another on this instance; {@link #RELAYING} keeps instances' passes apart. */
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

	/** One pass, on the calling thread: everything queued up to the horizon, in batches. */
	void relay() {
		try {
			long horizon = transactions.execute((status) -> {
				lock(jdbc, "pg_advisory_xact_lock", QUEUEING);
				return jdbc.sql(HORIZON).query(Long.class).single();
			});
			int published;
			do {
				published = transactions.execute((status) -> publishBatch(horizon));
			}
			while (published == properties.relayBatch());
		}
		catch (RuntimeException ex) {
			// What the failed batch took is back in the outbox, and the cursor before it.
			log.warn("Alert changes stay queued for a later pass: {}", ex.getMessage());
		}
	}

	/** @return how many changes were published */
	private int publishBatch(long horizon) {
		lock(jdbc, "pg_advisory_xact_lock", RELAYING);
		long from = jdbc.sql("SELECT next_id FROM alert_relay").query(Long.class).single();
		if (from > horizon) {
			return 0;
		}
		jdbc.sql(PLANNED_AS_IT_IS).update();
		List<Pending> pending = new ArrayList<>(jdbc.sql(TAKE).param("from", from).param("to", horizon)
			.param("limit", properties.relayBatch())
			.query((rs, row) -> new Pending(rs.getLong(1), new AlertRepository.Queued(rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getBytes(6))))
			.list());
		pending.sort(Comparator.comparingLong(Pending::id));
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
			throw new IllegalStateException("Kafka did not acknowledge " + pending.size() + " alert change(s): "
					+ NestedExceptionUtils.getMostSpecificCause(ex), ex);
		}
		// A full batch may have left some below the horizon; otherwise everything up to it is out, gaps and all.
		long next = (pending.size() == properties.relayBatch()) ? pending.getLast().id() + 1 : horizon + 1;
		if (next != from) {
			jdbc.sql("UPDATE alert_relay SET next_id = ?").param(next).update();
		}
		return pending.size();
	}

	/**
	 * Holds the queueing lock shared until the current transaction ends; called before drawing outbox ids, so the
	 * caller must do nothing after it that could wait on another transaction: the horizon waits for it.
	 */
	static void holdQueueing(JdbcClient jdbc) {
		lock(jdbc, "pg_advisory_xact_lock_shared", QUEUEING);
	}

	/** Waits for an advisory lock with one of PostgreSQL's transaction-scoped functions; held until the transaction ends. */
	private static void lock(JdbcClient jdbc, String function, long key) {
		jdbc.sql("SELECT " + function + "(?)").param(key).query((rs, row) -> 1).list();
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
