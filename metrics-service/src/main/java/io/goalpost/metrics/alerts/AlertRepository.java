package io.goalpost.metrics.alerts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.EventCodec;
import io.goalpost.metrics.series.SeriesKey;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

	private static final String COLUMNS = """
			alert_id, region, indicator, year, state, target_comparator, target_value, actual_value, shortfall,
			unit, first_raised_at, resolved_at, updated_at
			""";

	private static final String FIRING_FOR_SERIES = "SELECT " + COLUMNS + """
			FROM alert WHERE state = 'FIRING' AND (region, indicator, year) IN (%s)
			""";

	private static final String INSERT = "INSERT INTO alert (" + COLUMNS + """
			) VALUES (:alertId, :region, :indicator, :year, :state, :targetComparator, :targetValue, :actualValue,
			    :shortfall, :unit, :firstRaisedAt, :resolvedAt, :updatedAt)
			""";

	private static final String UPDATE = """
			UPDATE alert SET state = :state, target_comparator = :targetComparator, target_value = :targetValue,
			    actual_value = :actualValue, shortfall = :shortfall, resolved_at = :resolvedAt, updated_at = :updatedAt
			WHERE alert_id = :alertId
			""";

	private static final String FIND = "SELECT " + COLUMNS + """
			FROM alert
			WHERE (CAST(:state AS text) IS NULL OR state = :state)
			  AND (CAST(:region AS text) IS NULL OR region = :region)
			ORDER BY first_raised_at DESC, alert_id
			LIMIT :limit
			""";

	private static final String ENQUEUE = """
			INSERT INTO alert_outbox (alert_id, event_id, event_type, message_key, payload)
			VALUES (:alertId, :eventId, :eventType, :key, :payload)
			""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	AlertRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/** The firing alerts of these series, one query. */
	Map<SeriesKey, Alert> firingFor(Collection<SeriesKey> series) {
		Map<SeriesKey, Alert> firing = new HashMap<>();
		if (series.isEmpty()) {
			return firing;
		}
		jdbc.sql(FIRING_FOR_SERIES.formatted(SeriesKey.tuples(series.size())))
			.params(SeriesKey.values(series))
			.query(AlertRepository::alert)
			.list()
			.forEach((alert) -> firing.put(new SeriesKey(alert.region(), alert.indicator(), alert.year()), alert));
		return firing;
	}

	void insertAll(Collection<Alert> alerts) {
		named.batchUpdate(INSERT, alerts.stream().map((a) -> new SimplePropertySqlParameterSource(params(a))).toArray(SqlParameterSource[]::new));
	}

	void updateAll(Collection<Alert> alerts) {
		named.batchUpdate(UPDATE, alerts.stream().map((a) -> new SimplePropertySqlParameterSource(params(a))).toArray(SqlParameterSource[]::new));
	}

	void enqueueAll(List<AlertChanged> changes) {
		named.batchUpdate(ENQUEUE, changes.stream()
			.map((event) -> new MapSqlParameterSource().addValue("alertId", event.alertId())
				.addValue("eventId", event.eventId())
				.addValue("eventType", event.eventType())
				.addValue("key", event.key())
				.addValue("payload", EventCodec.write(event)))
			.toArray(SqlParameterSource[]::new));
	}

	List<Alert> find(AlertState state, String region, int limit) {
		return jdbc.sql(FIND)
			.param("state", (state != null) ? state.name() : null)
			.param("region", region)
			.param("limit", limit)
			.query(AlertRepository::alert)
			.list();
	}

	private static Params params(Alert alert) {
		return new Params(alert.alertId(), alert.region(), alert.indicator(), alert.year(), alert.state().name(),
				alert.targetComparator(), alert.targetValue(), alert.actualValue(), alert.shortfall(), alert.unit(),
				utc(alert.firstRaisedAt()), utc(alert.resolvedAt()), utc(alert.updatedAt()));
	}

	private static java.time.OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Alert alert(ResultSet rs, int row) throws SQLException {
		return new Alert(rs.getObject("alert_id", UUID.class), rs.getString("region"), rs.getString("indicator"),
				rs.getInt("year"), AlertState.valueOf(rs.getString("state")), rs.getString("target_comparator"),
				rs.getBigDecimal("target_value"), rs.getBigDecimal("actual_value"), rs.getBigDecimal("shortfall"),
				rs.getString("unit"), instant(rs.getTimestamp("first_raised_at")),
				instant(rs.getTimestamp("resolved_at")), instant(rs.getTimestamp("updated_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Params(UUID alertId, String region, String indicator, int year, String state,
			String targetComparator, BigDecimal targetValue, BigDecimal actualValue, BigDecimal shortfall, String unit,
			java.time.OffsetDateTime firstRaisedAt, java.time.OffsetDateTime resolvedAt,
			java.time.OffsetDateTime updatedAt) {
	}

}
