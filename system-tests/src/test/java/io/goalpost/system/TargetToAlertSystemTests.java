package io.goalpost.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertKind;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.support.CloudEventRecords;
import io.goalpost.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow on a real broker and PostgreSQL: the 2022 targets and 2021 actuals of the first seed
 * document are posted to ingest-service; a 2022 actual that misses a target raises an alert that a plain
 * Kafka consumer of {@code indicator-alerts} receives; a revision that meets it resolves it; posting a
 * figure again raises nothing new.
 */
class TargetToAlertSystemTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String SERIES = "chongqing:high_tech_enterprises:2022";

	private static final JsonMapper json = new JsonMapper();

	private static RunningGoalpost goalpost;

	private static TopicReader alerts;

	@BeforeAll
	static void start() {
		goalpost = new RunningGoalpost();
		alerts = TopicReader.of(goalpost.alertsTopic());
	}

	@AfterAll
	static void stop() {
		alerts.close();
		goalpost.close();
	}

	@Test
	void aMissedTargetRaisesAnAlertThatARevisionResolvesAndARepeatDoesNotRaiseAgain() {
		SeedCorpus seed = SeedCorpus.document("000_467607316e7e62d4.txt");
		post(seed.figures("target", 2022));
		post(seed.figures("actual", 2021));
		await().atMost(WAIT).untilAsserted(() -> assertThat(series("?region=chongqing&year=2022"))
			.extracting((s) -> s.get("indicator").asString())
			.containsExactlyInAnyOrderElementsOf(seed.indicators("target", 2022)));
		assertThat(series("?region=chongqing&year=2021")).hasSize(seed.indicators("actual", 2021).size());

		String miss = actual(5400, "preliminary", "2023-01-16");
		post(miss);
		post(miss);
		AlertChanged fired = awaitAlerts(1).getFirst();
		assertThat(fired.state()).isEqualTo(AlertState.FIRING);
		assertThat(fired.targetValue()).isEqualByComparingTo("5500");
		assertThat(fired.actualValue()).isEqualByComparingTo("5400");
		assertThat(fired.shortfall()).isEqualByComparingTo("100");
		assertThat(firing()).extracting((a) -> a.get("alertId").asString()).containsExactly(fired.alertId().toString());

		String revision = actual(5520, "final", "2023-02-20");
		post(revision);
		AlertChanged resolved = awaitAlerts(2).get(1);
		assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
		assertThat(resolved.alertId()).isEqualTo(fired.alertId());
		assertThat(firing()).isEmpty();

		// The same figure again, then a later miss of the same series: the only alert after the
		// resolution is the new miss, so the repeat raised nothing.
		post(revision);
		post(miss);
		post(actual(5450, "final", "2023-06-30"));
		List<AlertChanged> all = awaitAlerts(3);
		assertThat(all.get(2).state()).isEqualTo(AlertState.FIRING);
		assertThat(all.get(2).actualValue()).isEqualByComparingTo("5450");
		assertThat(all.get(2).alertId()).isNotEqualTo(fired.alertId());
		assertThat(alerts.records()).filteredOn((r) -> SERIES.equals(r.key()))
			.allSatisfy((r) -> assertThat(CloudEventRecords.header(r, EventTypes.HEADER_TYPE)).startsWith("goalpost.alert."))
			.filteredOn((r) -> EventCodec.read(r.value(), AlertChanged.class).kind() == AlertKind.TARGET_MISSED)
			.hasSize(3);
	}

	private static String actual(int value, String status, String publishedAt) {
		return """
				{"region":"chongqing","indicator":"high_tech_enterprises","year":2022,"kind":"actual","value":%d,
				 "status":"%s","source":{"title":"统计公报","publishedAt":"%s"}}
				""".formatted(value, status, publishedAt);
	}

	private static void post(String figures) {
		HttpResponse<String> response = goalpost.ingest().postJson("/api/v1/figures", figures);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private static List<AlertChanged> awaitAlerts(int count) {
		return await().atMost(WAIT).until(() -> alerts.records()
			.stream()
			.filter((r) -> SERIES.equals(r.key()))
			.map((r) -> EventCodec.read(r.value(), AlertChanged.class))
			.filter((alert) -> alert.kind() == AlertKind.TARGET_MISSED)
			.toList(), (received) -> received.size() >= count);
	}

	private static List<JsonNode> series(String query) {
		return list(goalpost.metrics().get("/api/v1/series" + query).body());
	}

	private static List<JsonNode> firing() {
		return list(goalpost.metrics().get("/api/v1/alerts?state=firing&kind=target_missed").body());
	}

	private static List<JsonNode> list(String body) {
		return json.readTree(body).get("items").valueStream().toList();
	}

}
