package io.goalpost.metrics.alerts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.EventTypes;
import io.goalpost.metrics.evaluation.Target;
import io.goalpost.metrics.series.SeriesKey;
import io.goalpost.support.CloudEventRecords;
import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alert changes leave when the transaction that made them commits, not on the relay's schedule (an hour
 * here), in the order they were made; a change is not left behind by one queued after it that committed
 * first; a transaction that rolls back sends nothing.
 */
@SpringBootTest(properties = { "spring.config.name=metrics", "goalpost.alerts.relay-interval=1h" })
class AlertRelayOnCommitIntegrationTests {

	private static String suffix;

	@Autowired
	AlertKeeper keeper;

	@Autowired
	TransactionTemplate transactions;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		suffix = Infrastructure.register(registry);
	}

	@Test
	void publishesEachCommittedChangeInOrderAndNothingOfARolledBackOne() {
		SeriesKey kept = new SeriesKey("chongqing", "tech_smes", 2024);
		SeriesKey rolledBack = new SeriesKey("sichuan", "tech_smes", 2024);
		Target target = new Target(Comparator.GT, new BigDecimal("50000"));
		try (TopicReader alerts = TopicReader.of("indicator-alerts-" + suffix)) {
			transactions.executeWithoutResult((status) -> TargetMisses.reconcile(keeper, rolledBack, target, "47000", true));
			transactions.executeWithoutResult((status) -> {
				TargetMisses.reconcile(keeper, rolledBack, target, "52000", false);
				status.setRollbackOnly();
			});
			transactions.executeWithoutResult((status) -> TargetMisses.reconcile(keeper, kept, target, "47000", true));
			transactions.executeWithoutResult((status) -> TargetMisses.reconcile(keeper, kept, target, "51000", false));

			await().atMost(THROUGH_KAFKA).until(() -> alerts.records().size() >= 3);
			List<ConsumerRecord<String, byte[]>> records = alerts.records();
			// Kafka orders a key's records, not records across partitions.
			assertThat(records).filteredOn((record) -> record.key().equals(rolledBack.asKey()))
				.extracting((record) -> CloudEventRecords.header(record, EventTypes.HEADER_TYPE))
				.containsExactly(EventTypes.ALERT_FIRED);
			assertThat(records).filteredOn((record) -> record.key().equals(kept.asKey()))
				.extracting((record) -> CloudEventRecords.header(record, EventTypes.HEADER_TYPE))
				.containsExactly(EventTypes.ALERT_FIRED, EventTypes.ALERT_RESOLVED);
			assertThat(records).filteredOn((record) -> Set.of(kept.asKey(), rolledBack.asKey()).contains(record.key()))
				.hasSize(3);
		}
	}

	@Test
	void publishesAChangeThatCommitsAfterALaterOneHasGoneOut() throws Exception {
		SeriesKey early = new SeriesKey("chongqing", "tech_smes", 2025);
		SeriesKey late = new SeriesKey("sichuan", "tech_smes", 2025);
		Target target = new Target(Comparator.GT, new BigDecimal("50000"));
		CountDownLatch queued = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		try (TopicReader alerts = TopicReader.of("indicator-alerts-" + suffix)) {
			// Queues its change first, so it has the lower outbox id, and commits last.
			CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> transactions.executeWithoutResult((status) -> {
				TargetMisses.reconcile(keeper, early, target, "47000", true);
				queued.countDown();
				awaitQuietly(commit);
			}));
			assertThat(queued.await(30, TimeUnit.SECONDS)).isTrue();
			transactions.executeWithoutResult((status) -> TargetMisses.reconcile(keeper, late, target, "47000", true));
			await().atMost(THROUGH_KAFKA).until(() -> keys(alerts).contains(late.asKey()));

			commit.countDown();
			slow.get(30, TimeUnit.SECONDS);
			// The relay has read past the early change's id; only the commit's word brings it back there in time.
			await().atMost(THROUGH_KAFKA).until(() -> keys(alerts).contains(early.asKey()));
		}
	}

	private static List<String> keys(TopicReader reader) {
		return reader.records().stream().map(ConsumerRecord::key).toList();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
