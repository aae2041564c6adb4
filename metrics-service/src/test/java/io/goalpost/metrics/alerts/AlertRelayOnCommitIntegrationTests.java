package io.goalpost.metrics.alerts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

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
 * here), in the order they were made; a transaction that rolls back sends nothing. A change whose
 * transaction commits after a later one's: {@link AlertOutboxIntegrationTests}.
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

}
