package io.goalpost.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.FigureStatus;
import io.goalpost.contract.Indicator;
import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.contract.Region;
import io.goalpost.contract.Source;

/**
 * Figures over many series: each series gets a target first, then actuals from later publications, revised
 * again and again. A given share of the actuals turns the series from meeting its target to missing it or
 * back, so alerts fire and resolve as the stream goes on; the rest revise a figure without changing the
 * verdict, as most revisions do (an estimate made final, a figure corrected).
 */
public final class Workload {

	private static final List<Indicator> INDICATORS = List.copyOf(IndicatorCatalogue.standard().indicators());

	private static final BigDecimal TARGET = new BigDecimal("1000");

	private final List<Region> regions = List.copyOf(IndicatorCatalogue.standard().regions());

	private final int series;

	private final int phase;

	/** Actuals in a row with the same verdict: one in {@code flipEvery} changes it. */
	private final int flipEvery;

	/** @param alertShare the share of actuals that change their series' verdict, and so an alert: (0, 1] */
	public Workload(int series, double alertShare) {
		this(series, 0, Math.max(1, (int) Math.round(1 / alertShare)));
		if (!(alertShare > 0 && alertShare <= 1)) {
			throw new IllegalArgumentException("The alert share must be above 0 and at most 1, not " + alertShare);
		}
	}

	private Workload(int series, int phase, int flipEvery) {
		this.series = series;
		this.phase = phase;
		this.flipEvery = flipEvery;
	}

	/**
	 * The next phase of the run over {@code series} series: figures with ids of their own (so that every one
	 * of them is new to the service) from publications later than any of this phase's, so that they supersede
	 * what came before and go on raising and resolving alerts.
	 */
	Workload next(int series) {
		return new Workload(series, phase + 1, flipEvery);
	}

	/** The n-th figure of the stream: round n / series of series n % series. */
	public FigureReported figure(long n, Instant reportedAt) {
		int i = (int) (n % series);
		long round = n / series;
		String region = regions.get(i % regions.size()).id();
		Indicator of = INDICATORS.get((i / regions.size()) % INDICATORS.size());
		String indicator = of.id();
		// Future years, later first within a round: no actual is overdue and no year awaits its actual while
		// earlier ones have theirs, so the alerts are misses alone and ExpectedState can count them.
		int year = 2100 - i / (regions.size() * INDICATORS.size());
		String unit = of.unit().id();
		Source source = new Source("harness", "https://example.org/harness/" + phase + "/" + round, "harness",
				OffsetDateTime.parse("2000-01-01T00:00:00+08:00").plusYears(phase).plusSeconds(round));
		if (round == 0) {
			return new FigureReported(FigureReported.idOf(region, indicator, year, FigureKind.TARGET, Comparator.GTE, TARGET, null, source),
					region, indicator, year, FigureKind.TARGET, Comparator.GTE, TARGET, unit, null, source, null, reportedAt);
		}
		BigDecimal value = (((round - 1 + i) / flipEvery) % 2 == 1) ? new BigDecimal("900") : new BigDecimal("1100");
		return new FigureReported(
				FigureReported.idOf(region, indicator, year, FigureKind.ACTUAL, Comparator.EQ, value, FigureStatus.FINAL, source),
				region, indicator, year, FigureKind.ACTUAL, Comparator.EQ, value, unit, FigureStatus.FINAL, source, null,
				reportedAt);
	}

	int series() {
		return series;
	}

	double alertShare() {
		return 1.0 / flipEvery;
	}

}
