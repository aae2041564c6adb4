package io.goalpost.metrics.series;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.goalpost.contract.Source;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The figures received and the series state derived from them. */
@Repository
class SeriesRepository {

	private static final String FIGURE_COLUMNS = """
			event_id, kind, comparator, value, unit, status, source_title, source_url, source_publisher,
			published_at, sentence, reported_at, received_at
			""";

	private static final Unnest<Received> FIGURE_ROWS = new Unnest<>(
			Unnest.Column.of("uuid", (Received r) -> r.figure().eventId()),
			Unnest.Column.of("text", (Received r) -> r.figure().region()),
			Unnest.Column.of("text", (Received r) -> r.figure().indicator()),
			Unnest.Column.of("integer", (Received r) -> r.figure().year()),
			Unnest.Column.of("text", (Received r) -> Figure.stored(r.figure().kind())),
			Unnest.Column.of("text", (Received r) -> Figure.stored(r.figure().comparator())),
			Unnest.Column.of("numeric", (Received r) -> r.figure().value()),
			Unnest.Column.of("text", (Received r) -> r.figure().unit()),
			Unnest.Column.of("text", (Received r) -> Figure.stored(r.figure().status())),
			Unnest.Column.of("text", (Received r) -> source(r).title()),
			Unnest.Column.of("text", (Received r) -> source(r).url()),
			Unnest.Column.of("text", (Received r) -> source(r).publisher()),
			Unnest.Column.of("timestamptz", (Received r) -> source(r).publishedAt()),
			Unnest.Column.of("text", (Received r) -> r.figure().sentence()),
			Unnest.Column.of("timestamptz", (Received r) -> r.figure().reportedAt()),
			Unnest.Column.of("integer", Received::partition),
			Unnest.Column.of("bigint", Received::offset));

	private static final String INSERT_FIGURES = """
			INSERT INTO figure_event (event_id, region, indicator, year, kind, comparator, value, unit, status,
			    source_title, source_url, source_publisher, published_at, sentence, reported_at,
			    kafka_partition, kafka_offset)
			SELECT * FROM %s
			ON CONFLICT (event_id) DO NOTHING
			RETURNING event_id
			""".formatted(FIGURE_ROWS.call());

	private static final Unnest<Map.Entry<SeriesKey, String>> SERIES_ROWS = new Unnest<>(
			Unnest.Column.of("text", (Map.Entry<SeriesKey, String> e) -> e.getKey().region()),
			Unnest.Column.of("text", (Map.Entry<SeriesKey, String> e) -> e.getKey().indicator()),
			Unnest.Column.of("integer", (Map.Entry<SeriesKey, String> e) -> e.getKey().year()),
			Unnest.Column.of("text", (Map.Entry<SeriesKey, String> e) -> e.getValue()));

	// In key order, so that two transactions creating the same series wait for each other instead of deadlocking.
	private static final String ENSURE_ALL_SERIES = """
			INSERT INTO series (region, indicator, year, unit)
			SELECT * FROM %s AS k(region, indicator, year, unit) ORDER BY region, indicator, year
			ON CONFLICT (region, indicator, year) DO NOTHING
			""".formatted(SERIES_ROWS.call());

	private static final Unnest<SeriesState> STATE_ROWS = new Unnest<>(
			Unnest.Column.of("text", SeriesState::region), Unnest.Column.of("text", SeriesState::indicator),
			Unnest.Column.of("integer", SeriesState::year),
			Unnest.Column.of("uuid", (SeriesState s) -> (s.target() != null) ? s.target().eventId() : null),
			Unnest.Column.of("uuid", (SeriesState s) -> (s.actual() != null) ? s.actual().eventId() : null),
			Unnest.Column.of("text", SeriesState::verdict), Unnest.Column.of("numeric", SeriesState::shortfall));

