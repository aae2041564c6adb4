package io.goalpost.metrics.alerts;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertKind;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.EventTypes;
import io.goalpost.metrics.TopicProperties;
import io.goalpost.metrics.alerts.AlertRepository.Queued;
import io.goalpost.metrics.evaluation.Target;
import io.goalpost.metrics.series.SeriesKey;
import io.goalpost.support.CloudEventRecords;
import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An alert that changes state while Kafka is unreachable waits in the outbox and is published, once, when
 * Kafka is back. Alert changes leave in the order they were queued, whichever instance's relay publishes them:
 * a transaction that commits late is not overtaken by one that queued after it, and relays of several
 * instances, one of them failing every send, keep each series' changes in order. The context's relay is slowed
 * to an hour and not started by commits; the tests build relays of their own, one per instance, and drive them.
 * Every test reads the class's topics from the start, so each looks at its own keys. While changes wait, the
 * backlog metrics count them and age the oldest. A relay's connection finds the changes it takes in the outbox's
 * index, though it first took from the outbox while it was nearly empty.
 */
@SpringBootTest(properties = { "spring.config.name=metrics", "goalpost.alerts.relay-interval=1h",
		"goalpost.alerts.relay-after-commit=false" })
class AlertOutboxIntegrationTests {

	@Autowired
	AlertKeeper keeper;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TopicProperties topics;

	@Autowired
	AlertProperties properties;

	@Autowired
	AlertRepository alerts;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DataSource dataSource;

	/** The writers', relays' and held transactions' threads: the common pool may have one thread on two cores. */
	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Test
	void publishesAChangeMadeWhileKafkaWasDownOnceItIsBack() {
		SeriesKey series = new SeriesKey("chongqing", "tech_smes", 2024);
		transactions.executeWithoutResult((status) -> TargetMisses.reconcile(keeper, series,
				new Target(io.goalpost.contract.Comparator.GT, new BigDecimal("50000")), "47000", true));

		KafkaTemplate<String, byte[]> unreachable = unreachable(1000);
		relay(unreachable, properties.relayBatch()).relay();
		assertThat(pending()).as("the change, once for both topics").isEqualTo(1);

		try (TopicReader alerts = TopicReader.of(topics.alerts()); TopicReader current = TopicReader.of(topics.alertsCurrent())) {
			String fingerprint = AlertChanged.fingerprintOf(AlertKind.TARGET_MISSED, "chongqing", "tech_smes", 2024);
			AlertOutboxRelay restored = relay(kafka, properties.relayBatch());
			restored.relay();
			assertThat(pending()).isZero();
			await().atMost(THROUGH_KAFKA).until(() -> ofKey(alerts, series.asKey()).size() == 1
					&& ofKey(current, fingerprint).size() == 1);
			restored.relay();
			assertThat(ofKey(alerts, series.asKey())).singleElement().satisfies((record) -> assertThat(
					CloudEventRecords.header(record, EventTypes.HEADER_TYPE)).isEqualTo(EventTypes.ALERT_FIRED));
			assertThat(ofKey(current, fingerprint)).hasSize(1);
		}
		finally {
			unreachable.getProducerFactory().reset();
		}
		assertThat(jdbc.sql("SELECT state FROM alert").query(String.class).single()).isEqualTo(AlertState.FIRING.name());
	}

	@Test
	void theBacklogMetricsShowWhatWaitsAndForHowLongUntilItIsPublished() {
		assertThat(gauge("goalpost.alerts.queued")).isZero();
		assertThat(gauge("goalpost.alerts.queued.oldest.age")).isZero();
		transactions.executeWithoutResult((status) -> alerts.enqueue(List.of(change("waits-1", "gansu:tech_smes:2024"),
				change("waits-2", "gansu:tech_smes:2025"))));
		KafkaTemplate<String, byte[]> unreachable = unreachable(100);
		try {
			relay(unreachable, properties.relayBatch()).relay();
		}
		finally {
			unreachable.getProducerFactory().reset();
		}
		assertThat(gauge("goalpost.alerts.queued")).isEqualTo(2);
		double waited = gauge("goalpost.alerts.queued.oldest.age");
		assertThat(waited).isPositive().isLessThan(60);
		await().atMost(Duration.ofSeconds(5)).until(() -> gauge("goalpost.alerts.queued.oldest.age") > waited);

		relay(kafka, properties.relayBatch()).relay();
		assertThat(gauge("goalpost.alerts.queued")).isZero();
		assertThat(gauge("goalpost.alerts.queued.oldest.age")).isZero();
	}

