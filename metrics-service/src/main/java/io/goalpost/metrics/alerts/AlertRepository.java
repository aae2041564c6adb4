package io.goalpost.metrics.alerts;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertChanged.Projection;
import io.goalpost.contract.AlertChanged.Summary;
import io.goalpost.contract.AlertKind;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.EventCodec;
import io.goalpost.metrics.series.RegionIndicator;
import io.goalpost.metrics.series.SeriesKey;
import io.goalpost.metrics.series.Unnest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

	static final String COLUMNS = """
			alert_id, fingerprint, kind, severity, region, indicator, year, state, target_comparator, target_value,
			actual_value, shortfall, unit, projection, summary_zh, summary_en, starts_at, ends_at, updated_at,
			silenced, published_state
			""";

	// One probe of the unique index of firing alerts per fingerprint (every kind of every series); the lateral
	// subquery is fenced (OFFSET 0) so that it stays one lookup per fingerprint. It is only as good as the
	// table's statistics: planned as for an empty table it scanned every firing alert per batch (150-400 ms
	// under load), hence the autovacuum settings of V4.
	private static final String FIRING_FOR_SERIES = """
			SELECT a.* FROM unnest(CAST(? AS text[])) AS f(fingerprint)
			CROSS JOIN LATERAL (SELECT %s FROM alert x WHERE x.fingerprint = f.fingerprint AND x.state = 'FIRING' OFFSET 0) a
			""".formatted(COLUMNS);

	private static final Unnest<Alert> ALERT_ROWS = new Unnest<>(Unnest.Column.of("uuid", Alert::alertId),
			Unnest.Column.of("text", Alert::fingerprint), Unnest.Column.of("text", (Alert a) -> a.kind().name()),
			Unnest.Column.of("text", (Alert a) -> a.severity().id()), Unnest.Column.of("text", Alert::region),
			Unnest.Column.of("text", Alert::indicator), Unnest.Column.of("integer", Alert::year),
			Unnest.Column.of("text", (Alert a) -> a.state().name()), Unnest.Column.of("text", Alert::targetComparator),
			Unnest.Column.of("numeric", Alert::targetValue), Unnest.Column.of("numeric", Alert::actualValue),
			Unnest.Column.of("numeric", Alert::shortfall), Unnest.Column.of("text", Alert::unit),
			Unnest.Column.of("jsonb", (Alert a) -> (a.projection() != null) ? json(a.projection()) : null),
			Unnest.Column.of("text", (Alert a) -> a.summary().zh()), Unnest.Column.of("text", (Alert a) -> a.summary().en()),
			Unnest.Column.of("timestamptz", Alert::startsAt), Unnest.Column.of("timestamptz", Alert::endsAt),
			Unnest.Column.of("timestamptz", Alert::updatedAt), Unnest.Column.of("boolean", Alert::silenced),
			Unnest.Column.of("text", (Alert a) -> (a.publishedState() != null) ? a.publishedState().name() : null));

	private static final String INSERT_ALL = "INSERT INTO alert (" + COLUMNS + ") SELECT * FROM " + ALERT_ROWS.call();

	private static final String UPDATE_ALL = """
			UPDATE alert a SET state = u.state, target_comparator = u.target_comparator, target_value = u.target_value,
			    actual_value = u.actual_value, shortfall = u.shortfall, projection = u.projection,
			    summary_zh = u.summary_zh, summary_en = u.summary_en, ends_at = u.ends_at, updated_at = u.updated_at,
			    silenced = u.silenced, published_state = u.published_state
			FROM %s AS u(%s)
			WHERE a.alert_id = u.alert_id
			""".formatted(ALERT_ROWS.call(), COLUMNS);

	private static final Unnest<Queued> OUTBOX_ROWS = new Unnest<>(Unnest.Column.of("text", Queued::eventId),
			Unnest.Column.of("text", Queued::eventType), Unnest.Column.of("text", Queued::seriesKey),
			Unnest.Column.of("text", Queued::fingerprint), Unnest.Column.of("bytea", Queued::payload));

	// Outbox ids are taken in the order of the changes: the relay publishes by id.
	private static final String ENQUEUE_ALL = """
			INSERT INTO alert_outbox (event_id, event_type, series_key, fingerprint, payload)
			SELECT event_id, event_type, series_key, fingerprint, payload
			FROM %s WITH ORDINALITY AS u(event_id, event_type, series_key, fingerprint, payload, n)
			ORDER BY n
			""".formatted(OUTBOX_ROWS.call());

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	AlertRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** The firing alerts of these series, every kind, one query. */
	List<Alert> firingFor(Collection<SeriesKey> series) {
		if (series.isEmpty()) {
			return List.of();
		}
		String[] fingerprints = series.stream()
			.flatMap((key) -> Arrays.stream(AlertKind.values())
				.map(key::fingerprint))
			.toArray(String[]::new);
		return jdbc.sql(FIRING_FOR_SERIES).param((Object) fingerprints).query(AlertRepository::alert).list();
	}

	/** The firing alerts of these regions' indicators, every year and kind, one query. */
	List<Alert> firingIn(Collection<RegionIndicator> pairs) {
		if (pairs.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE state = 'FIRING' AND " + RegionIndicator.anyOf("region, indicator"))
			.params(RegionIndicator.arrays(pairs))
			.query(AlertRepository::alert)
			.list();
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

	/** Queues each change, once for both topics: every change by series, and the current state by fingerprint. */
	void enqueueAll(List<AlertChanged> changes) {
		enqueue(changes.stream().map(Queued::of).toList());
	}

	/**
	 * Queues messages in the outbox; the relay is told once the transaction commits ({@link AlertsQueued}). The
	 * ids are drawn under {@link AlertOutboxRelay#holdQueueing}, kept until the transaction ends, so the caller
	 * must do nothing after this that could wait on another transaction: the relay waits for it.
	 */
	void enqueue(List<Queued> queued) {
		if (!queued.isEmpty()) {
			AlertOutboxRelay.holdQueueing(jdbc);
			jdbc.sql(ENQUEUE_ALL).params(OUTBOX_ROWS.arrays(queued)).update();
			events.publishEvent(new AlertsQueued());
		}
	}

	List<Alert> find(AlertFilter filter, int offset, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE " + AlertFilter.WHERE
				+ " ORDER BY starts_at DESC, alert_id LIMIT :limit OFFSET :offset")
			.paramSource(filter.params().addValue("limit", limit).addValue("offset", offset))
			.query(AlertRepository::alert)
			.list();
	}

	static Alert alert(ResultSet rs, int row) throws SQLException {
		String projection = rs.getString("projection");
		String published = rs.getString("published_state");
		return new Alert(rs.getObject("alert_id", UUID.class), rs.getString("fingerprint"),
				AlertKind.valueOf(rs.getString("kind")), rs.getString("region"), rs.getString("indicator"),
				rs.getInt("year"), AlertState.valueOf(rs.getString("state")), rs.getString("target_comparator"),
				rs.getBigDecimal("target_value"), rs.getBigDecimal("actual_value"), rs.getBigDecimal("shortfall"),
				rs.getString("unit"),
				(projection != null) ? EventCodec.read(projection.getBytes(StandardCharsets.UTF_8), Projection.class) : null,
				new Summary(rs.getString("summary_zh"), rs.getString("summary_en")),
				instant(rs.getTimestamp("starts_at")), instant(rs.getTimestamp("ends_at")),
				instant(rs.getTimestamp("updated_at")), rs.getBoolean("silenced"),
				(published != null) ? AlertState.valueOf(published) : null);
	}

	private static String json(Projection projection) {
		return new String(EventCodec.write(projection), StandardCharsets.UTF_8);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A change waiting in the outbox: published on the changes topic under {@code seriesKey} and on the compacted
	 * topic under {@code fingerprint}. A tombstone has no series key, type or payload, and goes to the compacted
	 * topic alone.
	 */
	record Queued(String eventId, String eventType, String seriesKey, String fingerprint, byte[] payload) {

		static Queued of(AlertChanged change) {
			return new Queued(change.eventId(), change.eventType(), change.key(), change.fingerprint(), EventCodec.write(change));
		}

		static Queued tombstone(Alert alert) {
			return new Queued(alert.alertId() + ":expired", null, null, alert.fingerprint(), null);
		}

	}

}
