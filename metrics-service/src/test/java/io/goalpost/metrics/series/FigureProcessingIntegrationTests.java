package io.goalpost.metrics.series;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertKind;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.Comparator;
import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.FigureStatus;
import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.contract.Severity;
import io.goalpost.metrics.AlertChanges;
import io.goalpost.metrics.ConsumerProperties;
import io.goalpost.metrics.Figures;
import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;
import io.goalpost.testsupport.TestProducer;
import io.goalpost.support.CloudEventRecords;
import io.goalpost.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.goalpost.metrics.Figures.actual;
import static io.goalpost.metrics.Figures.target;
import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** metrics-service against a real broker and PostgreSQL: figures in, series state and alerts out. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=metrics")
class FigureProcessingIntegrationTests {

	private static String suffix;

	private static TestProducer producer;

	private static TopicReader alerts;

	private static TopicReader deadLetters;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	ConsumerProperties consumer;

	@Autowired
	ProducerFactory<?, ?> producers;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		suffix = Infrastructure.register(registry);
	}

	@BeforeEach
	void clients() {
		// The topic names exist once the context has started, after any @BeforeAll.
		if (producer != null) {
			return;
		}
		producer = new TestProducer();
		alerts = TopicReader.of("indicator-alerts-" + suffix);
		deadLetters = TopicReader.of("indicator-figures-" + suffix + "-dlt");
	}

	@AfterAll
	static void close() {
		producer.close();
		alerts.close();
		deadLetters.close();
	}

	@Test
	void runsAsManyFigureConsumersAsConfigured() {
		var figures = (ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer("figures");
		assertThat(consumer.concurrency()).isEqualTo(Integer.parseInt(ConsumerProperties.CONCURRENCY));
		assertThat(figures.getConcurrency()).isEqualTo(consumer.concurrency());
		assertThat(figures.getContainers()).hasSize(consumer.concurrency()).allMatch(MessageListenerContainer::isRunning);
	}

	@Test
	void sendsAlertChangesAndDeadLettersUncompressedInBatchesOf64KiB() {
		// Both measured in the pipeline benchmark (metrics.yml says why): a default's return would go unnoticed.
		assertThat(producers.getConfigurationProperties()).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none")
			.hasEntrySatisfying(ProducerConfig.BATCH_SIZE_CONFIG, (size) -> assertThat(Integer.valueOf(size.toString())).isEqualTo(64 * 1024));
	}

	@Test
	void raisesOneAlertWhenTheActualMissesAndResolvesItWhenARevisionMeetsTheTarget() {
		String key = "chongqing:high_tech_enterprises:2022";
		send(target("chongqing", "high_tech_enterprises", 2022, Comparator.GT, "5500", "count", "2022-01-17"));
		// A 2022 target with no actual in late 2026: overdue until the actual comes.
		AlertChanged overdue = awaitAlert(key, AlertKind.ACTUAL_OVERDUE, AlertState.FIRING);
		assertThat(overdue.severity()).isEqualTo(Severity.INFO);
		FigureReported miss = actual("chongqing", "high_tech_enterprises", 2022, "5108", "count",
				FigureStatus.PRELIMINARY, "2023-01-10");
		send(miss);
		send(miss);

		AlertChanged fired = awaitAlert(key, AlertKind.TARGET_MISSED, AlertState.FIRING);
		assertThat(fired.shortfall()).isEqualByComparingTo("392");
		assertThat(fired.actualValue()).isEqualByComparingTo("5108");
		assertThat(fired.targetComparator()).isEqualTo(Comparator.GT);
		assertThat(fired.severity()).isEqualTo(Severity.CRITICAL);
		assertThat(fired.fingerprint()).isEqualTo(AlertChanged.fingerprintOf(AlertKind.TARGET_MISSED, "chongqing", "high_tech_enterprises", 2022));
		assertThat(fired.labels()).containsEntry("region", "chongqing").containsEntry("year", "2022").containsEntry("kind", "TARGET_MISSED")
			.containsEntry("severity", "critical");
		assertThat(fired.summary().zh()).isEqualTo("重庆：2022年高新技术企业 5,108 家，未达到突破 5,500 家的目标，差 392 家");
		assertThat(fired.summary().en()).isEqualTo("Chongqing: High-tech enterprises in 2022: 5,108, short of the target of more than 5,500 by 392");
		assertThat(fired.endsAt()).isNull();

		send(actual("chongqing", "high_tech_enterprises", 2022, "5520", "count", FigureStatus.FINAL, "2023-03-01"));
		AlertChanged resolved = awaitAlert(key, AlertKind.TARGET_MISSED, AlertState.RESOLVED);
		assertThat(resolved.alertId()).isEqualTo(fired.alertId());
		assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
		assertThat(resolved.startsAt()).isEqualTo(fired.startsAt());
		assertThat(resolved.endsAt()).isAfterOrEqualTo(fired.startsAt());

		JsonNode series = getJson("/api/v1/series?region=chongqing&indicator=high_tech_enterprises&year=2022").at("/items/0");
		assertThat(series.at("/actual/value").decimalValue()).isEqualByComparingTo("5520");
		assertThat(series.at("/verdict").asString()).isEqualTo("MET");
		assertThat(alertsFor(key)).extracting((a) -> a.kind() + " " + a.state()).containsExactly(
				"ACTUAL_OVERDUE FIRING", "ACTUAL_OVERDUE RESOLVED", "TARGET_MISSED FIRING", "TARGET_MISSED RESOLVED");
		assertThat(getJson("/api/v1/alerts?state=firing&region=chongqing").findValuesAsString("indicator"))
			.doesNotContain("high_tech_enterprises");
		assertThat(getJson("/api/v1/alerts?state=resolved&kind=target_missed&region=chongqing").at("/items/0/summary/en").asString())
			.isEqualTo("Chongqing: High-tech enterprises in 2022: 5,520, meets the target of more than 5,500");
	}

	@Test
	void keepsTheFigureOfTheMostRecentPublicationWhateverTheArrivalOrder() {
		FigureReported newer = actual("chongqing", "gdp", 2021, "27894", "cny_100m", FigureStatus.FINAL, "2022-09-01");
		FigureReported older = actual("chongqing", "gdp", 2021, "27800", "cny_100m", FigureStatus.PRELIMINARY,
				"2022-01-18");
		send(newer);
		send(older);
		send(newer);

		await().atMost(THROUGH_KAFKA).untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT count(*) FROM figure_event WHERE region = 'chongqing' AND indicator = 'gdp' AND year = 2021")
			.query(Long.class)
			.single()).isEqualTo(2));
		JsonNode timeline = getJson("/api/v1/series/chongqing/gdp");
		JsonNode year = timeline.get("years").get(0);
		assertThat(year.at("/current/actual/value").decimalValue()).isEqualByComparingTo("27894");
		assertThat(year.get("history").findValuesAsString("status")).containsExactly("preliminary", "final");
	}

	@Test
	void servesEachRevisionOfATimelineAndARegionsScorecardAsJsonAndCsv() {
		send(target("sichuan", "high_tech_enterprises", 2023, Comparator.GT, "15000", "count", "2023-01-15"));
		send(target("sichuan", "high_tech_enterprises", 2023, Comparator.GT, "16000", "count", "2023-06-30"));
		send(actual("sichuan", "high_tech_enterprises", 2023, "15800", "count", FigureStatus.PRELIMINARY, "2024-01-20"));
		send(actual("sichuan", "high_tech_enterprises", 2023, "16500", "count", FigureStatus.FINAL, "2024-01-20"));
		send(target("sichuan", "rd_intensity", 2023, Comparator.APPROX, "2.4", "percent", "2023-01-15"));
		send(actual("sichuan", "rd_intensity", 2023, "2.1", "percent", FigureStatus.FINAL, "2024-09-01"));

		await().atMost(THROUGH_KAFKA).until(() -> jdbc.sql("SELECT count(*) FROM figure_event WHERE region = 'sichuan'")
			.query(Long.class).single() == 6);
		JsonNode year = getJson("/api/v1/series/sichuan/high_tech_enterprises").at("/years/0");
		assertThat(year.get("year").asInt()).isEqualTo(2023);
		JsonNode history = year.get("history");
		assertThat(history.findValuesAsString("kind")).containsExactly("target", "target", "actual", "actual");
		assertThat(history.get(0).get("current").asBoolean()).isFalse();
		assertThat(history.get(0).get("why").asString()).isEqualTo("superseded by the target published 2023-06-30");
		assertThat(history.get(1).get("current").asBoolean()).isTrue();
		assertThat(history.get(1).get("value").decimalValue()).isEqualByComparingTo("16000");
		assertThat(history.get(1).at("/source/publishedAt").asString()).as("published at midnight in Beijing, shown so")
			.isEqualTo("2023-06-30T00:00:00+08:00");
		assertThat(history.get(1).get("why").asString())
			.isEqualTo("the target of the latest publication (2023-06-30); raised from 15000, published 2023-01-15");
		assertThat(history.get(2).get("why").asString()).isEqualTo("superseded in the same publication by its final figure");
		assertThat(history.get(3).get("why").asString())
			.isEqualTo("the actual of the latest publication (2024-01-20), the most settled status in it (final); revised from 15800 (preliminary)");

		JsonNode scorecard = getJson("/api/v1/regions/sichuan/scorecard?year=2023");
		assertThat(scorecard.at("/names/zh-Hans").asString()).isEqualTo("四川");
		assertThat(scorecard.get("indicators")).hasSize(IndicatorCatalogue.standard().indicators().size());
		JsonNode enterprises = row(scorecard, "high_tech_enterprises");
		assertThat(enterprises.get("status").asString()).isEqualTo("MET");
		assertThat(enterprises.at("/target/value").decimalValue()).isEqualByComparingTo("16000");
		assertThat(enterprises.at("/actual/value").decimalValue()).isEqualByComparingTo("16500");
		JsonNode intensity = row(scorecard, "rd_intensity");
		assertThat(intensity.get("status").asString()).isEqualTo("MISSED");
		assertThat(intensity.get("shortfall").decimalValue()).isEqualByComparingTo("0.3");
		await().atMost(THROUGH_KAFKA).until(() -> row(getJson("/api/v1/regions/sichuan/scorecard?year=2023"), "rd_intensity")
			.get("alerts").toString().contains("TARGET_MISSED"));
		assertThat(row(scorecard, "little_giants").get("status").asString()).isEqualTo("NO_DATA");

		var csv = ServiceClient.onPort(port).get("/api/v1/regions/sichuan/scorecard?year=2023", "text/csv");
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.getFirst()).endsWith("indicator,name_zh,name_en,unit,target_comparator,target_value,actual_value,actual_status,status,shortfall,alerts");
		assertThat(lines).contains("rd_intensity,全社会研发经费投入强度,R&D intensity (R&D spending / GDP),percent,approx,2.4,2.1,final,MISSED,0.3,TARGET_MISSED");
		List<String> timeline = ServiceClient.onPort(port).get("/api/v1/series/sichuan/high_tech_enterprises", "text/csv").body().lines().toList();
		assertThat(timeline).hasSize(5);
		assertThat(timeline.get(2)).startsWith("2023,target,gt,16000,count,,true,")
			.contains(",report 2023-06-30,https://example.org/2023-06-30,test,2023-06-30T00:00+08:00,")
			.endsWith(",false");

		assertThat(ServiceClient.onPort(port).get("/api/v1/regions/atlantis/scorecard?year=2023").statusCode()).isEqualTo(404);
		assertThat(ServiceClient.onPort(port).get("/api/v1/regions/sichuan/scorecard?year=" + Integer.MIN_VALUE).statusCode())
			.as("a year no figure may be of").isEqualTo(400);
		for (String badQuery : List.of("size=100000", "page=-1", "page=2147483647&size=1000", "region=%00")) {
			var refused = ServiceClient.onPort(port).get("/api/v1/series?" + badQuery);
			assertThat(refused.statusCode()).as(badQuery).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
	}

	@Test
	void showsTheLatestFiguresOfAYearThatHasMoreThanATimelineHolds() {
		int sent = SeriesController.MAX_HISTORY + 5;
		LocalDate first = LocalDate.parse("2024-01-01");
		for (int i = 0; i < sent; i++) {
			send(target("jiangsu", "tech_smes", 2024, Comparator.GT, Integer.toString(30_000 + i), "count",
					first.plusDays(i).toString()));
		}
		await().atMost(THROUGH_KAFKA).until(() -> jdbc.sql("SELECT count(*) FROM figure_event WHERE region = 'jiangsu'")
			.query(Long.class).single() == sent);

		JsonNode year = getJson("/api/v1/series/jiangsu/tech_smes").at("/years/0");
		assertThat(year.get("earlierFiguresOmitted").asBoolean()).isTrue();
		JsonNode history = year.get("history");
		assertThat(history).hasSize(SeriesController.MAX_HISTORY);
		assertThat(history.get(0).get("value").decimalValue()).as("the earliest shown").isEqualByComparingTo("30005");
		assertThat(history.get(SeriesController.MAX_HISTORY - 1).get("current").asBoolean()).isTrue();
		assertThat(history.get(SeriesController.MAX_HISTORY - 1).get("value").decimalValue())
			.isEqualByComparingTo(Integer.toString(30_000 + sent - 1));
		List<String> csv = ServiceClient.onPort(port).get("/api/v1/series/jiangsu/tech_smes", "text/csv").body().lines().toList();
		assertThat(csv).hasSize(SeriesController.MAX_HISTORY + 1);
		assertThat(csv.getFirst()).endsWith(",event_id,earlier_figures_omitted");
		assertThat(csv.subList(1, csv.size())).as("each row of the year says the file does not hold all of it")
			.allSatisfy((line) -> assertThat(line).endsWith(",true"));
	}

	private static JsonNode row(JsonNode scorecard, String indicator) {
		for (JsonNode row : scorecard.get("indicators")) {
			if (row.get("indicator").asString().equals(indicator)) {
				return row;
			}
		}
		throw new AssertionError("No row for " + indicator + " in " + scorecard);
	}

	@Test
	void meetsAnApproxTargetWithinToleranceAndRaisesNothing() {
		send(target("chongqing", "rd_intensity", 2022, Comparator.APPROX, "2.3", "percent", "2022-01-17"));
		send(actual("chongqing", "rd_intensity", 2022, "2.26", "percent", FigureStatus.FINAL, "2023-01-20"));

		await().atMost(THROUGH_KAFKA).untilAsserted(() -> assertThat(
				getJson("/api/v1/series?region=chongqing&indicator=rd_intensity&year=2022").at("/items/0/verdict").asString())
			.isEqualTo("MET"));
		// Overdue from the target's arrival to the actual's; never missed.
		await().atMost(THROUGH_KAFKA).until(() -> alertsFor("chongqing:rd_intensity:2022").size() == 2);
		assertThat(alertsFor("chongqing:rd_intensity:2022")).extracting((a) -> a.kind() + " " + a.state())
			.containsExactly("ACTUAL_OVERDUE FIRING", "ACTUAL_OVERDUE RESOLVED");
	}

	@Test
	void sendsAPoisonRecordToTheDeadLetterTopicAndKeepsConsumingThePartition() {
		String key = "chongqing:tech_smes";
		producer.send("indicator-figures-" + suffix, key, "{\"this is\": not json".getBytes(), Map.of());
		FigureReported wrongUnit = target("chongqing", "tech_smes", 2023, Comparator.GT, "48000", "percent",
				"2023-02-24");
		send(wrongUnit);
		FigureReported good = target("chongqing", "tech_smes", 2023, Comparator.GT, "48000", "count", "2023-02-24");
		Map<String, String> laterVersion = new HashMap<>(Figures.headers(good));
		laterVersion.put(EventTypes.HEADER_TYPE, "goalpost.figure.reported.v9");
		producer.send("indicator-figures-" + suffix, good.key(), EventCodec.write(good), laterVersion);
		FigureReported nowhere = target("atlantis", "tech_smes", 2023, Comparator.GT, "48000", "count", "2023-02-24");
		producer.send("indicator-figures-" + suffix, good.key(), EventCodec.write(nowhere), Figures.headers(nowhere));
		Map<String, String> noType = new HashMap<>(Figures.headers(good));
		noType.put(EventTypes.HEADER_TYPE, null);
		noType.put(EventTypes.HEADER_ID, null);
		producer.send("indicator-figures-" + suffix, good.key(), EventCodec.write(good), noType);
		// Short to write, and a billion digits to work with: what ingest refuses, from another producer.
		FigureReported tiny = withValue(good, "1e-999999999");
		send(tiny);
		FigureReported huge = withValue(good, "1e999999999");
		send(huge);
		send(good);

		await().atMost(THROUGH_KAFKA).untilAsserted(() -> assertThat(
				getJson("/api/v1/series?region=chongqing&indicator=tech_smes&year=2023").at("/items/0/target/value").asString())
			.isEqualTo("48000"));
		await().atMost(THROUGH_KAFKA).untilAsserted(() -> assertThat(oncePerSourceRecord(deadLetters.records())).hasSize(7));
		List<ConsumerRecord<String, byte[]>> dead = oncePerSourceRecord(deadLetters.records());
		assertThat(new String(dead.get(0).value())).isEqualTo("{\"this is\": not json");
		assertThat(CloudEventRecords.header(dead.get(0), "kafka_dlt-exception-message")).contains("FigureReported");
		assertThat(CloudEventRecords.header(dead.get(1), EventTypes.HEADER_ID)).isEqualTo(wrongUnit.eventId().toString());
		assertThat(CloudEventRecords.header(dead.get(1), "kafka_dlt-exception-message")).contains("unit 'percent'");
		assertThat(CloudEventRecords.header(dead.get(2), "kafka_dlt-exception-message"))
			.contains("Unknown event type or version 'goalpost.figure.reported.v9'");
		assertThat(CloudEventRecords.header(dead.get(3), "kafka_dlt-exception-message")).contains("Unknown region 'atlantis'");
		assertThat(CloudEventRecords.header(dead.get(4), "kafka_dlt-exception-message"))
			.contains("The event type header (ce_type) has no value");
		assertThat(CloudEventRecords.header(dead.get(4), EventTypes.HEADER_ID)).isNull();
		assertThat(CloudEventRecords.header(dead.get(5), "kafka_dlt-exception-message")).contains("value has more than 6 decimal places");
		assertThat(CloudEventRecords.header(dead.get(6), "kafka_dlt-exception-message")).contains("value is out of range");

		JsonNode kept = getJson("/api/v1/dead-letters");
		assertThat(kept.findValuesAsString("reason")).anyMatch((reason) -> reason.contains("unit 'percent'"));
		assertThat(kept.findValuesAsString("eventId")).contains(wrongUnit.eventId().toString());
		assertThat(kept.findValuesAsString("payload")).contains("{\"this is\": not json");
		assertThat(ServiceClient.onPort(port).get("/actuator/prometheus").body())
			.containsPattern("goalpost_figures_dead_lettered_total\\S* 7\\.0");
	}

	/**
	 * The dead-letter topic is at least once: a partition that moves to another consumer (the group settling as
	 * the test begins) before the offset past a dead letter was committed sends it again.
	 */
	private static List<ConsumerRecord<String, byte[]>> oncePerSourceRecord(List<ConsumerRecord<String, byte[]>> records) {
		Map<String, ConsumerRecord<String, byte[]>> first = new LinkedHashMap<>();
		records.forEach((record) -> first.putIfAbsent(ByteBuffer.wrap(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).getInt()
				+ "@" + ByteBuffer.wrap(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong(), record));
		return List.copyOf(first.values());
	}

	private static FigureReported withValue(FigureReported figure, String value) {
		return new FigureReported(UUID.randomUUID(), figure.region(), figure.indicator(), figure.year(), figure.kind(),
				figure.comparator(), new BigDecimal(value), figure.unit(), figure.status(), figure.source(), figure.sentence(),
				figure.reportedAt());
	}

	private void send(FigureReported figure) {
		producer.send("indicator-figures-" + suffix, figure.key(), EventCodec.write(figure), Figures.headers(figure));
	}

	private static AlertChanged awaitAlert(String key, AlertKind kind, AlertState state) {
		return AlertChanges.await(alerts, key, kind, state);
	}

	private static List<AlertChanged> alertsFor(String key) {
		return AlertChanges.of(alerts, key);
	}

	private JsonNode getJson(String path) {
		return json.readTree(ServiceClient.onPort(port).get(path).body());
	}

}
