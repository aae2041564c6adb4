package io.goalpost.metrics.series;

/** A series: one indicator of one region in one year. */
public record SeriesKey(String region, String indicator, int year) {

	/** The named SQL parameters {@code :region}, {@code :indicator} and {@code :year}. */
	public java.util.Map<String, Object> params() {
		return java.util.Map.of("region", region, "indicator", indicator, "year", year);
	}

	/** {@code (?, ?, ?), (?, ?, ?), …}: the row values of {@code count} keys, for {@code (region, indicator, year) IN (…)}. */
	public static String tuples(int count) {
		return String.join(", ", java.util.Collections.nCopies(count, "(?, ?, ?)"));
	}

	/** The values for {@link #tuples}: region, indicator and year of each key, in order. */
	public static java.util.List<Object> values(java.util.Collection<SeriesKey> keys) {
		java.util.List<Object> values = new java.util.ArrayList<>(keys.size() * 3);
		keys.forEach((key) -> values.addAll(java.util.List.of(key.region(), key.indicator(), key.year())));
		return values;
	}

	/** The alert topic's message key. */
	public String asKey() {
		return region + ":" + indicator + ":" + year;
	}

}
