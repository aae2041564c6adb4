package io.goalpost.metrics.series;

import java.util.Collection;

/** One indicator of one region, every year: the series a trend runs through, all on one partition. */
public record RegionIndicator(String region, String indicator) {

	private static final Unnest<RegionIndicator> PAIRS = new Unnest<>(Unnest.Column.of("text", RegionIndicator::region),
			Unnest.Column.of("text", RegionIndicator::indicator));

	/** {@code (columns) IN (…)} for any number of pairs, as {@link SeriesKey#anyOf} for series. */
	public static String anyOf(String columns) {
		return "(" + columns + ") IN (SELECT * FROM " + PAIRS.call() + ")";
	}

	public static Object[] arrays(Collection<RegionIndicator> pairs) {
		return PAIRS.arrays(pairs);
	}

}
