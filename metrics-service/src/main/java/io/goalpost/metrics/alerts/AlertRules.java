package io.goalpost.metrics.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Supplier;

import io.goalpost.contract.AlertKind;
import io.goalpost.contract.Indicator.Better;
import io.goalpost.metrics.evaluation.Target;
import io.goalpost.metrics.evaluation.TargetEvaluator;
import io.goalpost.metrics.evaluation.TrendProjection;
import io.goalpost.metrics.evaluation.Verdict;
import io.goalpost.metrics.series.Figure;

import org.springframework.stereotype.Component;

/**
 * Which alert conditions hold for a series, from its target, its actual, the actuals of its earlier years and
 * the date: a miss ({@link AlertKind#TARGET_MISSED}), a projected miss while no actual is in
 * ({@link AlertKind#TARGET_AT_RISK}), an actual not in long after its year ({@link AlertKind#ACTUAL_OVERDUE}).
 */
@Component
public class AlertRules {

	private final TargetEvaluator evaluator;

	private final AlertProperties properties;

	private final Clock clock;

	AlertRules(TargetEvaluator evaluator, AlertProperties properties, Clock clock) {
		this.evaluator = evaluator;
		this.properties = properties;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(Figure.REPORTING_ZONE));
	}

	/** The last year whose actual is overdue on {@code today}: its year ended the configured months ago or more. */
	public int lastOverdueYear(LocalDate today) {
		return today.minusMonths(properties.actualOverdueMonths()).getYear() - 1;
	}

	/**
	 * @param verdict how the series' actual stands against its target, as {@link TargetEvaluator} judged it
	 * @param actualsByYear the actuals of the series' region and indicator by year, for the trend: asked for only
	 *        when a trend is needed, a series with a target and no actual
	 */
	public Map<AlertKind, AlertCondition> conditions(int year, Target target, BigDecimal actual, Verdict verdict,
			Better better, Supplier<NavigableMap<Integer, BigDecimal>> actualsByYear, LocalDate today) {
		Map<AlertKind, AlertCondition> holding = new EnumMap<>(AlertKind.class);
		if (target == null) {
			return holding;
		}
		if (actual != null) {
			if (verdict instanceof Verdict.Missed missed) {
				holding.put(AlertKind.TARGET_MISSED, new AlertCondition(AlertKind.TARGET_MISSED, actual, missed.shortfall(), null));
			}
			return holding;
		}
		if (year <= lastOverdueYear(today)) {
			holding.put(AlertKind.ACTUAL_OVERDUE, new AlertCondition(AlertKind.ACTUAL_OVERDUE, null, null, null));
		}
		TrendProjection.project(actualsByYear.get(), year).ifPresent((projection) -> {
			if (evaluator.evaluate(target, projection.value(), better) instanceof Verdict.Missed missed) {
				holding.put(AlertKind.TARGET_AT_RISK, new AlertCondition(AlertKind.TARGET_AT_RISK, null, missed.shortfall(), projection));
			}
		});
		return holding;
	}

}
