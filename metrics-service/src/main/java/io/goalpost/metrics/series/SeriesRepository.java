package io.goalpost.metrics.series;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Source;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The figures received and the series state derived from them. */
@Repository
class SeriesRepository {

	private static final String FIGURE_COLUMNS = """
			event_id, kind, comparator, value, unit, status, source_title, source_url, source_publisher,
			published_at, sentence, reported_at, received_at
			""";

	private static final String INSERT_FIGURES = """
			INSERT INTO figure_event (event_id, region, indicator, year, kind, comparator, value, unit, status,
			    source_title, source_url, source_publisher, published_at, sentence, reported_at,
			    kafka_partition, kafka_offset)
			VALUES %s
			ON CONFLICT (event_id) DO NOTHING
			RETURNING event_id
			""";

	private static final String ENSURE_ALL_SERIES = """
			INSERT INTO series (region, indicator, year, unit) VALUES %s
			ON CONFLICT (region, indicator, year) DO NOTHING
			""";

	private static final String LOCK_ALL_SERIES = """
			SELECT region FROM series WHERE (region, indicator, year) IN (%s)
			ORDER BY region, indicator, year FOR UPDATE
			""";

	private static final String UPDATE_ONE_SERIES = """
			UPDATE series SET target_event_id = ?, actual_event_id = ?, verdict = ?, shortfall = ?, updated_at = now()
			WHERE region = ? AND indicator = ? AND year = ?
			""";

	private static final String SERIES_SELECT = """
			SELECT s.region, s.indicator, s.year, s.unit, s.verdict, s.shortfall, s.updated_at,
			    t.event_id AS t_event_id, t.kind AS t_kind, t.comparator AS t_comparator, t.value AS t_value,
			    t.unit AS t_unit, t.status AS t_status, t.source_title AS t_source_title, t.source_url AS t_source_url,
			    t.source_publisher AS t_source_publisher, t.published_at AS t_published_at, t.sentence AS t_sentence,
			    t.reported_at AS t_reported_at, t.received_at AS t_received_at,
			    a.event_id AS a_event_id, a.kind AS a_kind, a.comparator AS a_comparator, a.value AS a_value,
			    a.unit AS a_unit, a.status AS a_status, a.source_title AS a_source_title, a.source_url AS a_source_url,
			    a.source_publisher AS a_source_publisher, a.published_at AS a_published_at, a.sentence AS a_sentence,
			    a.reported_at AS a_reported_at, a.received_at AS a_received_at
			FROM series s
			LEFT JOIN figure_event t ON t.event_id = s.target_event_id
			LEFT JOIN figure_event a ON a.event_id = s.actual_event_id
			""";

	private static final String SERIES_FILTERED = SERIES_SELECT + """
			WHERE (CAST(:region AS text) IS NULL OR s.region = :region)
			  AND (CAST(:indicator AS text) IS NULL OR s.indicator = :indicator)
			  AND (CAST(:year AS integer) IS NULL OR s.year = :year)
			ORDER BY s.region, s.indicator, s.year
			LIMIT :limit
			""";

