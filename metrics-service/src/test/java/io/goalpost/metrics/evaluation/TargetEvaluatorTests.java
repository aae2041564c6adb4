package io.goalpost.metrics.evaluation;

import java.math.BigDecimal;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.Indicator.Better;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TargetEvaluatorTests {

	private final TargetEvaluator evaluator = new TargetEvaluator(new EvaluationProperties(new BigDecimal("0.02")));

	@ParameterizedTest(name = "{0} {1} against {2} ({3} is better): {4}")
	@CsvSource({
			// comparators read as written
			"gt,     5500, 5501, higher, MET",
			"gt,     5500, 5500, higher, MISSED",
			"gt,     5500, 5108, higher, MISSED",
			"gte,    140,  140,  higher, MET",
			"gte,    140,  139,  higher, MISSED",
			"eq,     8.3,  8.30, higher, MET",
			"eq,     8.3,  8.4,  higher, MISSED",
			"lt,     10,   9.9,  lower,  MET",
			"lt,     10,   10,   lower,  MISSED",
			"lte,    10,   10,   lower,  MET",
			"lte,    10,   10.1, lower,  MISSED",
			// approx: within 2% of the target, or beyond it in the better direction
			"approx, 2.3,  2.254, higher, MET",
			"approx, 2.3,  2.2539, higher, MISSED",
			"approx, 2.3,  2.9,  higher, MET",
			"approx, 2.3,  2.21, higher, MISSED",
			// lower is better: the better direction inverts
			"approx, 50,   51,   lower,  MET",
			"approx, 50,   51.1, lower,  MISSED",
			"approx, 50,   40,   lower,  MET" })
	void judgesEachComparator(String comparator, String target, String actual, String better, String expected) {
		Verdict verdict = evaluator.evaluate(target(comparator, target), new BigDecimal(actual),
				Better.valueOf(better.toUpperCase()));
		assertThat(verdict.name()).isEqualTo(expected);
	}

	@Test
	void measuresTheShortfallInTheBetterDirection() {
		Verdict higher = evaluator.evaluate(target("gt", "5500"), new BigDecimal("5108"), Better.HIGHER);
		assertThat(higher).isInstanceOf(Verdict.Missed.class);
		assertThat(higher.shortfall()).isEqualByComparingTo("392");

		Verdict lower = evaluator.evaluate(target("lte", "10"), new BigDecimal("12.5"), Better.LOWER);
		assertThat(lower).isInstanceOf(Verdict.Missed.class);
		assertThat(lower.shortfall()).isEqualByComparingTo("2.5");

		Verdict met = evaluator.evaluate(target("gte", "140"), new BigDecimal("150"), Better.HIGHER);
		assertThat(met.shortfall()).isEqualByComparingTo("-10");
	}

	@Test
	void toleranceIsConfigurable() {
		TargetEvaluator strict = new TargetEvaluator(new EvaluationProperties(BigDecimal.ZERO));
		assertThat(strict.evaluate(target("approx", "2.3"), new BigDecimal("2.29"), Better.HIGHER).name())
			.isEqualTo("MISSED");
		assertThat(evaluator.evaluate(target("approx", "2.3"), new BigDecimal("2.29"), Better.HIGHER).name())
			.isEqualTo("MET");
	}

	@Test
	void isPendingWithoutATargetOrAnActual() {
		assertThat(evaluator.evaluate(null, BigDecimal.ONE, Better.HIGHER)).isEqualTo(Verdict.PENDING);
		assertThat(evaluator.evaluate(target("gt", "1"), null, Better.HIGHER)).isEqualTo(Verdict.PENDING);
	}

	private static Target target(String comparator, String value) {
		return new Target(Comparator.valueOf(comparator.toUpperCase()), new BigDecimal(value));
	}

}