	@Test
	void aChangeQueuedFirstGoesOutFirstThoughItsTransactionCommitsLast() throws Exception {
		CountDownLatch queued = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		try (TopicReader changes = TopicReader.of(topics.alerts())) {
			CompletableFuture<Void> queuedFirst = CompletableFuture.runAsync(() -> transactions.executeWithoutResult((status) -> {
				alerts.enqueue(List.of(change("late-commit", "sichuan:tech_smes:2024")));
				queued.countDown();
				hold(commit);
			}), threads);
			assertThat(queued.await(30, TimeUnit.SECONDS)).isTrue();
			transactions.executeWithoutResult((status) -> alerts.enqueue(List.of(change("early-commit", "sichuan:tech_smes:2024"))));

			CompletableFuture<Void> pass = CompletableFuture.runAsync(relay(kafka, properties.relayBatch())::relay, threads);
			await().atMost(Duration.ofSeconds(30)).until(this::relayWaitsForALock);
			assertThat(pass).as("the pass waits for the transaction still queueing").isNotDone();

			commit.countDown();
			queuedFirst.get(30, TimeUnit.SECONDS);
			pass.get(30, TimeUnit.SECONDS);
			await().atMost(THROUGH_KAFKA).until(() -> ofKey(changes, "sichuan:tech_smes:2024").size() == 2);
			assertThat(ofKey(changes, "sichuan:tech_smes:2024")).map((r) -> CloudEventRecords.header(r, EventTypes.HEADER_ID))
				.containsExactly("late-commit", "early-commit");
		}
		finally {
			commit.countDown();
		}
	}

