package io.goalpost.system;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.FigureStatus;
import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.contract.Region;
import io.goalpost.contract.Source;
import io.goalpost.support.CloudEventRecords;
import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.TestProducer;
import io.goalpost.testsupport.TopicReader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream of figures over many series whose outcome is known in advance: per series one target (gte
 * 1000) and then actuals, each from a later publication, that alternately miss and meet it. Knowing the
 * order, the number of alerts that must fire and resolve follows, and so does every series' final state.
 */
final class SeriesWorkload {

	private static final List<String> INDICATORS = List.of("high_tech_enterprises", "tech_smes", "little_giants",
			"star_market_listings");

	private static final BigDecimal TARGET = new BigDecimal("1000");

	private final List<List<FigureReported>> rounds = new ArrayList<>();

	private final Map<String, BigDecimal> finalActual = new HashMap<>();

	private int fired;

	private int resolved;

	SeriesWorkload(int seriesCount, int actualsPerSeries) {
		List<Region> regions = List.copyOf(IndicatorCatalogue.standard().regions());
		for (int round = 0; round <= actualsPerSeries; round++) {
			rounds.add(new ArrayList<>());
		}
		for (int i = 0; i < seriesCount; i++) {
			String region = regions.get(i % regions.size()).id();
			String indicator = INDICATORS.get((i / regions.size()) % INDICATORS.size());
			// Future years, later first: no actual is overdue, and no year awaits its actual while earlier ones
			// have theirs, so the only alerts are misses and their count follows from the values alone.
			int year = 2099 - i / (regions.size() * INDICATORS.size());
			rounds.get(0).add(figure(region, indicator, year, FigureKind.TARGET, TARGET, 0));
			boolean firing = false;
			for (int k = 1; k <= actualsPerSeries; k++) {
				BigDecimal value = ((k + i) % 2 == 0) ? new BigDecimal("900") : new BigDecimal("1100");
				rounds.get(k).add(figure(region, indicator, year, FigureKind.ACTUAL, value, k));
				boolean missed = value.compareTo(TARGET) < 0;
				if (missed && !firing) {
					fired++;
					firing = true;
				}
				else if (!missed && firing) {
					resolved++;
					firing = false;
				}
				finalActual.put(region + ":" + indicator + ":" + year, value);
			}
		}
	}

	int figureCount() {
		return rounds.stream().mapToInt(List::size).sum();
	}

	/** Publishes the rounds from {@code from} (inclusive) to {@code to} (exclusive), in order. */
	void publish(String topic, int from, int to) {
		try (TestProducer producer = new TestProducer()) {
			for (List<FigureReported> round : rounds.subList(from, to)) {
				for (FigureReported figure : round) {
					producer.send(topic, figure.key(), EventCodec.write(figure), EventCodec.headers(figure.eventId().toString(),
							EventTypes.FIGURE_REPORTED, "/test/workload", figure.key(), figure.reportedAt()));
				}
			}
		}
	}

	int rounds() {
		return rounds.size();
	}

	static long applied(Infrastructure.Database database) {
		JdbcClient sql = sql(database);
		// A service started in a process of its own may not have run its migrations yet: nothing is applied.
		if (!sql.sql("SELECT to_regclass('figure_event') IS NOT NULL").query(Boolean.class).single()) {
			return 0;
		}
		return sql.sql("SELECT count(*) FROM figure_event").query(Long.class).single();
	}

	/** Every figure in the state once, every series at its last actual, every due alert raised and resolved once. */
	void assertFinalState(Infrastructure.Database database, TopicReader alertsTopic) {
		JdbcClient sql = sql(database);
		assertThat(sql.sql("SELECT count(*) FROM figure_event").query(Long.class).single()).isEqualTo(figureCount());
		Map<String, BigDecimal> actuals = new HashMap<>();
		sql.sql("""
				SELECT s.region || ':' || s.indicator || ':' || s.year AS series, a.value FROM series s
				JOIN figure_event a ON a.event_id = s.actual_event_id
				""").query((rs, row) -> actuals.put(rs.getString(1), rs.getBigDecimal(2))).list();
		assertThat(actuals).hasSameSizeAs(finalActual);
		finalActual.forEach((series, value) -> assertThat(actuals.get(series)).as(series).isEqualByComparingTo(value));
		assertThat(sql.sql("SELECT count(*) FROM alert").query(Long.class).single()).isEqualTo(fired);
		assertThat(sql.sql("SELECT count(*) FROM alert WHERE kind = 'TARGET_MISSED'").query(Long.class).single()).isEqualTo(fired);
		assertThat(sql.sql("SELECT count(*) FROM alert WHERE ends_at IS NOT NULL").query(Long.class).single())
			.isEqualTo(resolved);
		assertThat(sql.sql("SELECT count(*) FROM alert_outbox").query(Long.class).single()).as("changes left unpublished").isZero();
		Set<String> published = new HashSet<>();
		alertsTopic.records().forEach((r) -> published.add(CloudEventRecords.header(r, EventTypes.HEADER_ID)));
		assertThat(published).hasSize(fired + resolved);
	}

	int expectedAlertChanges() {
		return fired + resolved;
	}

	private static FigureReported figure(String region, String indicator, int year, FigureKind kind, BigDecimal value,
			int publication) {
		Source source = new Source("workload", "https://example.org/workload/" + publication, "test",
				OffsetDateTime.parse("2020-01-01T00:00:00+08:00").plusDays(publication));
		Comparator comparator = (kind == FigureKind.TARGET) ? Comparator.GTE : Comparator.EQ;
		FigureStatus status = (kind == FigureKind.ACTUAL) ? FigureStatus.FINAL : null;
		return new FigureReported(FigureReported.idOf(region, indicator, year, kind, comparator, value, status, source),
				region, indicator, year, kind, comparator, value, "count", status, source, null, Instant.now());
	}

	static JdbcClient sql(Infrastructure.Database database) {
		return JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
	}

}
