package io.goalpost.metrics.alerts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertKind;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.Comparator;
import io.goalpost.contract.EventCodec;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.FigureStatus;
import io.goalpost.contract.Severity;
import io.goalpost.metrics.AlertChanges;
import io.goalpost.metrics.Figures;
import io.goalpost.metrics.series.SeriesUpdater;
import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;
import io.goalpost.testsupport.TestProducer;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.goalpost.metrics.Figures.actual;
import static io.goalpost.metrics.Figures.target;
import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alert model end to end through Kafka and PostgreSQL: a trend that projects a miss, an actual that
 * becomes overdue as time passes, silences that hold changes back, resolved alerts leaving the compacted
 * topic, and the server-sent event stream. The clock is the test's, so that time can pass.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.config.name=metrics",
		"goalpost.security.api-keys=" + ServiceClient.TEST_API_KEY, "goalpost.alerts.stream-max-subscribers=3" })
class AlertModelIntegrationTests {

	private static final Instant TODAY = Instant.parse("2026-11-23T02:00:00Z");

	private static String suffix;

	private static TestProducer producer;

	private static TopicReader alerts;

	private static TopicReader current;

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	SeriesUpdater updater;

	@Autowired
	AlertSweeper sweeper;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	AlertStream stream;

	@Autowired
	JsonMapper json;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		suffix = Infrastructure.register(registry);
	}

	@BeforeEach
	void clients() {
		clock.set(TODAY);
		if (producer == null) {
			producer = new TestProducer();
			alerts = TopicReader.of("indicator-alerts-" + suffix);
			current = TopicReader.of("indicator-alerts-" + suffix + "-current");
		}
	}

	@AfterAll
	static void close() {
		producer.close();
		alerts.close();
		current.close();
	}

	@Test
	void warnsWhileTheTrendOfEarlierActualsProjectsAMissAndSaysHowItProjected() {
		String key = "chongqing:tech_smes:2027";
		send(actual("chongqing", "tech_smes", 2023, "40000", "count", FigureStatus.FINAL, "2024-01-20"));
		send(actual("chongqing", "tech_smes", 2024, "44000", "count", FigureStatus.FINAL, "2025-01-20"));
		send(actual("chongqing", "tech_smes", 2025, "48000", "count", FigureStatus.FINAL, "2026-01-20"));
		send(target("chongqing", "tech_smes", 2027, Comparator.GTE, "60000", "count", "2026-01-20"));

		AlertChanged atRisk = awaitAlert(key, AlertKind.TARGET_AT_RISK, AlertState.FIRING);
		assertThat(atRisk.severity()).isEqualTo(Severity.WARNING);
		assertThat(atRisk.actualValue()).isNull();
		assertThat(atRisk.projection().method()).isEqualTo("linear-trend");
		assertThat(atRisk.projection().fromYear()).isEqualTo(2023);
		assertThat(atRisk.projection().toYear()).isEqualTo(2025);
		assertThat(atRisk.projection().points()).isEqualTo(3);
		assertThat(atRisk.projection().slopePerYear()).isEqualByComparingTo("4000");
		assertThat(atRisk.projection().value()).isEqualByComparingTo("56000");
		assertThat(atRisk.shortfall()).isEqualByComparingTo("4000");
		assertThat(atRisk.summary().zh()).isEqualTo(
				"重庆：2027年科技型企业尚无实际值，按 2023—2025 年实际值的线性趋势预计为 56,000 家，未达到不低于 60,000 家的目标，差 4,000 家");

		// A strong 2026 moves the trend of 2023–2026 to 64,000 for 2027: no longer at risk.
		send(actual("chongqing", "tech_smes", 2026, "60000", "count", FigureStatus.PRELIMINARY, "2027-01-20"));
		AlertChanged resolved = awaitAlert(key, AlertKind.TARGET_AT_RISK, AlertState.RESOLVED);
		assertThat(resolved.alertId()).isEqualTo(atRisk.alertId());
		assertThat(alertsFor(key)).extracting((a) -> a.kind() + " " + a.state())
			.containsExactly("TARGET_AT_RISK FIRING", "TARGET_AT_RISK RESOLVED");
	}

	@Test
	void raisesAnOverdueActualWhenTimeAloneMakesItSo() {
		String key = "hubei:rd_personnel:2025";
		clock.set(Instant.parse("2026-06-01T00:00:00Z"));
		send(target("hubei", "rd_personnel", 2025, Comparator.GT, "500000", "persons", "2025-01-20"));
		await().atMost(THROUGH_KAFKA).until(() -> get("/api/v1/series?region=hubei&indicator=rd_personnel").at("/items").size() == 1);
		assertThat(updater.reviewOverdue(100)).as("not due until six months after 2025 ended").isZero();

		clock.set(Instant.parse("2026-07-02T00:00:00Z"));
		assertThat(updater.reviewOverdue(100)).isEqualTo(1);
		AlertChanged overdue = awaitAlert(key, AlertKind.ACTUAL_OVERDUE, AlertState.FIRING);
		assertThat(overdue.summary().en()).isEqualTo(
				"Hubei: R&D personnel in 2025: the year ended more than 6 months ago and no actual has been reported against the target of more than 500,000 people");
		assertThat(updater.reviewOverdue(100)).as("one alert, however often reviewed").isZero();

		send(actual("hubei", "rd_personnel", 2025, "510000", "persons", FigureStatus.FINAL, "2026-08-01"));
		awaitAlert(key, AlertKind.ACTUAL_OVERDUE, AlertState.RESOLVED);
		assertThat(alertsFor(key)).hasSize(2);
	}

	@Test
	void holdsBackTheChangesOfSilencedAlertsAndPublishesWhatIsLeftWhenTheSilenceEnds() {
		ServiceClient metrics = ServiceClient.onPort(port);
		String silence = """
				{"matchers": [{"name": "region", "value": "shenzhen"}, {"name": "indicator", "value": "tech_.*", "isRegex": true}],
				 "endsAt": "2026-12-01T00:00:00+08:00", "comment": "figures under review", "createdBy": "analyst"}""";
		assertThat(metrics.withApiKey(null).postJson("/api/v1/silences", silence).statusCode()).isEqualTo(401);
		HttpResponse<String> invalid = metrics.postJson("/api/v1/silences",
				"{\"matchers\": [{\"name\": \"city\", \"value\": \"(\", \"isRegex\": true}], \"comment\": \"\"}");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(invalid.body()).at("/errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("matchers[0].name", "matchers[0].value", "endsAt", "comment");
		HttpResponse<String> created = metrics.postJson("/api/v1/silences", silence);
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(json.readTree(created.body()).get("status").asString()).isEqualTo("ACTIVE");

		String key = "shenzhen:tech_smes:2022";
		send(target("shenzhen", "tech_smes", 2022, Comparator.GT, "20000", "count", "2022-01-20"));
		send(actual("shenzhen", "tech_smes", 2022, "19000", "count", FigureStatus.FINAL, "2023-01-20"));
		await().atMost(THROUGH_KAFKA).until(() -> get("/api/v1/alerts?region=shenzhen&silenced=true&kind=target_missed").at("/items").size() == 1);
		JsonNode held = get("/api/v1/alerts?region=shenzhen&silenced=true&kind=target_missed").at("/items/0");
		assertThat(held.get("state").asString()).isEqualTo("FIRING");
		assertThat(held.get("publishedState").isNull()).isTrue();
		// A series outside the silence, sent after, is published: the silenced one would have been too.
		send(target("sichuan", "tech_smes", 2022, Comparator.GT, "20000", "count", "2022-01-20"));
		awaitAlert("sichuan:tech_smes:2022", AlertKind.ACTUAL_OVERDUE, AlertState.FIRING);
		assertThat(alertsFor(key)).isEmpty();

		assertThat(metrics.delete(location).statusCode()).isEqualTo(204);
		assertThat(json.readTree(metrics.get(location).body()).get("status").asString()).isEqualTo("EXPIRED");
		AlertChanged released = awaitAlert(key, AlertKind.TARGET_MISSED, AlertState.FIRING);
		assertThat(released.alertId().toString()).isEqualTo(held.get("alertId").asString());
		// The overdue alert fired and resolved under the silence: subscribers never saw it, nor need to.
		assertThat(alertsFor(key)).extracting((a) -> a.kind() + " " + a.state()).containsExactly("TARGET_MISSED FIRING");
		assertThat(get("/api/v1/alerts?region=shenzhen&silenced=true").at("/items").size()).isZero();
	}

	@Test
	void aSilenceWrittenToBacktrackHoldsNoAlertUp() {
		// Java's own regular expressions take seconds for each of these against a 31-letter indicator (2.7 s with {12}
		// in place of {16}), and every alert change is checked against every active silence, its matchers in order
		// while they match: RE2 takes time linear in the label.
		String backtracking = "{\"name\": \"indicator\", \"value\": \"(?:\\\\w+){16}s_\", \"isRegex\": true, \"isEqual\": false}";
		String silence = "{\"matchers\": [" + String.join(", ", Collections.nCopies(4, backtracking))
				+ ", {\"name\": \"region\", \"value\": \"nowhere\"}], \"endsAt\": \"2099-01-01T00:00:00+08:00\", \"comment\": \"backtracks\"}";
		HttpResponse<String> created = ServiceClient.onPort(port).postJson("/api/v1/silences", silence);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

		send(target("hubei", "sci_tech_service_revenue_growth", 2022, Comparator.GTE, "15", "percent", "2022-01-20"));
		send(actual("hubei", "sci_tech_service_revenue_growth", 2022, "12", "percent", FigureStatus.FINAL, "2023-01-20"));

		AlertChanged missed = awaitAlert("hubei:sci_tech_service_revenue_growth:2022", AlertKind.TARGET_MISSED, AlertState.FIRING);
		assertThat(missed.labels()).containsEntry("indicator", "sci_tech_service_revenue_growth");
	}

	@Test
	void removesAnAlertFromTheCompactedTopicOnceItHasBeenResolvedForTheRetention() {
		String fingerprint = AlertChanged.fingerprintOf(AlertKind.TARGET_MISSED, "beijing", "little_giants", 2022);
		send(target("beijing", "little_giants", 2022, Comparator.GT, "1000", "count", "2022-01-20"));
		send(actual("beijing", "little_giants", 2022, "900", "count", FigureStatus.PRELIMINARY, "2023-01-20"));
		send(actual("beijing", "little_giants", 2022, "1100", "count", FigureStatus.FINAL, "2023-03-20"));
		awaitAlert("beijing:little_giants:2022", AlertKind.TARGET_MISSED, AlertState.RESOLVED);
		await().atMost(THROUGH_KAFKA).until(() -> currentFor(fingerprint).size() == 2);
		assertThat(sweeper.expireResolved()).as("resolved a moment ago").isZero();

		clock.set(clock.instant().plus(Duration.ofHours(25)));
		assertThat(sweeper.expireResolved()).isGreaterThanOrEqualTo(2);
		await().atMost(THROUGH_KAFKA).until(() -> currentFor(fingerprint).size() == 3);
		ConsumerRecord<String, byte[]> tombstone = currentFor(fingerprint).getLast();
		assertThat(tombstone.value()).isNull();
		assertThat(sweeper.expireResolved()).as("expired once").isZero();
	}

	@Test
	void streamsPublishedChangesThatPassTheFilterAsServerSentEvents() throws Exception {
		Subscription subscription = subscribe("kind=target_missed&region=wuhan");

		send(target("wuhan", "high_tech_enterprises", 2022, Comparator.GT, "10000", "count", "2022-01-20"));
		send(actual("wuhan", "high_tech_enterprises", 2022, "9000", "count", FigureStatus.FINAL, "2023-01-20"));

		await().atMost(THROUGH_KAFKA).until(() -> !subscription.data().isEmpty());
		subscription.close();
		AlertChanged streamed = subscription.data().getFirst();
		assertThat(streamed.kind()).as("the overdue alert before it is filtered out").isEqualTo(AlertKind.TARGET_MISSED);
		assertThat(streamed.region()).isEqualTo("wuhan");
		assertThat(subscription.lines()).contains("event:goalpost.alert.fired.v2");
	}

	@Test
	void readsTheAlertTopicOnlyWhileSomeoneListensAndFromWhenTheyCame() throws Exception {
		MessageListenerContainer reader = listeners.getListenerContainer(AlertStream.LISTENER_ID);
		awaitPaused(reader);
		send(target("hefei", "high_tech_enterprises", 2022, Comparator.GT, "10000", "count", "2022-01-20"));
		send(actual("hefei", "high_tech_enterprises", 2022, "9000", "count", FigureStatus.FINAL, "2023-01-20"));
		awaitAlert("hefei:high_tech_enterprises:2022", AlertKind.TARGET_MISSED, AlertState.FIRING);

		Subscription subscription = subscribe("kind=target_missed");
		await().atMost(THROUGH_KAFKA).until(() -> !reader.isContainerPaused());
		send(target("hangzhou", "high_tech_enterprises", 2022, Comparator.GT, "10000", "count", "2022-01-20"));
		send(actual("hangzhou", "high_tech_enterprises", 2022, "9000", "count", FigureStatus.FINAL, "2023-01-20"));

		await().atMost(THROUGH_KAFKA).until(() -> !subscription.data().isEmpty());
		assertThat(subscription.data()).extracting(AlertChanged::region)
			.as("the miss published before the subscriber came is not streamed to it")
			.containsExactly("hangzhou");
		subscription.close();
		awaitPaused(reader);
	}

	@Test
	void refusesSilencesThatCouldNotBeStoredAndStoresNothingOfThem() {
		ServiceClient metrics = ServiceClient.onPort(port);
		Map<String, Object> valid = Map.of("matchers", List.of(Map.of("name", "region", "value", "xian")), "endsAt",
				"2026-12-01T00:00:00+08:00", "comment", "under review");
		Map<String, Map<String, Object>> wrongAt = Map.of(
				"comment", with(valid, "comment", "under\0review"),
				"createdBy", with(valid, "createdBy", "analyst\0"),
				"matchers[0].value", with(valid, "matchers", List.of(Map.of("name", "region", "value", "xi\0an"))),
				"endsAt", with(valid, "endsAt", "+999999999-12-31T23:59:59Z"),
				"startsAt", with(valid, "startsAt", "-999999999-01-01T00:00:00Z"),
				"matchers", with(valid, "matchers", Collections.nCopies(21, Map.of("name", "region", "value", "xian"))));
		int stored = get("/api/v1/silences?size=1000").at("/items").size();

		wrongAt.forEach((field, silence) -> {
			HttpResponse<String> refused = metrics.postJson("/api/v1/silences", json.writeValueAsString(silence));
			assertThat(refused.statusCode()).as(field).isEqualTo(400);
			assertThat(json.readTree(refused.body()).at("/errors").findValuesAsString("field")).as(field).containsExactly(field);
		});
		HttpResponse<String> tooLong = metrics.postJson("/api/v1/silences", json.writeValueAsString(
				with(with(valid, "createdBy", "a".repeat(201)), "matchers", List.of(Map.of("name", "region", "value", "x".repeat(1001))))));
		assertThat(json.readTree(tooLong.body()).at("/errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("createdBy", "matchers[0].value");

		assertThat(metrics.postJson("/api/v1/silences", """
				{"matchers": [{"name": "region", "value": "xian"}], "endsAt": "2026-12-01T00:00:00+08:00",
				 "endsAt": "9999-01-01T00:00:00Z", "comment": "which end?"}""").statusCode()).as("a key given twice").isEqualTo(400);

		assertThat(get("/api/v1/silences?size=1000").at("/items")).hasSize(stored);
		assertThat(metrics.postJson("/api/v1/silences", json.writeValueAsString(valid)).statusCode()).isEqualTo(201);
	}

	private static Map<String, Object> with(Map<String, Object> silence, String field, Object value) {
		Map<String, Object> changed = new HashMap<>(silence);
		changed.put(field, value);
		return changed;
	}

	@Test
	void refusesAStreamPastTheLimitUntilOneEnds() throws Exception {
		MessageListenerContainer reader = listeners.getListenerContainer(AlertStream.LISTENER_ID);
		awaitPaused(reader);
		List<Subscription> open = new ArrayList<>(List.of(subscribe(""), subscribe(""), subscribe("")));

		HttpResponse<InputStream> refused = open("kind=target_missed");
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(new String(refused.body().readAllBytes(), StandardCharsets.UTF_8))
			.contains("goalpost.alerts.stream-max-subscribers");

		open.removeFirst().close();
		AtomicReference<HttpResponse<InputStream>> admitted = new AtomicReference<>();
		await().atMost(THROUGH_KAFKA).until(() -> {
			stream.heartbeat();
			HttpResponse<InputStream> response = open("");
			if (response.statusCode() == 200) {
				admitted.set(response);
				return true;
			}
			response.body().close();
			return false;
		});
		admitted.get().body().close();
		for (Subscription subscription : open) {
			subscription.close();
		}
		awaitPaused(reader);
	}

	/** Until the stream's consumer is paused: a closed stream, this test's or an earlier one's, is noticed at a write. */
	private void awaitPaused(MessageListenerContainer reader) {
		await().atMost(THROUGH_KAFKA).until(() -> {
			stream.heartbeat();
			return reader.isContainerPaused();
		});
	}

	/** An open server-sent event stream of alert changes and the lines read from it so far. */
	private record Subscription(HttpResponse<InputStream> response, List<String> lines) {

		List<AlertChanged> data() {
			return lines.stream()
				.filter((line) -> line.startsWith("data:"))
				.map((line) -> EventCodec.read(line.substring("data:".length()).getBytes(StandardCharsets.UTF_8),
						AlertChanged.class))
				.toList();
		}

		void close() throws IOException {
			response.body().close();
		}

	}

	private Subscription subscribe(String query) throws Exception {
		List<String> lines = new CopyOnWriteArrayList<>();
		HttpResponse<InputStream> response = open(query);
		assertThat(response.statusCode()).isEqualTo(200);
		CompletableFuture.runAsync(() -> new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))
			.lines()
			.forEach(lines::add));
		// Subscribed once the stream's first comment is read; its consumer is then assigned and reading.
		await().atMost(THROUGH_KAFKA).until(() -> lines.contains(":subscribed"));
		await().atMost(THROUGH_KAFKA).until(() -> !listeners.getListenerContainer(AlertStream.LISTENER_ID).getAssignedPartitions().isEmpty());
		return new Subscription(response, lines);
	}

	private HttpResponse<InputStream> open(String query) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alerts/stream?" + query))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
	}

	private void send(FigureReported figure) {
		producer.send("indicator-figures-" + suffix, figure.key(), EventCodec.write(figure), Figures.headers(figure));
	}

	private JsonNode get(String path) {
		return json.readTree(ServiceClient.onPort(port).get(path).body());
	}

	private static AlertChanged awaitAlert(String key, AlertKind kind, AlertState state) {
		return AlertChanges.await(alerts, key, kind, state);
	}

	private static List<AlertChanged> alertsFor(String key) {
		return AlertChanges.of(alerts, key);
	}

	private static List<ConsumerRecord<String, byte[]>> currentFor(String fingerprint) {
		return current.records().stream().filter((record) -> fingerprint.equals(record.key())).toList();
	}

	/** A clock the test moves. */
	static final class MovableClock extends Clock {

		private volatile Instant now = TODAY;

		void set(Instant instant) {
			now = instant;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(now, zone);
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
