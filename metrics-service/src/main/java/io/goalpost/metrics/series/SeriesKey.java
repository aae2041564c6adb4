package io.goalpost.metrics.series;

import java.util.Collection;
import java.util.Map;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertKind;

/** A series: one indicator of one region in one year. */
public record SeriesKey(String region, String indicator, int year) {

	private static final Unnest<SeriesKey> KEYS = new Unnest<>(Unnest.Column.of("text", SeriesKey::region),
			Unnest.Column.of("text", SeriesKey::indicator), Unnest.Column.of("integer", SeriesKey::year));

	/** The named SQL parameters {@code :region}, {@code :indicator} and {@code :year}. */
	public Map<String, Object> params() {
		return Map.of("region", region, "indicator", indicator, "year", year);
	}

	/**
	 * {@code (columns) IN (…)} for any number of keys, in a statement text that does not depend on how many:
	 * {@code columns} names the region, indicator and year columns, as in {@code "s.region, s.indicator, s.year"}.
	 * The parameters are {@link #arrays}.
	 */
	public static String anyOf(String columns) {
		return "(" + columns + ") IN (SELECT * FROM " + KEYS.call() + ")";
	}

	/** The parameters of {@link #anyOf}. */
	public static Object[] arrays(Collection<SeriesKey> keys) {
		return KEYS.arrays(keys);
	}

	/** The series of this region and indicator, every year: what a trend is drawn through. */
	public RegionIndicator pair() {
		return new RegionIndicator(region, indicator);
	}

	/** The fingerprint of the alert of this kind on this series, the same across its firings. */
	public String fingerprint(AlertKind kind) {
		return AlertChanged.fingerprintOf(kind, region, indicator, year);
	}

	/** The alert topic's message key. */
	public String asKey() {
		return region + ":" + indicator + ":" + year;
	}

}
