package io.goalpost.metrics.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertKind;
import io.goalpost.contract.AlertState;
import io.goalpost.metrics.evaluation.Target;
import io.goalpost.metrics.series.Figure;
import io.goalpost.metrics.series.RegionIndicator;
import io.goalpost.metrics.series.SeriesKey;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps at most one firing alert per kind and series (per fingerprint). An alert fires when its condition
 * starts to hold, stays firing (its figures refreshed) while it holds, and resolves when it stops. Each
 * change of state is queued in the outbox in the caller's transaction, for both alert topics, unless a
 * silence matches the alert's labels: then it is stored as silenced and subscribers hear of it when the
 * silence ends ({@link AlertSweeper}). Works a batch at a time: {@link #open} a book for the series a batch
 * touches, reconcile each series as it changes, flush.
 */
@Service
public class AlertKeeper {

	private final AlertRepository alerts;

	private final SilenceRepository silences;

	private final AlertSummaries summaries;

	private final Clock clock;

	AlertKeeper(AlertRepository alerts, SilenceRepository silences, AlertSummaries summaries, Clock clock) {
		this.alerts = alerts;
		this.silences = silences;
		this.summaries = summaries;
		this.clock = clock;
	}

	/**
	 * Opens the alert book of these series for one transaction: their firing alerts are read once, changes are
	 * made in memory in the order given, and {@link Book#flush()} writes them.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Book open(Collection<SeriesKey> series) {
		return new Book(byRegionIndicator(alerts.firingFor(series)));
	}

	/**
	 * Opens the alert book of regions' indicators whose firing alerts the caller holds already, as they are
	 * stored; the lists are not changed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Book resume(Map<RegionIndicator, List<Alert>> firing) {
		return new Book(firing);
	}

	/** The firing alerts of these regions' indicators, every year and kind. */
	public Map<RegionIndicator, List<Alert>> firingIn(Collection<RegionIndicator> pairs) {
		return byRegionIndicator(alerts.firingIn(pairs));
	}

	private static Map<RegionIndicator, List<Alert>> byRegionIndicator(Collection<Alert> alerts) {
		Map<RegionIndicator, List<Alert>> byPair = new HashMap<>();
		alerts.forEach((alert) -> byPair
			.computeIfAbsent(new RegionIndicator(alert.region(), alert.indicator()), (p) -> new ArrayList<>()).add(alert));
		return byPair;
	}

	/**
	 * The alerts of a set of series while one batch of changes is applied. A batch holds every alert firing on
	 * the regions' indicators it touches, few of which change: each region's indicator's alerts are searched
	 * where they are, a few to a list, and copied only when one of them changes.
	 */
	public final class Book {

		private final Map<RegionIndicator, List<Alert>> firing;

		private final Set<RegionIndicator> copied = new HashSet<>();

		private final Map<UUID, Alert> inserted = new LinkedHashMap<>();

		private final Map<UUID, Alert> updated = new LinkedHashMap<>();

		private final List<AlertChanged> changes = new ArrayList<>();

		private List<Silence> activeSilences;

		private Book(Map<RegionIndicator, List<Alert>> firing) {
			this.firing = new HashMap<>(firing);
		}

		/**
		 * Brings the alerts of the given kinds on one series in line with the conditions that hold for it now.
		 *
		 * @param actual the series' current actual, if any, and {@code shortfall} its distance from the target:
		 *        what a resolution reports
		 */
		public void reconcile(SeriesKey key, Target target, BigDecimal actual, BigDecimal shortfall, String unit,
				Map<AlertKind, AlertCondition> holding, Collection<AlertKind> kinds) {
			// Stored at PostgreSQL's precision, so that an alert read back equals the one published.
			Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			// Resolutions first: subscribers read "overdue resolved" before the miss that the same actual raised.
			for (AlertKind kind : kinds) {
				Alert current = firing(key, kind);
				if (current != null && !holding.containsKey(kind)) {
					put(key, current, null);
					publish(alert(kind, key, AlertState.RESOLVED, target, actual,
							(kind == AlertKind.TARGET_MISSED) ? shortfall : null, unit, null, current, now));
				}
			}
			for (AlertKind kind : kinds) {
				AlertCondition condition = holding.get(kind);
				if (condition == null) {
					continue;
				}
				Alert current = firing(key, kind);
				// Most figures leave a firing alert's numbers as they were: then nothing is built, nothing written.
				if (current != null && sameFacts(current, target, condition)) {
					continue;
				}
				Alert next = alert(kind, key, AlertState.FIRING, target, condition.actualValue(), condition.shortfall(), unit,
						condition, current, now);
				put(key, current, (current == null) ? raise(next) : write(next));
			}
		}

		/**
		 * The alerts firing now on each region's indicator of the book, as they are written by {@link #flush()}:
		 * the lists the book was opened with where none of their alerts changed.
		 */
		public Map<RegionIndicator, List<Alert>> firingByRegionIndicator() {
			Map<RegionIndicator, List<Alert>> now = new HashMap<>(firing);
			copied.forEach((pair) -> now.put(pair, List.copyOf(firing.get(pair))));
			return now;
		}

		private Alert firing(SeriesKey key, AlertKind kind) {
			for (Alert alert : firing.getOrDefault(key.pair(), List.of())) {
				if (alert.year() == key.year() && alert.kind() == kind) {
					return alert;
				}
			}
			return null;
		}

		/**
		 * Puts {@code next} in the place of {@code current} among the alerts firing on a series' region and
		 * indicator: a new alert where {@code current} is null, none where {@code next} is. The book's own copy of
		 * them is made at the first change.
		 */
		private void put(SeriesKey key, Alert current, Alert next) {
			RegionIndicator pair = key.pair();
			if (copied.add(pair)) {
				firing.put(pair, new ArrayList<>(firing.getOrDefault(pair, List.of())));
			}
			List<Alert> alerts = firing.get(pair);
			if (current == null) {
				alerts.add(next);
			}
			else if (next == null) {
				alerts.remove(indexOf(alerts, current));
			}
			else {
				alerts.set(indexOf(alerts, current), next);
			}
		}

		private static int indexOf(List<Alert> alerts, Alert alert) {
			for (int i = 0; i < alerts.size(); i++) {
				if (alerts.get(i) == alert) {
					return i;
				}
			}
			throw new IllegalStateException("Alert " + alert.alertId() + " is not firing here");
		}

		/** Writes what changed: resolutions before new alerts (one firing alert per fingerprint), then the outbox in order. */
		public void flush() {
			alerts.updateAll(updated.values());
			alerts.insertAll(inserted.values());
			alerts.enqueueAll(changes);
		}

		private Alert alert(AlertKind kind, SeriesKey key, AlertState state, Target target, BigDecimal actual,
				BigDecimal shortfall, String unit, AlertCondition condition, Alert current, Instant now) {
			String comparator = (target != null) ? Figure.stored(target.comparator()) : null;
			BigDecimal targetValue = (target != null) ? target.value() : null;
			var projection = (condition != null) ? condition.projection() : (current != null) ? current.projection() : null;
			var summary = summaries.of(kind, state, key.region(), key.indicator(), key.year(), comparator, targetValue,
					actual, shortfall, unit, projection);
			return new Alert((current != null) ? current.alertId() : UUID.randomUUID(),
					(current != null) ? current.fingerprint() : key.fingerprint(kind), kind, key.region(),
					key.indicator(), key.year(), state, comparator, targetValue, actual, shortfall, unit, projection,
					summary, (current != null) ? current.startsAt() : now, (state == AlertState.RESOLVED) ? now : null,
					now, (current != null) && current.silenced(), (current != null) ? current.publishedState() : null);
		}

		/** A change of state: published, or held back under a silence. @return the alert as written */
		private Alert publish(Alert alert) {
			if (silenced(alert)) {
				return write(alert.withPublication(true, alert.publishedState()));
			}
			Alert published = write(alert.withPublication(false, alert.state()));
			changes.add(published.changed());
			return published;
		}

		private boolean silenced(Alert alert) {
			if (activeSilences == null) {
				activeSilences = silences.activeAt(clock.instant());
			}
			Map<String, String> labels = alert.labels();
			return activeSilences.stream().anyMatch((silence) -> silence.matches(labels));
		}

		/** A new alert: inserted with the last state it reaches in this batch. */
		private Alert raise(Alert alert) {
			inserted.put(alert.alertId(), alert);
			return publish(alert);
		}

		/** An alert raised in this batch is inserted with its last state; any other was read, and is updated. */
		private Alert write(Alert alert) {
			(inserted.containsKey(alert.alertId()) ? inserted : updated).put(alert.alertId(), alert);
			return alert;
		}

		/** Whether a firing alert already says what the condition holding now would make it say. */
		private static boolean sameFacts(Alert current, Target target, AlertCondition condition) {
			return same(current.actualValue(), condition.actualValue())
					&& same(current.targetValue(), (target != null) ? target.value() : null)
					&& same(current.shortfall(), condition.shortfall())
					&& Objects.equals(current.targetComparator(), (target != null) ? Figure.stored(target.comparator()) : null)
					&& Objects.equals(current.projection(), condition.projection());
		}

		private static boolean same(BigDecimal a, BigDecimal b) {
			return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
		}

	}

}
