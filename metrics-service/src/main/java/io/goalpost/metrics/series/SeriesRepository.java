package io.goalpost.metrics.series;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Source;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The figures received and the series state derived from them. */
@Repository
class SeriesRepository {

	private static final String INSERT_FIGURE = """
			INSERT INTO figure_event (event_id, region, indicator, year, kind, comparator, value, unit, status,
			    source_title, source_url, source_publisher, published_at, sentence, reported_at,
			    kafka_partition, kafka_offset)
			VALUES (:eventId, :region, :indicator, :year, :kind, :comparator, :value, :unit, :status,
			    :title, :url, :publisher, :publishedAt, :sentence, :reportedAt, :partition, :offset)
			ON CONFLICT (event_id) DO NOTHING
			""";

	private static final String ENSURE_SERIES = """
			INSERT INTO series (region, indicator, year, unit) VALUES (:region, :indicator, :year, :unit)
			ON CONFLICT (region, indicator, year) DO NOTHING
			""";

	private static final String LOCK_SERIES = """
			SELECT region FROM series WHERE region = :region AND indicator = :indicator AND year = :year FOR UPDATE
			""";

	private static final String FIGURE_COLUMNS = """
			event_id, kind, comparator, value, unit, status, source_title, source_url, source_publisher,
			published_at, sentence, reported_at, received_at
			""";

	/**
	 * The current figure of a kind: the most recent publication wins; within one publication the more
	 * settled status (final over preliminary over estimate), then the later report. The order does not
	 * depend on arrival, so late or repeated deliveries cannot roll a series back.
	 */
	private static final String CURRENT_FIGURE = "SELECT " + FIGURE_COLUMNS + """
			FROM figure_event
			WHERE region = :region AND indicator = :indicator AND year = :year AND kind = :kind
			ORDER BY coalesce(published_at, reported_at) DESC,
			    CASE status WHEN 'estimate' THEN 1 WHEN 'preliminary' THEN 2 ELSE 3 END DESC,
			    reported_at DESC, event_id DESC
			LIMIT 1
			""";

	private static final String UPDATE_SERIES = """
			UPDATE series SET target_event_id = :target, actual_event_id = :actual, verdict = :verdict,
			    shortfall = :shortfall, updated_at = now()
			WHERE region = :region AND indicator = :indicator AND year = :year
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

	SeriesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return false when the event was received before: a redelivery changes nothing */
	boolean insertFigure(FigureReported figure, int partition, long offset) {
		Source source = (figure.source() != null) ? figure.source() : Source.UNKNOWN;
		return jdbc.sql(INSERT_FIGURE)
			.param("eventId", figure.eventId())
			.param("region", figure.region())
			.param("indicator", figure.indicator())
			.param("year", figure.year())
			.param("kind", lower(figure.kind().name()))
			.param("comparator", lower(figure.comparator().name()))
			.param("value", figure.value())
			.param("unit", figure.unit())
			.param("status", (figure.status() != null) ? lower(figure.status().name()) : null)
			.param("title", source.title())
			.param("url", source.url())
			.param("publisher", source.publisher())
			.param("publishedAt", source.publishedAt())
			.param("sentence", figure.sentence())
			.param("reportedAt", figure.reportedAt().atOffset(ZoneOffset.UTC))
			.param("partition", partition)
			.param("offset", offset)
			.update() == 1;
	}

	/** Creates the series if needed and locks its row until the transaction ends. */
	void lock(SeriesKey key, String unit) {
		jdbc.sql(ENSURE_SERIES).params(key.params()).param("unit", unit).update();
		jdbc.sql(LOCK_SERIES).params(key.params()).query(String.class).single();
	}

	Optional<Figure> currentFigure(SeriesKey key, String kind) {
		return jdbc.sql(CURRENT_FIGURE).params(key.params()).param("kind", kind).query((rs, i) -> figure(rs, "")).optional();
	}

	void update(SeriesKey key, UUID target, UUID actual, String verdict, BigDecimal shortfall) {
		jdbc.sql(UPDATE_SERIES)
			.params(key.params())
			.param("target", target)
			.param("actual", actual)
			.param("verdict", verdict)
			.param("shortfall", shortfall)
			.update();
	}

	List<SeriesState> find(String region, String indicator, Integer year, int limit) {
		return jdbc.sql(SERIES_SELECT)
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