	private static final String HISTORY = "SELECT " + FIGURE_COLUMNS + """
			FROM figure_event
			WHERE region = :region AND indicator = :indicator AND year = :year
			ORDER BY coalesce(published_at, reported_at), reported_at, event_id
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	SeriesRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Stores the figures not received before, in one statement. @return the ids that were new */
	Set<UUID> insertFigures(List<Received> figures) {
		if (figures.isEmpty()) {
			return Set.of();
		}
		List<Object> params = new ArrayList<>(figures.size() * 17);
		for (Received received : figures) {
			FigureReported figure = received.figure();
			Source source = (figure.source() != null) ? figure.source() : Source.UNKNOWN;
			params.addAll(java.util.Arrays.asList(figure.eventId(), figure.region(), figure.indicator(), figure.year(),
					lower(figure.kind().name()), lower(figure.comparator().name()), figure.value(), figure.unit(),
					(figure.status() != null) ? lower(figure.status().name()) : null, source.title(), source.url(),
					source.publisher(), source.publishedAt(), figure.sentence(), figure.reportedAt().atOffset(ZoneOffset.UTC),
					received.partition(), received.offset()));
		}
		String rows = String.join(", ", java.util.Collections.nCopies(figures.size(),
				"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
		return new HashSet<>(jdbc.sql(INSERT_FIGURES.formatted(rows)).params(params).query(UUID.class).list());
	}

	/** Creates the series that are new and locks all of them, in one order, until the transaction ends. */
	void lockAll(Map<SeriesKey, String> unitsBySeries) {
		List<SeriesKey> keys = unitsBySeries.keySet().stream().sorted(KEY_ORDER).toList();
		List<Object> ensure = new ArrayList<>();
		for (SeriesKey key : keys) {
			ensure.addAll(List.of(key.region(), key.indicator(), key.year(), unitsBySeries.get(key)));
		}
		jdbc.sql(ENSURE_ALL_SERIES.formatted(String.join(", ", java.util.Collections.nCopies(keys.size(), "(?, ?, ?, ?)"))))
			.params(ensure)
			.update();
		jdbc.sql(LOCK_ALL_SERIES.formatted(SeriesKey.tuples(keys.size()))).params(SeriesKey.values(keys)).query(String.class).list();
	}

	/** The current state of these series, one query. */
	Map<SeriesKey, SeriesState> current(Collection<SeriesKey> keys) {
		Map<SeriesKey, SeriesState> states = new HashMap<>();
		jdbc.sql(SERIES_SELECT + "WHERE (s.region, s.indicator, s.year) IN (" + SeriesKey.tuples(keys.size()) + ")")
			.params(SeriesKey.values(keys))
			.query(SeriesRepository::state)
			.list()
			.forEach((state) -> states.put(new SeriesKey(state.region(), state.indicator(), state.year()), state));
		return states;
	}

	/** Writes the current target, actual and verdict of each series, one batch. */
	void updateAll(Collection<SeriesState> states) {
		template.batchUpdate(UPDATE_ONE_SERIES, states.stream()
			.map((s) -> new Object[] { (s.target() != null) ? s.target().eventId() : null,
					(s.actual() != null) ? s.actual().eventId() : null, s.verdict(), s.shortfall(), s.region(),
					s.indicator(), s.year() })
			.toList());
	}

	private static final java.util.Comparator<SeriesKey> KEY_ORDER = java.util.Comparator.comparing(SeriesKey::region)
		.thenComparing(SeriesKey::indicator)
		.thenComparingInt(SeriesKey::year);

	List<SeriesState> find(String region, String indicator, Integer year, int limit) {
		return jdbc.sql(SERIES_FILTERED)
			.param("region", region)
			.param("indicator", indicator)
			.param("year", year)
			.param("limit", limit)
			.query(SeriesRepository::state)
			.list();
	}

	List<Figure> history(SeriesKey key) {
		return jdbc.sql(HISTORY).params(key.params()).query((rs, i) -> figure(rs, "")).list();
	}

	private static SeriesState state(ResultSet rs, int row) throws SQLException {
		return new SeriesState(rs.getString("region"), rs.getString("indicator"), rs.getInt("year"),
				rs.getString("unit"), (rs.getObject("t_event_id") != null) ? figure(rs, "t_") : null,
				(rs.getObject("a_event_id") != null) ? figure(rs, "a_") : null, rs.getString("verdict"),
				rs.getBigDecimal("shortfall"), rs.getTimestamp("updated_at").toInstant());
	}

	private static Figure figure(ResultSet rs, String prefix) throws SQLException {
		return new Figure(rs.getObject(prefix + "event_id", UUID.class), rs.getString(prefix + "kind"),
				rs.getString(prefix + "comparator"), rs.getBigDecimal(prefix + "value"), rs.getString(prefix + "unit"),
				rs.getString(prefix + "status"),
				new Figure.Provenance(rs.getString(prefix + "source_title"), rs.getString(prefix + "source_url"),
						rs.getString(prefix + "source_publisher"),
						rs.getObject(prefix + "published_at", OffsetDateTime.class)),
				rs.getString(prefix + "sentence"), instant(rs.getTimestamp(prefix + "reported_at")),
				instant(rs.getTimestamp(prefix + "received_at")));
	}

	private static java.time.Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