	private static final String UPDATE_ALL_SERIES = """
			UPDATE series s SET target_event_id = u.target_event_id, actual_event_id = u.actual_event_id,
			    verdict = u.verdict, shortfall = u.shortfall, updated_at = now()
			FROM %s AS u(region, indicator, year, target_event_id, actual_event_id, verdict, shortfall)
			WHERE s.region = u.region AND s.indicator = u.indicator AND s.year = u.year
			""".formatted(STATE_ROWS.call());

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
			LIMIT :limit OFFSET :offset
			""";

	private static final String HISTORY = "SELECT " + FIGURE_COLUMNS + """
			FROM figure_event
			WHERE region = :region AND indicator = :indicator AND year = :year
			ORDER BY coalesce(published_at, reported_at), reported_at, event_id
			""";

	private static final String AWAITING_ACTUAL = """
			SELECT s.region, s.indicator, s.year, s.unit FROM series s
			WHERE s.target_event_id IS NOT NULL AND s.actual_event_id IS NULL
			  AND EXISTS (SELECT 1 FROM %s AS u(region, indicator, year)
			      WHERE u.region = s.region AND u.indicator = s.indicator AND s.year > u.year)
			""".formatted(SeriesKey.unnest());

	private static final String ACTUALS = """
			SELECT s.region, s.indicator, s.year, a.value FROM series s JOIN figure_event a ON a.event_id = s.actual_event_id
			WHERE """ + RegionIndicator.anyOf("s.region, s.indicator");

	// Series a consumer holds are skipped: it reviews them itself, and the next sweep catches the rest.
	private static final String LOCK_OVERDUE = SERIES_SELECT + """
			WHERE s.target_event_id IS NOT NULL AND s.actual_event_id IS NULL AND s.year <= :year
			  AND NOT EXISTS (SELECT 1 FROM alert x WHERE x.state = 'FIRING' AND x.kind = 'ACTUAL_OVERDUE'
			      AND x.region = s.region AND x.indicator = s.indicator AND x.year = s.year)
			ORDER BY s.region, s.indicator, s.year
			LIMIT :limit
			FOR UPDATE OF s SKIP LOCKED
			""";

	private final JdbcClient jdbc;

	SeriesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the figures not received before, in one statement. @return the ids that were new */
	Set<UUID> insertFigures(List<Received> figures) {
		if (figures.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql(INSERT_FIGURES).params(FIGURE_ROWS.arrays(figures)).query(UUID.class).list());
	}

	/**
	 * Creates the series that are new, then locks all of them (in key order, so that two consumers never wait
	 * for each other in a cycle) until the transaction ends, and reads their current state: two statements.
	 */
	Map<SeriesKey, SeriesState> lockAll(Map<SeriesKey, String> unitsBySeries) {
		jdbc.sql(ENSURE_ALL_SERIES).params(SERIES_ROWS.arrays(unitsBySeries.entrySet())).update();
		Map<SeriesKey, SeriesState> states = new HashMap<>();
		jdbc.sql(SERIES_SELECT + "WHERE " + SeriesKey.anyOf("s.region, s.indicator, s.year")
				+ " ORDER BY s.region, s.indicator, s.year FOR UPDATE OF s")
			.params(SeriesKey.arrays(unitsBySeries.keySet()))
			.query(SeriesRepository::state)
			.list()
			.forEach((state) -> states.put(state.key(), state));
		return states;
	}

	/** Writes the current target, actual and verdict of each series, in one statement. */
	void updateAll(Collection<SeriesState> states) {
		if (!states.isEmpty()) {
			jdbc.sql(UPDATE_ALL_SERIES).params(STATE_ROWS.arrays(states)).update();
		}
	}

	/**
	 * The series that have a target and no actual yet, of the same region and indicator as one of {@code after}
	 * and a later year, with their units.
	 */
	Map<SeriesKey, String> awaitingActualAfter(Collection<SeriesKey> after) {
		Map<SeriesKey, String> awaiting = new HashMap<>();
		if (!after.isEmpty()) {
			jdbc.sql(AWAITING_ACTUAL).params(SeriesKey.arrays(after)).query((rs, i) -> awaiting
				.put(new SeriesKey(rs.getString("region"), rs.getString("indicator"), rs.getInt("year")), rs.getString("unit")))
				.list();
		}
		return awaiting;
	}

	/** The current actual of every year of these regions and indicators. */
	Map<RegionIndicator, NavigableMap<Integer, BigDecimal>> actuals(Collection<RegionIndicator> pairs) {
		Map<RegionIndicator, NavigableMap<Integer, BigDecimal>> actuals = new HashMap<>();
		if (!pairs.isEmpty()) {
			jdbc.sql(ACTUALS).params(RegionIndicator.arrays(pairs)).query((rs, i) -> actuals
				.computeIfAbsent(new RegionIndicator(rs.getString("region"), rs.getString("indicator")), (k) -> new TreeMap<>())
				.put(rs.getInt("year"), rs.getBigDecimal("value"))).list();
		}
		return actuals;
	}

	/** Locks and reads up to {@code limit} series whose actual is overdue (year up to {@code lastOverdueYear}) and not yet alerted. */
	List<SeriesState> lockOverdue(int lastOverdueYear, int limit) {
		return jdbc.sql(LOCK_OVERDUE).param("year", lastOverdueYear).param("limit", limit).query(SeriesRepository::state).list();
	}

	List<SeriesState> find(String region, String indicator, Integer year, int offset, int limit) {
		return jdbc.sql(SERIES_FILTERED)
			.param("region", region)
			.param("indicator", indicator)
			.param("year", year)
			.param("limit", limit)
			.param("offset", offset)
			.query(SeriesRepository::state)
			.list();
	}

	/** The years each region has any series in, ascending. */
	Map<String, List<Integer>> yearsByRegion() {
		Map<String, List<Integer>> years = new HashMap<>();
		jdbc.sql("select distinct region, year from series order by region, year")
			.query((rs, row) -> years.computeIfAbsent(rs.getString("region"), (region) -> new ArrayList<>()).add(rs.getInt("year")))
			.list();
		return years;
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

	private static Source source(Received received) {
		return Source.orUnknown(received.figure().source());
	}

}
