package io.goalpost.metrics.alerts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.goalpost.contract.AlertKind;
import io.goalpost.metrics.evaluation.Target;
import io.goalpost.metrics.series.SeriesKey;

/** A series' actual against its target, as a consumer's batch reconciles it: in the caller's transaction. */
final class TargetMisses {

	private TargetMisses() {
	}

	/** The actual misses the target (its alert fires) or meets it (the alert resolves). */
	static void reconcile(AlertKeeper keeper, SeriesKey series, Target target, String actual, boolean missed) {
		BigDecimal value = new BigDecimal(actual);
		BigDecimal shortfall = target.value().subtract(value);
		AlertKeeper.Book book = keeper.open(List.of(series));
		book.reconcile(series, target, value, shortfall, "count",
				missed ? Map.of(AlertKind.TARGET_MISSED, new AlertCondition(AlertKind.TARGET_MISSED, value, shortfall, null)) : Map.of(),
				Set.of(AlertKind.TARGET_MISSED));
		book.flush();
	}

}
