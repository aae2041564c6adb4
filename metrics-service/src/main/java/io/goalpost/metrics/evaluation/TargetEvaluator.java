package io.goalpost.metrics.evaluation;

import java.math.BigDecimal;

import io.goalpost.contract.Indicator.Better;

import org.springframework.stereotype.Component;

/**
 * Judges an actual against a target. {@code gt/gte/eq/lt/lte} are read as written. {@code approx} (左右)
 * is met within the tolerance of the target, and anywhere beyond it in the indicator's better direction.
 * The shortfall is measured in the better direction, so a lower-is-better indicator is inverted.
 */
@Component
public class TargetEvaluator {

	private final BigDecimal tolerance;

	public TargetEvaluator(EvaluationProperties properties) {
		this.tolerance = properties.approxTolerance();
	}

	public Verdict evaluate(Target target, BigDecimal actual, Better better) {
		if (target == null || actual == null) {
			return Verdict.PENDING;
		}
		BigDecimal goal = target.value();
		BigDecimal shortfall = (better == Better.HIGHER) ? goal.subtract(actual) : actual.subtract(goal);
		int cmp = actual.compareTo(goal);
		boolean met = switch (target.comparator()) {
			case EQ -> cmp == 0;
			case GT -> cmp > 0;
			case GTE -> cmp >= 0;
			case LT -> cmp < 0;
			case LTE -> cmp <= 0;
			case APPROX -> shortfall.compareTo(goal.abs().multiply(tolerance)) <= 0;
		};
		return met ? new Verdict.Met(shortfall) : new Verdict.Missed(shortfall);
	}

}
