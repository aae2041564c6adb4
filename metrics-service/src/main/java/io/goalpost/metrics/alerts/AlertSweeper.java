package io.goalpost.metrics.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertState;
import io.goalpost.metrics.series.SeriesKey;
import io.goalpost.metrics.series.SeriesVersions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alert changes that time makes rather than figures: changes held back by a silence that no longer
 * holds are published, and resolved alerts are removed from the compacted topic (a tombstone) once they
 * have been resolved for the retention. Each pass locks the series it works on, skipping those a consumer
 * holds, so it never races a batch of figures; what it skips, the next pass does.
 */
@Component
public class AlertSweeper {

	private static final int BATCH = 500;

	private static final String HELD_BACK = "silenced";

	private static final String TO_EXPIRE = "state = 'RESOLVED' AND expired_at IS NULL AND ends_at < ? AND NOT silenced";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AlertRepository alerts;

	private final SilenceRepository silences;

	private final AlertProperties properties;

	private final Clock clock;

	private final SeriesVersions versions;

	AlertSweeper(JdbcClient jdbc, TransactionTemplate transactions, AlertRepository alerts, SilenceRepository silences,
			AlertProperties properties, Clock clock, SeriesVersions versions) {
		this.versions = versions;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.alerts = alerts;
		this.silences = silences;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${goalpost.alerts.sweep-interval:1m}", initialDelayString = "${goalpost.alerts.sweep-interval:1m}")
	void sweep() {
		releaseSilenced();
		expireResolved();
	}

	/**
	 * Publishes, for every alert whose silence has ended, the state subscribers have not seen yet.
	 * @return how many alerts were released
	 */
	public int releaseSilenced() {
		return inBatches(() -> {
			Instant now = clock.instant();
			List<Silence> active = silences.activeAt(now);
			List<Alert> released = locked(HELD_BACK).stream()
				.filter((alert) -> active.stream().noneMatch((silence) -> silence.matches(alert.labels())))
				.sorted(Comparator.comparing(Alert::startsAt).thenComparing(Alert::updatedAt))
				.toList();
			List<Alert> updated = new ArrayList<>(released.size());
			List<AlertChanged> changes = new ArrayList<>();
			for (Alert alert : released) {
				boolean unseen = alert.state() != alert.publishedState()
						&& !(alert.state() == AlertState.RESOLVED && alert.publishedState() == null);
				Alert published = alert.withPublication(false, unseen ? alert.state() : alert.publishedState());
				updated.add(published);
				if (unseen) {
					changes.add(published.changed());
				}
			}
			alerts.updateAll(updated);
			versions.changedBehindConsumers(released.stream().map(Alert::series).toList());
			// Last: queueing alert changes holds up the relay until the transaction ends (AlertOutboxRelay).
			alerts.enqueueAll(changes);
			return released.size();
		});
	}

	/**
	 * Queues a tombstone on the compacted topic for each alert resolved longer ago than the retention, unless
	 * a later alert of the same fingerprint has taken its place there. Consumers keep only firing alerts, so
	 * their series' versions stay as they are.
	 * @return how many alerts expired
	 */
	public int expireResolved() {
		return inBatches(() -> {
			Instant now = clock.instant();
			List<Alert> expiring = locked(TO_EXPIRE, Timestamp.from(now.minus(properties.resolvedRetention())));
			if (expiring.isEmpty()) {
				return 0;
			}
			List<UUID> ids = expiring.stream().map(Alert::alertId).toList();
			List<String> superseded = jdbc.sql("""
					SELECT DISTINCT a.fingerprint FROM alert a JOIN alert b ON b.fingerprint = a.fingerprint
					WHERE a.alert_id IN (:ids) AND b.starts_at > a.starts_at AND b.published_state IS NOT NULL
					""").param("ids", ids).query(String.class).list();
			List<AlertRepository.Queued> tombstones = expiring.stream()
				.filter((alert) -> alert.publishedState() != null && !superseded.contains(alert.fingerprint()))
				.map(AlertRepository.Queued::tombstone)
				.toList();
			jdbc.sql("UPDATE alert SET expired_at = :now WHERE alert_id IN (:ids)")
				.param("now", Timestamp.from(now))
				.param("ids", ids)
				.update();
			alerts.enqueue(tombstones);
			return expiring.size();
		});
	}

	/**
	 * The alerts that meet {@code condition} (with positional {@code parameters}), with their series locked;
	 * series a consumer holds are skipped.
	 */
	private List<Alert> locked(String condition, Object... parameters) {
		List<SeriesKey> series = jdbc.sql("""
				SELECT region, indicator, year FROM series
				WHERE (region, indicator, year) IN (SELECT region, indicator, year FROM alert WHERE %s)
				ORDER BY region, indicator, year LIMIT ? FOR UPDATE SKIP LOCKED
				""".formatted(condition))
			.params(Stream.concat(Arrays.stream(parameters), Stream.of(BATCH)).toArray())
			.query(SeriesKey.class)
			.list();
		if (series.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + AlertRepository.COLUMNS + " FROM alert WHERE " + condition + " AND "
				+ SeriesKey.anyOf("region, indicator, year"))
			.params(Stream.concat(Arrays.stream(parameters), Arrays.stream(SeriesKey.arrays(series))).toArray())
			.query(AlertRepository::alert)
			.list();
	}

	private int inBatches(java.util.function.IntSupplier batch) {
		int total = 0;
		int done;
		do {
			Integer result = transactions.execute((status) -> batch.getAsInt());
			done = (result != null) ? result : 0;
			total += done;
		}
		while (done == BATCH);
		return total;
	}

}
