package io.goalpost.metrics.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.Comparator;
import io.goalpost.contract.EventCodec;
import io.goalpost.metrics.evaluation.Target;
import io.goalpost.metrics.evaluation.Verdict;
import io.goalpost.metrics.series.Figure;
import io.goalpost.metrics.series.SeriesKey;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps at most one firing alert per series. A miss raises one; the same miss reported again only
 * refreshes its figures; a figure that meets the target resolves it. Each change of state is queued in
 * the outbox in the caller's transaction, to be published once it commits.
 */
@Service
public class AlertKeeper {

	private final AlertRepository alerts;

	private final Clock clock;

	AlertKeeper(AlertRepository alerts, Clock clock) {
		this.alerts = alerts;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onVerdict(SeriesKey key, Target target, Figure actual, String unit, Verdict verdict) {
		Optional<Alert> firing = alerts.firingFor(key);
		Instant now = clock.instant();
		String comparator = target.comparator().name().toLowerCase(Locale.ROOT);
		switch (verdict) {
			case Verdict.Missed missed when firing.isEmpty() -> {
				Alert alert = new Alert(UUID.randomUUID(), key.region(), key.indicator(), key.year(), AlertState.FIRING,
						comparator, target.value(), actual.value(), missed.shortfall(), unit, now, null, now);
				alerts.insert(alert);
				enqueue(alert);
			}
			case Verdict.Missed missed -> {
				Alert current = firing.get();
				if (!same(current.actualValue(), actual.value()) || !same(current.targetValue(), target.value())
						|| !current.targetComparator().equals(comparator)) {
					alerts.update(new Alert(current.alertId(), current.region(), current.indicator(), current.year(),
							AlertState.FIRING, comparator, target.value(), actual.value(), missed.shortfall(), unit,
							current.firstRaisedAt(), null, now));
				}
			}
			case Verdict.Met met when firing.isPresent() -> {
				Alert current = firing.get();
				Alert resolved = new Alert(current.alertId(), current.region(), current.indicator(), current.year(),
						AlertState.RESOLVED, comparator, target.value(), actual.value(), met.shortfall(), unit,
						current.firstRaisedAt(), now, now);
				alerts.update(resolved);
				enqueue(resolved);
			}
			case Verdict.Met met -> {
			}
			case Verdict.Pending pending -> {
			}
		}
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

	private void enqueue(Alert alert) {
		AlertChanged event = new AlertChanged(alert.alertId(), alert.region(), alert.indicator(), alert.year(),
				alert.state(), Comparator.valueOf(alert.targetComparator().toUpperCase(Locale.ROOT)),
				alert.targetValue(), alert.actualValue(), alert.shortfall(), alert.unit(), alert.firstRaisedAt(),
				alert.resolvedAt());
		alerts.enqueue(alert.alertId(), event.eventId(), event.eventType(), event.key(), EventCodec.write(event));
	}

}
