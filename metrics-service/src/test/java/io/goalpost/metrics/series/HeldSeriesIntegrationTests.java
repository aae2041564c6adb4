package io.goalpost.metrics.series;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.goalpost.contract.AlertKind;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.Comparator;
import io.goalpost.contract.EventCodec;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.FigureStatus;
import io.goalpost.metrics.AlertChanges;
import io.goalpost.metrics.Figures;
import io.goalpost.metrics.alerts.AlertSweeper;
import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.TestProducer;
import io.goalpost.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.goalpost.metrics.Figures.actual;
import static io.goalpost.metrics.Figures.target;
import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer holds its series in memory between batches and writes without reading them first. These tests
 * change what it holds behind its back, as another instance that had the partition for a while or a sweeper
 * would, and check that the next figure is applied to what is stored, not to what was held.
 */
@SpringBootTest(properties = "spring.config.name=metrics")
class HeldSeriesIntegrationTests {

	private static String suffix;

	private static TestProducer producer;

	private static TopicReader alerts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AlertSweeper sweeper;

	@Autowired
	SeriesUpdater updater;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		suffix = Infrastructure.register(registry);
	}

	@BeforeEach
	void clients() {
		if (producer == null) {
			producer = new TestProducer();
			alerts = TopicReader.of("indicator-alerts-" + suffix);
		}
	}

	@AfterAll
	static void close() {
		producer.close();
		alerts.close();
	}

	@Test
	void aTargetRaisedByAnotherInstanceIsWhatTheNextActualIsJudgedAgainst() {
		send(target("sichuan", "tech_smes", 2031, Comparator.GTE, "1000", "count", "2031-01-10"));
		await().atMost(THROUGH_KAFKA).until(() -> verdict("sichuan", "tech_smes", 2031) != null);

		// Written as another instance's consumer writes a batch: the figure, the series, the region's indicator.
		FigureReported raised = target("sichuan", "tech_smes", 2031, Comparator.GTE, "2000", "count", "2031-06-01");
		storeAsAnotherInstance(raised);

		send(actual("sichuan", "tech_smes", 2031, "1500", "count", FigureStatus.FINAL, "2032-01-20"));
		await().atMost(THROUGH_KAFKA).until(() -> "MISSED".equals(verdict("sichuan", "tech_smes", 2031)));
		assertThat(jdbc.sql("SELECT target_event_id FROM series WHERE region = 'sichuan' AND indicator = 'tech_smes' AND year = 2031")
			.query(UUID.class).single()).isEqualTo(raised.eventId());
		assertThat(AlertChanges.await(alerts, "sichuan:tech_smes:2031", AlertKind.TARGET_MISSED, AlertState.FIRING).targetValue())
			.isEqualByComparingTo("2000");
	}

	@Test
	void anAlertReleasedByTheSweeperIsNotHeldBackAgainByTheNextFigure() {
		String key = "guangdong:little_giants:2032";
		jdbc.sql("""
				INSERT INTO silence (silence_id, matchers, starts_at, ends_at, comment, created_by, created_at)
				VALUES (:id, CAST(:matchers AS jsonb), now() - interval '1 minute', now() + interval '1 day', 'test', 'test', now())
				""")
			.param("id", UUID.randomUUID())
			.param("matchers", "[{\"name\":\"region\",\"value\":\"guangdong\",\"isRegex\":false,\"isEqual\":true}]")
			.update();
		send(target("guangdong", "little_giants", 2032, Comparator.GTE, "100", "count", "2032-01-10"));
		send(actual("guangdong", "little_giants", 2032, "90", "count", FigureStatus.PRELIMINARY, "2033-01-10"));
		await().atMost(THROUGH_KAFKA).until(() -> jdbc.sql("SELECT count(*) FROM alert WHERE silenced AND state = 'FIRING'")
			.query(Long.class).single() == 1);

		jdbc.sql("DELETE FROM silence").update();
		assertThat(sweeper.releaseSilenced()).isEqualTo(1);
		AlertChanges.await(alerts, key, AlertKind.TARGET_MISSED, AlertState.FIRING);

		// A revision that still misses refreshes the alert: it must keep the alert as released, not as held.
		send(actual("guangdong", "little_giants", 2032, "95", "count", FigureStatus.FINAL, "2033-03-01"));
		await().atMost(THROUGH_KAFKA).until(() -> jdbc.sql("SELECT actual_value FROM alert WHERE state = 'FIRING'")
			.query(java.math.BigDecimal.class).single().intValue() == 95);
		assertThat(jdbc.sql("SELECT silenced FROM alert").query(Boolean.class).single()).isFalse();
		assertThat(sweeper.releaseSilenced()).as("nothing left to release").isZero();
		assertThat(AlertChanges.of(alerts, key)).as("fired once").hasSize(1);
	}

	@Test
	void aBatchThatRaisesRefreshesResolvesAndRaisesAgainLeavesWhatFiguresOneAtATimeWould() {
		// Applied directly, each list one transaction: a batch as a poll would bring it, whatever the consumers do.
		String pair = "hubei:rd_intensity:";
		updater.applyAll(received(target("hubei", "rd_intensity", 2034, Comparator.GTE, "2.5", "percent", "2034-01-10"),
				target("hubei", "rd_intensity", 2035, Comparator.GTE, "2.6", "percent", "2035-01-10"),
				actual("hubei", "rd_intensity", 2034, "2.0", "percent", FigureStatus.FINAL, "2035-01-20")));
		AlertChanges.await(alerts, pair + 2034, AlertKind.TARGET_MISSED, AlertState.FIRING);

		// 2034's alert stays as held, untouched; 2035's is raised, refreshed, resolved and raised again.
		updater.applyAll(received(actual("hubei", "rd_intensity", 2035, "2.1", "percent", FigureStatus.ESTIMATE, "2036-01-05"),
				actual("hubei", "rd_intensity", 2035, "2.2", "percent", FigureStatus.ESTIMATE, "2036-01-06"),
				actual("hubei", "rd_intensity", 2035, "2.7", "percent", FigureStatus.PRELIMINARY, "2036-01-07"),
				actual("hubei", "rd_intensity", 2035, "2.3", "percent", FigureStatus.FINAL, "2036-01-08")));
		assertThat(firing("hubei", "rd_intensity")).containsExactly("2034 2.0", "2035 2.3");

		// The next batch starts from what the last one left held: both resolve, and nothing else changes.
		updater.applyAll(received(actual("hubei", "rd_intensity", 2034, "2.5", "percent", FigureStatus.FINAL, "2036-02-01"),
				actual("hubei", "rd_intensity", 2035, "2.6", "percent", FigureStatus.FINAL, "2036-02-01")));
		assertThat(firing("hubei", "rd_intensity")).isEmpty();
		await().atMost(THROUGH_KAFKA).until(() -> AlertChanges.of(alerts, pair + 2035).size() == 4);
		assertThat(AlertChanges.of(alerts, pair + 2035))
			.extracting((change) -> change.state() + " " + change.actualValue().toPlainString())
			.containsExactly("FIRING 2.1", "RESOLVED 2.7", "FIRING 2.3", "RESOLVED 2.6");
		assertThat(AlertChanges.of(alerts, pair + 2034))
			.extracting((change) -> change.state() + " " + change.actualValue().toPlainString())
			.containsExactly("FIRING 2.0", "RESOLVED 2.5");
		assertThat(jdbc.sql("SELECT count(*) FROM alert WHERE region = 'hubei' AND indicator = 'rd_intensity'")
			.query(Long.class).single()).as("one row per firing").isEqualTo(3);
	}

	@Test
	void aBatchReviewsTheLaterYearsThatItLeavesAwaitingTheirActual() {
		// One transaction: after an actual, 2030 gets its target, later actuals project a miss for it, then its own
		// actual comes.
		String key = "sichuan:tech_smes:2030";
		updater.applyAll(received(actual("sichuan", "tech_smes", 2026, "40000", "count", FigureStatus.FINAL, "2027-01-20"),
				target("sichuan", "tech_smes", 2030, Comparator.GTE, "60000", "count", "2026-01-10"),
				actual("sichuan", "tech_smes", 2027, "44000", "count", FigureStatus.FINAL, "2028-01-20"),
				actual("sichuan", "tech_smes", 2028, "48000", "count", FigureStatus.FINAL, "2029-01-20"),
				actual("sichuan", "tech_smes", 2030, "61000", "count", FigureStatus.FINAL, "2031-01-20"),
				actual("sichuan", "tech_smes", 2029, "30000", "count", FigureStatus.FINAL, "2031-02-20")));

		await().atMost(THROUGH_KAFKA).until(() -> AlertChanges.of(alerts, key).size() == 2);
		assertThat(AlertChanges.of(alerts, key)).extracting((change) -> change.kind() + " " + change.state())
			.containsExactly("TARGET_AT_RISK FIRING", "TARGET_AT_RISK RESOLVED");
		assertThat(jdbc.sql("SELECT count(*) FROM alert WHERE region = 'sichuan' AND indicator = 'tech_smes' AND state = 'FIRING'")
			.query(Long.class).single()).as("2030 has its actual: nothing at risk").isZero();
	}

	@Test
	void aBatchThatOpensWithATargetReviewsItsYearAtTheFirstActual() {
		// One transaction, the target first: the years awaiting an actual are found at the first actual, with it.
		String key = "hubei:tech_smes:2030";
		updater.applyAll(received(target("hubei", "tech_smes", 2030, Comparator.GTE, "60000", "count", "2026-01-10"),
				actual("hubei", "tech_smes", 2026, "40000", "count", FigureStatus.FINAL, "2027-01-20"),
				actual("hubei", "tech_smes", 2027, "44000", "count", FigureStatus.FINAL, "2028-01-20"),
				actual("hubei", "tech_smes", 2028, "48000", "count", FigureStatus.FINAL, "2029-01-20")));

		await().atMost(THROUGH_KAFKA).until(() -> AlertChanges.of(alerts, key).size() == 1);
		assertThat(AlertChanges.of(alerts, key)).extracting((change) -> change.kind() + " " + change.state())
			.containsExactly("TARGET_AT_RISK FIRING");
		assertThat(jdbc.sql("SELECT kind || ' ' || year FROM alert WHERE region = 'hubei' AND indicator = 'tech_smes' AND state = 'FIRING'")
			.query(String.class)
			.list()).as("the trend of 2026-2028 projects 56,000 for 2030").containsExactly("TARGET_AT_RISK 2030");
	}

	private List<String> firing(String region, String indicator) {
		return jdbc.sql("SELECT year, actual_value FROM alert WHERE state = 'FIRING' AND region = ? AND indicator = ? ORDER BY year")
			.params(region, indicator)
			.query((rs, i) -> rs.getInt("year") + " " + rs.getBigDecimal("actual_value").toPlainString())
			.list();
	}

	private static List<Received> received(FigureReported... figures) {
		return Arrays.stream(figures).map((figure) -> new Received(figure, 0, 0)).toList();
	}

	private String verdict(String region, String indicator, int year) {
		return jdbc.sql("SELECT verdict FROM series WHERE region = ? AND indicator = ? AND year = ? AND target_event_id IS NOT NULL")
			.params(region, indicator, year)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private void storeAsAnotherInstance(FigureReported figure) {
		jdbc.sql("""
				INSERT INTO figure_event (event_id, region, indicator, year, kind, comparator, value, unit, published_at, reported_at)
				VALUES (?, ?, ?, ?, 'target', 'gte', ?, ?, ?, ?)
				""")
			.params(figure.eventId(), figure.region(), figure.indicator(), figure.year(), figure.value(), figure.unit(),
					figure.source().publishedAt(), java.sql.Timestamp.from(Instant.now()))
			.update();
		jdbc.sql("UPDATE series SET target_event_id = ?, version = version + 1 WHERE region = ? AND indicator = ? AND year = ?")
			.params(figure.eventId(), figure.region(), figure.indicator(), figure.year())
			.update();
		jdbc.sql("UPDATE region_indicator SET version = version + 1 WHERE region = ? AND indicator = ?")
			.params(figure.region(), figure.indicator())
			.update();
	}

	private void send(FigureReported figure) {
		producer.send("indicator-figures-" + suffix, figure.key(), EventCodec.write(figure), Figures.headers(figure));
	}

}
