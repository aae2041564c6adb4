package io.goalpost.metrics.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertKind;
import java.util.UUID;

import io.goalpost.contract.AlertState;
import io.goalpost.contract.EventTypes;
import io.goalpost.metrics.TopicProperties;
import io.goalpost.metrics.evaluation.Target;
import io.goalpost.metrics.series.SeriesKey;
import io.goalpost.support.CloudEventRecords;
import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.TopicReader;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * Kafka is back. The relay is slowed to an hour and not started by commits, so that the test drives it.
 */
@SpringBootTest(properties = { "spring.config.name=metrics", "goalpost.alerts.relay-interval=1h",
		"goalpost.alerts.relay-after-commit=false" })
class AlertOutboxIntegrationTests {

	private static String suffix;

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

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		suffix = Infrastructure.register(registry);
	}

	@Test
	void publishesAChangeMadeWhileKafkaWasDownOnceItIsBack() {
		SeriesKey series = new SeriesKey("chongqing", "tech_smes", 2024);
		transactions.executeWithoutResult((status) -> TargetMisses.reconcile(keeper, series,
				new Target(io.goalpost.contract.Comparator.GT, new BigDecimal("50000")), "47000", true));

		KafkaTemplate<String, byte[]> unreachable = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000),
				new StringSerializer(), new ByteArraySerializer()));
		relay(unreachable).relay();
		assertThat(pending()).as("the change, once for both topics").isEqualTo(1);

		try (TopicReader alerts = TopicReader.of("indicator-alerts-" + suffix);
				TopicReader current = TopicReader.of("indicator-alerts-" + suffix + "-current")) {
			AlertOutboxRelay restored = relay(kafka);
			restored.relay();
			assertThat(pending()).isZero();
			await().atMost(THROUGH_KAFKA).until(() -> alerts.records().size() == 1 && current.records().size() == 1);
			restored.relay();
			assertThat(alerts.records()).singleElement().satisfies((record) -> {
				assertThat(record.key()).isEqualTo("chongqing:tech_smes:2024");
				assertThat(CloudEventRecords.header(record, EventTypes.HEADER_TYPE)).isEqualTo(EventTypes.ALERT_FIRED);
			});
			assertThat(current.records()).singleElement().satisfies((record) -> assertThat(record.key())
				.isEqualTo(AlertChanged.fingerprintOf(AlertKind.TARGET_MISSED, "chongqing", "tech_smes", 2024)));
		}
		finally {
			unreachable.getProducerFactory().reset();
		}
		assertThat(jdbc.sql("SELECT state FROM alert").query(String.class).single()).isEqualTo(AlertState.FIRING.name());
	}

	private AlertOutboxRelay relay(KafkaTemplate<String, byte[]> template) {
		return new AlertOutboxRelay(jdbc, transactions, template, topics,
				new AlertProperties(properties.relayInterval(), properties.relayBatch(), false, Duration.ofSeconds(2),
						properties.actualOverdueMonths(), properties.resolvedRetention(), properties.sweepInterval(),
						properties.streamMaxSubscribers(), properties.maxSilences()),
				Clock.systemUTC());
	}

	private long pending() {
		return jdbc.sql("SELECT count(*) FROM alert_outbox").query(Long.class).single();
	}

}
