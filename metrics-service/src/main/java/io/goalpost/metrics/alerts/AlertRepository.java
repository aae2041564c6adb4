package io.goalpost.metrics.alerts;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.EventCodec;
import io.goalpost.metrics.series.SeriesKey;
import io.goalpost.metrics.series.Unnest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

	private static final String COLUMNS = """
			alert_id, region, indicator, year, state, target_comparator, target_value, actual_value, shortfall,
			unit, first_raised_at, resolved_at, updated_at
			""";

	private static final String FIRING_FOR_SERIES = "SELECT " + COLUMNS + """
			FROM alert WHERE state = 'FIRING' AND """ + SeriesKey.anyOf("region, indicator, year");

	private static final Unnest<Alert> ALERT_ROWS = new Unnest<>(Unnest.Column.of("uuid", Alert::alertId),
			Unnest.Column.of("text", Alert::region), Unnest.Column.of("text", Alert::indicator),
			Unnest.Column.of("integer", Alert::year), Unnest.Column.of("text", (Alert a) -> a.state().name()),
			Unnest.Column.of("text", Alert::targetComparator), Unnest.Column.of("numeric", Alert::targetValue),
			Unnest.Column.of("numeric", Alert::actualValue), Unnest.Column.of("numeric", Alert::shortfall),
			Unnest.Column.of("text", Alert::unit), Unnest.Column.of("timestamptz", Alert::firstRaisedAt),
			Unnest.Column.of("timestamptz", Alert::resolvedAt), Unnest.Column.of("timestamptz", Alert::updatedAt));

	private static final String INSERT_ALL = "INSERT INTO alert (" + COLUMNS + ") SELECT * FROM " + ALERT_ROWS.call();

	private static final String UPDATE_ALL = """
			UPDATE alert a SET state = u.state, target_comparator = u.target_comparator, target_value = u.target_value,
			    actual_value = u.actual_value, shortfall = u.shortfall, resolved_at = u.resolved_at, updated_at = u.updated_at
			FROM %s AS u(%s)
			WHERE a.alert_id = u.alert_id
			""".formatted(ALERT_ROWS.call(), COLUMNS);

	private static final Unnest<AlertChanged> OUTBOX_ROWS = new Unnest<>(Unnest.Column.of("uuid", AlertChanged::alertId),
			Unnest.Column.of("text", AlertChanged::eventId), Unnest.Column.of("text", AlertChanged::eventType),
			Unnest.Column.of("text", AlertChanged::key),
			Unnest.Column.of("text", (AlertChanged e) -> new String(EventCodec.write(e), StandardCharsets.UTF_8)));

	// Outbox ids are taken in the order of the changes: the relay publishes by id.
	private static final String ENQUEUE_ALL = """
			INSERT INTO alert_outbox (alert_id, event_id, event_type, message_key, payload)
			SELECT alert_id, event_id, event_type, message_key, convert_to(payload, 'UTF8')
			FROM %s WITH ORDINALITY AS u(alert_id, event_id, event_type, message_key, payload, n)
			ORDER BY n
			""".formatted(OUTBOX_ROWS.call());

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

	AlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The firing alerts of these series, one query. */
	Map<SeriesKey, Alert> firingFor(Collection<SeriesKey> series) {
		Map<SeriesKey, Alert> firing = new HashMap<>();
		if (series.isEmpty()) {
			return firing;
		}
		jdbc.sql(FIRING_FOR_SERIES)
			.params(SeriesKey.arrays(series))
			.query(AlertRepository::alert)
			.list()
			.forEach((alert) -> firing.put(new SeriesKey(alert.region(), alert.indicator(), alert.year()), alert));
		return firing;
	}

	void insertAll(Collection<Alert> alerts) {
		if (!alerts.isEmpty()) {
			jdbc.sql(INSERT_ALL).params(ALERT_ROWS.arrays(alerts)).update();
		}
	}

	void updateAll(Collection<Alert> alerts) {
		if (!alerts.isEmpty()) {
			jdbc.sql(UPDATE_ALL).params(ALERT_ROWS.arrays(alerts)).update();
		}
	}

	void enqueueAll(List<AlertChanged> changes) {
		if (!changes.isEmpty()) {
			jdbc.sql(ENQUEUE_ALL).params(OUTBOX_ROWS.arrays(changes)).update();
		}
	}

	List<Alert> find(AlertState state, String region, int limit) {
		return jdbc.sql(FIND)
			.param("state", (state != null) ? state.name() : null)
			.param("region", region)
			.param("limit", limit)
			.query(AlertRepository::alert)
			.list();
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

}
