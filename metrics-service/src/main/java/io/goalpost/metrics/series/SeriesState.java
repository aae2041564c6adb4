package io.goalpost.metrics.series;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest state of a series: the current target and actual (each the figure of the most recent
 * publication) and how the actual stands against the target.
 */
public record SeriesState(String region, String indicator, int year, String unit, Figure target, Figure actual,
		String verdict, BigDecimal shortfall, Instant updatedAt) {

	public SeriesKey key() {
		return new SeriesKey(region, indicator, year);
	}

}