	@Test
	void relaysOfThreeInstancesKeepEachSeriesInOrderWhileOneOfThemFails() throws Exception {
		KafkaTemplate<String, byte[]> unreachable = unreachable(100);
		List<AlertOutboxRelay> relays = List.of(relay(kafka, 7), relay(kafka, 7), relay(unreachable, 7));
		// Each writer queues the changes of its own series, as a consumer does those of its partitions.
		Map<String, List<String>> queuedBySeries = new LinkedHashMap<>();
		AtomicInteger passesWhileWriting = new AtomicInteger();
		List<CompletableFuture<Void>> writers = new ArrayList<>();
		for (int w = 0; w < 3; w++) {
			int writer = w;
			List<String> series = List.of("r" + w + ":tech_smes:2024", "r" + w + ":tech_smes:2025");
			series.forEach((key) -> queuedBySeries.put(key, new ArrayList<>()));
			writers.add(CompletableFuture.runAsync(() -> {
				for (int tx = 0; tx < 40; tx++) {
					List<Queued> batch = new ArrayList<>();
					for (int i = 0; i < 3; i++) {
						String key = series.get((tx + i) % 2);
						batch.add(change("w" + writer + "-" + tx + "-" + i, key));
					}
					transactions.executeWithoutResult((status) -> alerts.enqueue(batch));
					synchronized (queuedBySeries) {
						batch.forEach((q) -> queuedBySeries.get(q.seriesKey()).add(q.eventId()));
					}
					if (tx % 10 == 9) {
						// Every ten transactions, a pass goes between them and the next.
						int passes = passesWhileWriting.get();
						await().atMost(Duration.ofSeconds(30)).until(() -> passesWhileWriting.get() > passes);
					}
				}
			}, threads));
		}
		AtomicBoolean writing = new AtomicBoolean(true);
		try (TopicReader changes = TopicReader.of(topics.alerts())) {
			List<CompletableFuture<Void>> passes = relays.stream().map((relay) -> CompletableFuture.runAsync(() -> {
				while (writing.get()) {
					relay.relay();
					passesWhileWriting.incrementAndGet();
				}
			}, threads)).toList();
			CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			writing.set(false);
			CompletableFuture.allOf(passes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			relays.getFirst().relay();

			assertThat(passesWhileWriting).as("passes beside the writers").hasValueGreaterThanOrEqualTo(4);
			assertThat(pending()).isZero();
			await().atMost(THROUGH_KAFKA).until(() -> ofWriters(changes, queuedBySeries).size() == 360);
			Map<String, List<String>> publishedBySeries = new LinkedHashMap<>();
			ofWriters(changes, queuedBySeries).forEach((r) -> publishedBySeries
				.computeIfAbsent(r.key(), (k) -> new ArrayList<>())
				.add(CloudEventRecords.header(r, EventTypes.HEADER_ID)));
			assertThat(publishedBySeries).hasSize(6).isEqualTo(queuedBySeries);
		}
		finally {
			unreachable.getProducerFactory().reset();
		}
	}

	@Test
	void aTakeFindsItsChangesInTheIndexThoughTheOutboxWasNearlyEmptyWhenItsConnectionFirstTookFromIt() throws SQLException {
		// Autovacuum would make the connection plan the take again midway, as it does under load once a minute.
		jdbc.sql("ALTER TABLE alert_outbox SET (autovacuum_enabled = false)").update();
		try (Connection connection = dataSource.getConnection()) {
			// One connection, as a pooled one that relays for hours, so that it keeps what it planned.
			SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
			JdbcClient onOne = JdbcClient.create(one);
			TransactionTemplate transactionsOnOne = new TransactionTemplate(new JdbcTransactionManager(one));
			AlertOutboxRelay relay = relay(onOne, transactionsOnOne, kafka, properties.relayBatch());
			relay.relay();
			jdbc.sql("VACUUM ANALYZE alert_outbox").update();
			// Enough takes for the driver to prepare the statement (at its fifth use) and PostgreSQL to settle on a
			// generic plan for it (after five more).
			for (int pass = 0; pass < 15; pass++) {
				Queued change = change("small-" + pass, "hebei:tech_smes:2024");
				transactions.executeWithoutResult((status) -> alerts.enqueue(List.of(change)));
				relay.relay();
			}
			// Then thousands of changes are queued and taken before the next vacuum: the table grows.
			transactions.executeWithoutResult((status) -> {
				jdbc.sql("""
						INSERT INTO alert_outbox (event_id, event_type, series_key, fingerprint, payload)
						SELECT 'grown-' || g, 'x', 'hebei:tech_smes:2025', 'fp', decode(repeat('ab', 600), 'hex')
						FROM generate_series(1, 2000) g
						""").update();
				jdbc.sql("DELETE FROM alert_outbox WHERE event_id LIKE 'grown-%'").update();
				jdbc.sql("UPDATE alert_relay SET next_id = (SELECT last_value + 1 FROM alert_outbox_id_seq)").update();
			});
			transactions.executeWithoutResult((status) -> alerts.enqueue(List.of(change("grown", "hebei:tech_smes:2024"))));

			// The pass joins this transaction: the connection's scans, counted as they happen, before it and after.
			long[] scans = transactionsOnOne.execute((status) -> {
				long[] before = scansOfTheOutbox(onOne);
				relay.relay();
				long[] after = scansOfTheOutbox(onOne);
				return new long[] { after[0] - before[0], after[1] - before[1] };
			});
			assertThat(pending()).isZero();
			assertThat(scans[0]).as("sequential scans of the outbox").isZero();
			assertThat(scans[1]).as("index scans of the outbox").isPositive();
		}
		finally {
			jdbc.sql("ALTER TABLE alert_outbox RESET (autovacuum_enabled)").update();
		}
	}

	/** Sequential and index scans of the outbox by this connection, those of its open transaction included. */
	private static long[] scansOfTheOutbox(JdbcClient connection) {
		return connection.sql("SELECT seq_scan, idx_scan FROM pg_stat_xact_user_tables WHERE relname = 'alert_outbox'")
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/** The records of the writers' series: the topic is the test class's. */
	private static List<ConsumerRecord<String, byte[]>> ofWriters(TopicReader changes, Map<String, List<String>> series) {
		return changes.records().stream().filter((r) -> series.containsKey(r.key())).toList();
	}

	private static List<ConsumerRecord<String, byte[]>> ofKey(TopicReader reader, String key) {
		return reader.records().stream().filter((r) -> key.equals(r.key())).toList();
	}

	private boolean relayWaitsForALock() {
		return jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
				""").query(Long.class).single() > 0;
	}

	private AlertOutboxRelay relay(KafkaTemplate<String, byte[]> template, int batch) {
		return relay(jdbc, transactions, template, batch);
	}

	private AlertOutboxRelay relay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, byte[]> template,
			int batch) {
		return new AlertOutboxRelay(jdbc, transactions, template, topics,
				new AlertProperties(properties.relayInterval(), batch, false, Duration.ofSeconds(2),
						properties.actualOverdueMonths(), properties.resolvedRetention(), properties.sweepInterval(),
						properties.streamMaxSubscribers(), properties.maxSilences()),
				Clock.systemUTC());
	}

	private double gauge(String name) {
		return meters.get(name).gauge().value();
	}

	private long pending() {
		return jdbc.sql("SELECT count(*) FROM alert_outbox").query(Long.class).single();
	}

	private static KafkaTemplate<String, byte[]> unreachable(int maxBlockMs) {
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				"localhost:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs), new StringSerializer(), new ByteArraySerializer()));
	}

	private static Queued change(String eventId, String seriesKey) {
		return new Queued(eventId, EventTypes.ALERT_FIRED, seriesKey, "fp-" + seriesKey,
				("{\"id\":\"" + eventId + "\"}").getBytes(StandardCharsets.UTF_8));
	}

	/** Holds the calling transaction open until the latch opens. */
	private static void hold(CountDownLatch latch) {
		try {
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
