package io.goalpost.metrics.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.Comparator;
import io.goalpost.metrics.evaluation.Target;
import io.goalpost.metrics.evaluation.Verdict;
import io.goalpost.metrics.series.Figure;
import io.goalpost.metrics.series.SeriesKey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps at most one firing alert per series. A miss raises one; the same miss reported again only
 * refreshes its figures; a figure that meets the target resolves it. Each change of state is queued in
 * the outbox in the caller's transaction, to be published once it commits ({@link AlertsQueued}). Works a
 * batch at a time: {@link #open} a book for the series a batch touches, apply verdicts in order, flush.
 */
@Service
public class AlertKeeper {

	private final AlertRepository alerts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AlertKeeper(AlertRepository alerts, Clock clock, ApplicationEventPublisher events) {
		this.alerts = alerts;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Opens the alert book of these series for one transaction: their firing alerts are read once, each
	 * verdict is applied in memory in the order given, and {@link Book#flush()} writes the changes.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Book open(Collection<SeriesKey> series) {
		return new Book(alerts.firingFor(series));
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

	/** The alerts of a set of series while one batch of figures is applied. */
	public final class Book {

		private final Map<SeriesKey, Alert> firing;

		private final Map<UUID, Alert> inserted = new LinkedHashMap<>();

		private final Map<UUID, Alert> updated = new LinkedHashMap<>();

		private final List<AlertChanged> changes = new ArrayList<>();

		private final Set<UUID> stored = new HashSet<>();

		private Book(Map<SeriesKey, Alert> firing) {
			this.firing = new HashMap<>(firing);
			firing.values().forEach((alert) -> stored.add(alert.alertId()));
		}

		public void onVerdict(SeriesKey key, Target target, Figure actual, String unit, Verdict verdict) {
			Alert current = firing.get(key);
			Instant now = clock.instant();
			String comparator = Figure.stored(target.comparator());
			switch (verdict) {
				case Verdict.Missed missed when current == null -> {
					Alert alert = new Alert(UUID.randomUUID(), key.region(), key.indicator(), key.year(), AlertState.FIRING,
							comparator, target.value(), actual.value(), missed.shortfall(), unit, now, null, now);
					firing.put(key, alert);
					write(alert);
					changes.add(event(alert));
				}
				case Verdict.Missed missed -> {
					if (!same(current.actualValue(), actual.value()) || !same(current.targetValue(), target.value())
							|| !current.targetComparator().equals(comparator)) {
						Alert refreshed = new Alert(current.alertId(), current.region(), current.indicator(), current.year(),
								AlertState.FIRING, comparator, target.value(), actual.value(), missed.shortfall(), unit,
								current.firstRaisedAt(), null, now);
						firing.put(key, refreshed);
						write(refreshed);
					}
				}
				case Verdict.Met met when current != null -> {
					Alert resolved = new Alert(current.alertId(), current.region(), current.indicator(), current.year(),
							AlertState.RESOLVED, comparator, target.value(), actual.value(), met.shortfall(), unit,
							current.firstRaisedAt(), now, now);
					firing.remove(key);
					write(resolved);
					changes.add(event(resolved));
				}
				case Verdict.Met met -> {
				}
				case Verdict.Pending pending -> {
				}
			}
		}

		/** Writes what changed: resolutions before new alerts (one firing alert per series), then the outbox in order. */
		public void flush() {
			alerts.updateAll(updated.values());
			alerts.insertAll(inserted.values());
			alerts.enqueueAll(changes);
			if (!changes.isEmpty()) {
				events.publishEvent(new AlertsQueued());
			}
		}

		/** An alert read from the database is updated; one raised in this batch is inserted with its last state. */
		private void write(Alert alert) {
			(stored.contains(alert.alertId()) ? updated : inserted).put(alert.alertId(), alert);
		}

		private AlertChanged event(Alert alert) {
			return new AlertChanged(alert.alertId(), alert.region(), alert.indicator(), alert.year(), alert.state(),
					Comparator.valueOf(alert.targetComparator().toUpperCase(Locale.ROOT)), alert.targetValue(),
					alert.actualValue(), alert.shortfall(), alert.unit(), alert.firstRaisedAt(), alert.resolvedAt());
		}

	}

}
