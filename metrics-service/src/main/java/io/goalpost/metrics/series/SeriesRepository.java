package io.goalpost.metrics.series;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
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

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.ConnectionCallback;
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
			INSERT INTO figure_event (%s)
			SELECT * FROM %s
			ON CONFLICT (event_id) DO NOTHING
			RETURNING event_id
			""".formatted(Received.COLUMNS, Received.ROWS.call());

	private static final String COPY_FIGURES = "COPY figure_event (" + Received.COLUMNS + ") FROM STDIN";

	/**
	 * From this many figures on, a batch is first tried by {@code COPY}, which costs the server about a third
	 * less a row. Smaller ones (a few figures a poll at low rates) keep the one statement: a copy adds two round
	 * trips, the savepoint and its release, to save a few microseconds a row.
	 */
	static final int COPY_FROM = 64;

	private static final Unnest<HeldSeries> SERIES_ROWS = new Unnest<>(
			Unnest.Column.of("text", (HeldSeries h) -> h.state().region()),
			Unnest.Column.of("text", (HeldSeries h) -> h.state().indicator()),
			Unnest.Column.of("integer", (HeldSeries h) -> h.state().year()),
			Unnest.Column.of("text", (HeldSeries h) -> h.state().unit()),
			Unnest.Column.of("uuid", (HeldSeries h) -> (h.state().target() != null) ? h.state().target().eventId() : null),
			Unnest.Column.of("uuid", (HeldSeries h) -> (h.state().actual() != null) ? h.state().actual().eventId() : null),
			Unnest.Column.of("text", (HeldSeries h) -> h.state().verdict()),
			Unnest.Column.of("numeric", (HeldSeries h) -> h.state().shortfall()),
			Unnest.Column.of("timestamptz", (HeldSeries h) -> h.state().updatedAt()),
			Unnest.Column.of("bigint", HeldSeries::version));

	// Written only at the version the consumer holds: a new series must not exist yet (version 0 held, 1
	// written), an existing one must still be at the version read. A row written by anyone else in between
	// is left alone and not counted, and the caller rereads. In key order, so that two transactions writing
	// the same series wait for each other instead of deadlocking.
	private static final String WRITE_HELD = """
			INSERT INTO series AS s (region, indicator, year, unit, target_event_id, actual_event_id, verdict, shortfall,
			    updated_at, version)
			SELECT * FROM %s AS u(region, indicator, year, unit, target_event_id, actual_event_id, verdict, shortfall,
			    updated_at, version) ORDER BY region, indicator, year
			ON CONFLICT (region, indicator, year) DO UPDATE SET target_event_id = excluded.target_event_id,
			    actual_event_id = excluded.actual_event_id, verdict = excluded.verdict, shortfall = excluded.shortfall,
			    updated_at = excluded.updated_at, version = excluded.version
			WHERE s.version = excluded.version - 1
			""".formatted(SERIES_ROWS.call());

	private static final String SERIES_SELECT = """
			SELECT s.region, s.indicator, s.year, s.unit, s.verdict, s.shortfall, s.updated_at, s.version,
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

	private static final String HISTORY = "SELECT * FROM (SELECT " + FIGURE_COLUMNS + """
			    FROM figure_event
			    WHERE region = :region AND indicator = :indicator AND year = :year
			    ORDER BY coalesce(published_at, reported_at) DESC, reported_at DESC, event_id DESC
			    LIMIT :limit) latest
			ORDER BY coalesce(published_at, reported_at), reported_at, event_id
			""";

	private static final String OF_PAIRS = SERIES_SELECT + "WHERE " + RegionIndicator.anyOf("s.region, s.indicator");

	private static final String PAIR_VERSIONS = "SELECT region, indicator, version FROM region_indicator WHERE "
			+ RegionIndicator.anyOf("region, indicator");

	private static final Unnest<Map.Entry<RegionIndicator, Long>> PAIR_ROWS = new Unnest<>(
			Unnest.Column.of("text", (Map.Entry<RegionIndicator, Long> e) -> e.getKey().region()),
			Unnest.Column.of("text", (Map.Entry<RegionIndicator, Long> e) -> e.getKey().indicator()),
			Unnest.Column.of("bigint", Map.Entry::getValue));

	// As WRITE_HELD, for the version of a region's indicator as a whole.
	private static final String WRITE_PAIR_VERSIONS = """
			INSERT INTO region_indicator AS p (region, indicator, version)
			SELECT * FROM %s AS u(region, indicator, version) ORDER BY region, indicator
			ON CONFLICT (region, indicator) DO UPDATE SET version = excluded.version WHERE p.version = excluded.version - 1
			""".formatted(PAIR_ROWS.call());

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

	private final JdbcTemplate connections;

	SeriesRepository(JdbcClient jdbc, JdbcTemplate connections) {
		this.jdbc = jdbc;
		this.connections = connections;
	}

	/** Stores the figures not received before. @return the ids that were new */
	Set<UUID> insertFigures(List<Received> figures) {
		if (figures.isEmpty()) {
			return Set.of();
		}
		if (figures.size() >= COPY_FROM && copyAllNew(figures)) {
			Set<UUID> ids = new HashSet<>();
			figures.forEach((r) -> ids.add(r.figure().eventId()));
			return ids;
		}
		return new HashSet<>(jdbc.sql(INSERT_FIGURES).params(Received.ROWS.arrays(figures)).query(UUID.class).list());
	}

	/**
	 * {@code COPY} has no {@code ON CONFLICT}: it stores the batch only if every figure in it is new. If any is
	 * not (a redelivery), or the database refuses a row, the copy is undone to a savepoint and the caller takes
	 * the statement that skips the figures received before and reports any refusal as it always has.
	 * @return whether the figures were stored
	 */
	boolean copyAllNew(List<Received> figures) {
		byte[] rows = Received.ROWS.copyText(figures);
		return Boolean.TRUE.equals(connections.execute((ConnectionCallback<Boolean>) (connection) -> {
			Savepoint before = connection.setSavepoint();
			try {
				CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_FIGURES);
				copy.writeToCopy(rows, 0, rows.length);
				copy.endCopy();
			}
			catch (SQLException ex) {
				connection.rollback(before);
				return false;
			}
			connection.releaseSavepoint(before);
			return true;
		}));
	}

	/** Every year of these regions' indicators, at the version read. */
	Map<RegionIndicator, NavigableMap<Integer, HeldSeries>> ofPairs(Collection<RegionIndicator> pairs) {
		Map<RegionIndicator, NavigableMap<Integer, HeldSeries>> held = new HashMap<>();
		if (!pairs.isEmpty()) {
			jdbc.sql(OF_PAIRS).params(RegionIndicator.arrays(pairs)).query((rs, i) -> {
				SeriesState state = state(rs, i);
				return held.computeIfAbsent(new RegionIndicator(state.region(), state.indicator()), (p) -> new TreeMap<>())
					.put(state.year(), new HeldSeries(state, rs.getLong("version")));
			}).list();
		}
		return held;
	}

	/** The version of each of these regions' indicators that has any series; the others are new. */
	Map<RegionIndicator, Long> pairVersions(Collection<RegionIndicator> pairs) {
		Map<RegionIndicator, Long> versions = new HashMap<>();
		if (!pairs.isEmpty()) {
			jdbc.sql(PAIR_VERSIONS).params(RegionIndicator.arrays(pairs))
				.query((rs, i) -> versions.put(new RegionIndicator(rs.getString(1), rs.getString(2)), rs.getLong(3)))
				.list();
		}
		return versions;
	}

	/**
	 * Moves each region's indicator to the version given, from the one before it, locking it until the
	 * transaction ends. @return how many moved: fewer than given if any was moved by someone else meanwhile
	 */
	int writePairVersions(Map<RegionIndicator, Long> versions) {
		return versions.isEmpty() ? 0 : jdbc.sql(WRITE_PAIR_VERSIONS).params(PAIR_ROWS.arrays(versions.entrySet())).update();
	}

	/**
	 * Writes each series as the consumer holds it, each at the version after the one it was read at, in one
	 * statement. @return how many were written: fewer than given if any had changed since it was read
	 */
	int writeHeld(Collection<HeldSeries> series) {
		return series.isEmpty() ? 0 : jdbc.sql(WRITE_HELD).params(SERIES_ROWS.arrays(series)).update();
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

	/** The latest {@code limit} figures of a series year, in publication order. */
	List<Figure> history(SeriesKey key, int limit) {
		return jdbc.sql(HISTORY).params(key.params()).param("limit", limit).query((rs, i) -> figure(rs, "")).list();
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
						inReportingZone(rs.getObject(prefix + "published_at", OffsetDateTime.class))),
				rs.getString(prefix + "sentence"), instant(rs.getTimestamp(prefix + "reported_at")),
				instant(rs.getTimestamp(prefix + "received_at")));
	}

	/** PostgreSQL gives every {@code timestamptz} back in UTC, which would show a Beijing morning as the day before. */
	private static OffsetDateTime inReportingZone(OffsetDateTime time) {
		return (time != null) ? time.atZoneSameInstant(Figure.REPORTING_ZONE).toOffsetDateTime() : null;
	}

	private static java.time.Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
