package io.goalpost.metrics.series;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.Comparator;
import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.FigureStatus;
import io.goalpost.metrics.Figures;
import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;
import io.goalpost.testsupport.TestProducer;
import io.goalpost.support.CloudEventRecords;
import io.goalpost.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.goalpost.metrics.Figures.actual;
import static io.goalpost.metrics.Figures.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** metrics-service against a real broker and PostgreSQL: figures in, series state and alerts out. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=metrics")
class FigureProcessingIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

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
	void raisesOneAlertWhenTheActualMissesAndResolvesItWhenARevisionMeetsTheTarget() {
		send(target("chongqing", "high_tech_enterprises", 2022, Comparator.GT, "5500", "count", "2022-01-17"));
		FigureReported miss = actual("chongqing", "high_tech_enterprises", 2022, "5108", "count",
				FigureStatus.PRELIMINARY, "2023-01-10");
		send(miss);
		send(miss);

		AlertChanged fired = awaitAlert("chongqing:high_tech_enterprises:2022", AlertState.FIRING);
		assertThat(fired.shortfall()).isEqualByComparingTo("392");
		assertThat(fired.actualValue()).isEqualByComparingTo("5108");
		assertThat(fired.targetComparator()).isEqualTo(Comparator.GT);

		send(actual("chongqing", "high_tech_enterprises", 2022, "5520", "count", FigureStatus.FINAL, "2023-03-01"));
		AlertChanged resolved = awaitAlert("chongqing:high_tech_enterprises:2022", AlertState.RESOLVED);
		assertThat(resolved.alertId()).isEqualTo(fired.alertId());
		assertThat(resolved.resolvedAt()).isNotNull();

		JsonNode series = getJson("/api/v1/series?region=chongqing&indicator=high_tech_enterprises&year=2022").get(0);
		assertThat(series.at("/actual/value").decimalValue()).isEqualByComparingTo("5520");
		assertThat(series.at("/verdict").asString()).isEqualTo("MET");
		assertThat(alertsFor("chongqing:high_tech_enterprises:2022")).hasSize(2);
		assertThat(getJson("/api/v1/alerts?state=firing").findValuesAsString("indicator"))
			.doesNotContain("high_tech_enterprises");
	}

	@Test
	void keepsTheFigureOfTheMostRecentPublicationWhateverTheArrivalOrder() {
		FigureReported newer = actual("chongqing", "gdp", 2021, "27894", "cny_100m", FigureStatus.FINAL, "2022-09-01");
		FigureReported older = actual("chongqing", "gdp", 2021, "27800", "cny_100m", FigureStatus.PRELIMINARY,
				"2022-01-18");
		send(newer);
		send(older);
		send(newer);

		await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT count(*) FROM figure_event WHERE region = 'chongqing' AND indicator = 'gdp' AND year = 2021")
			.query(Long.class)
			.single()).isEqualTo(2));
		JsonNode timeline = getJson("/api/v1/series/chongqing/gdp");
		JsonNode year = timeline.get("years").get(0);
		assertThat(year.at("/current/actual/value").decimalValue()).isEqualByComparingTo("27894");
		assertThat(year.get("history").findValuesAsString("status")).containsExactly("preliminary", "final");
	}

	@Test
	void meetsAnApproxTargetWithinToleranceAndRaisesNothing() {
		send(target("chongqing", "rd_intensity", 2022, Comparator.APPROX, "2.3", "percent", "2022-01-17"));
		send(actual("chongqing", "rd_intensity", 2022, "2.26", "percent", FigureStatus.FINAL, "2023-01-20"));

		await().atMost(WAIT).untilAsserted(() -> assertThat(
				getJson("/api/v1/series?region=chongqing&indicator=rd_intensity&year=2022").at("/0/verdict").asString())
			.isEqualTo("MET"));
		assertThat(alertsFor("chongqing:rd_intensity:2022")).isEmpty();
	}

	@Test
	void sendsAPoisonRecordToTheDeadLetterTopicAndKeepsConsumingThePartition() {
		String key = "chongqing:tech_smes";
		producer.send("indicator-figures-" + suffix, key, "{\"this is\": not json".getBytes(), Map.of());
		FigureReported wrongUnit = target("chongqing", "tech_smes", 2023, Comparator.GT, "48000", "percent",
				"2023-02-24");
		send(wrongUnit);
		FigureReported good = target("chongqing", "tech_smes", 2023, Comparator.GT, "48000", "count", "2023-02-24");
		send(good);

		await().atMost(WAIT).untilAsserted(() -> assertThat(
				getJson("/api/v1/series?region=chongqing&indicator=tech_smes&year=2023").at("/0/target/value").asString())
			.isEqualTo("48000"));
		await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetters.records()).hasSize(2));
		List<ConsumerRecord<String, byte[]>> dead = deadLetters.records();
		assertThat(new String(dead.get(0).value())).isEqualTo("{\"this is\": not json");
		assertThat(CloudEventRecords.header(dead.get(0), "kafka_dlt-exception-message")).contains("FigureReported");
		assertThat(CloudEventRecords.header(dead.get(1), EventTypes.HEADER_ID)).isEqualTo(wrongUnit.eventId().toString());
		assertThat(CloudEventRecords.header(dead.get(1), "kafka_dlt-exception-message")).contains("unit 'percent'");

		JsonNode kept = getJson("/api/v1/dead-letters");
		assertThat(kept.findValuesAsString("reason")).anyMatch((reason) -> reason.contains("unit 'percent'"));
		assertThat(kept.findValuesAsString("eventId")).contains(wrongUnit.eventId().toString());
		assertThat(kept.findValuesAsString("payload")).contains("{\"this is\": not json");
		assertThat(ServiceClient.onPort(port).get("/actuator/prometheus").body())
			.containsPattern("goalpost_figures_dead_lettered_total\\S* 2\\.0");
	}

	private void send(FigureReported figure) {
		producer.send("indicator-figures-" + suffix, figure.key(), EventCodec.write(figure), Figures.headers(figure));
	}

	private AlertChanged awaitAlert(String key, AlertState state) {
		return await().atMost(WAIT)
			.until(() -> alertsFor(key).stream().filter((alert) -> alert.state() == state).findFirst().orElse(null),
					(alert) -> alert != null);
	}

	private static List<AlertChanged> alertsFor(String key) {
		return alerts.records()
			.stream()
			.filter((record) -> key.equals(record.key()))
			.map((record) -> EventCodec.read(record.value(), AlertChanged.class))
			.toList();
	}

	private JsonNode getJson(String path) {
		return json.readTree(ServiceClient.onPort(port).get(path).body());
	}

}
